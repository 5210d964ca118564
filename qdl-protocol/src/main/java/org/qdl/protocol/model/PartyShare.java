package org.qdl.protocol.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.qdl.protocol.LocalParty;
import org.qdl.sim.observable.Observable;

/**
 * One party's private share of a {@link QdlModel}: its data vectors, its layers (as factories, so
 * every network or server session gets its own parameters) and its observables. This is all an
 * operator needs to serve the party ({@link #newParty()}); nothing in it belongs to another party.
 */
public final class PartyShare {
    /** A layer as its holder builds it: a factory and the names of the layer's parameters. */
    record LayerEntry(Supplier<Layer> factory, List<String> names, List<String> frozen, String where, int qubits) {}

    private final String name;
    private final Map<String, double[]> data;
    private final Map<String, LayerEntry> layers;
    private final Map<String, Observable> observables;

    PartyShare(String name, Map<String, double[]> data, Map<String, LayerEntry> layers, Map<String, Observable> observables) {
        this.name = name;
        this.data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        this.layers = Collections.unmodifiableMap(new LinkedHashMap<>(layers));
        this.observables = Collections.unmodifiableMap(new LinkedHashMap<>(observables));
    }

    public String name() {
        return name;
    }

    /** A fresh in-process party holding this share (new layer objects, no registers). */
    public LocalParty newParty() {
        return newParty(null, 0);
    }

    /** As {@link #newParty()}, with data vector {@code padded} zero-padded to 2^qubits entries (ancillas above the data). */
    LocalParty newParty(String padded, int qubits) {
        LocalParty p = new LocalParty(name);
        for (Map.Entry<String, double[]> e : data.entrySet()) {
            double[] x = e.getValue();
            if (e.getKey().equals(padded) && x.length < 1 << qubits) x = java.util.Arrays.copyOf(x, 1 << qubits);
            p.holdData(e.getKey(), x);
        }
        for (Map.Entry<String, LayerEntry> e : layers.entrySet()) p.holdLayer(e.getKey(), e.getValue().factory().get());
        for (Map.Entry<String, Observable> e : observables.entrySet()) p.holdObservable(e.getKey(), e.getValue());
        return p;
    }

    public java.util.Set<String> dataKeys() {
        return data.keySet();
    }

    public java.util.Set<String> layerKeys() {
        return layers.keySet();
    }

    public java.util.Set<String> observableKeys() {
        return observables.keySet();
    }

    double[] data(String key) {
        return data.get(key);
    }

    LayerEntry layer(String key) {
        return layers.get(key);
    }

    Observable observable(String key) {
        return observables.get(key);
    }
}
