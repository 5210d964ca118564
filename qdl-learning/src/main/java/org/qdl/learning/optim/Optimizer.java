package org.qdl.learning.optim;

import java.util.Map;

/**
 * A first-order optimiser for one layer, run by the layer's holder: from a gradient it returns the
 * parameter change (it never needs the parameter values, so they stay private). Its state can be
 * exported as named arrays for checkpoints and restored exactly.
 */
public interface Optimizer {
    String name();

    /** The update Δθ for gradient g (descent direction included). */
    double[] step(double[] gradient);

    /** State as named arrays (counters as one-element arrays); doubles round-trip exactly through JSON. */
    Map<String, double[]> state();

    void restore(Map<String, double[]> state);

    /** A fresh optimiser of the named kind: "sgd" (momentum) or "adam". */
    static Optimizer create(String kind, double learningRate, int size) {
        return switch (kind) {
            case "sgd" -> new SgdMomentum(learningRate, 0.9, size);
            case "adam" -> {
                if (!(learningRate > 0)) throw new org.qdl.sim.InvalidInputException("learning rate must be positive, got " + learningRate);
                yield Adam.withDefaults(learningRate, size);
            }
            default -> throw new org.qdl.sim.InvalidInputException("unknown optimiser '" + kind + "': use sgd or adam");
        };
    }
}
