package org.qdl.protocol;

/**
 * An observable a party can measure, named without revealing it: one it holds, or the generator
 * G_j of rotation step j of one of its layers (the derivative observables of the gradient
 * protocols; the generator itself never leaves the holder).
 */
public sealed interface ObservableRef {
    record Held(String key) implements ObservableRef {}

    record Generator(String layerKey, int step) implements ObservableRef {}

    static ObservableRef held(String key) {
        return new Held(key);
    }

    /** G_0 … G_{steps−1} of a layer. */
    static java.util.List<ObservableRef> generators(String layerKey, int steps) {
        java.util.List<ObservableRef> r = new java.util.ArrayList<>(steps);
        for (int j = 0; j < steps; j++) r.add(new Generator(layerKey, j));
        return r;
    }
}
