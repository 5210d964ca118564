package org.qdl.protocol.model;

import org.qdl.sim.InvalidInputException;

/**
 * A layer without trainable parameters (a fixed unitary, a frozen layer, angles set by the data):
 * gradient estimators and optimisers see nothing to train, and setting parameters is refused.
 */
public interface ParameterFreeLayer extends Layer {
    /** What the layer is, for error messages: "a frozen layer". */
    String kind();

    @Override
    default int numParameters() {
        return 0;
    }

    @Override
    default double[] parameters() {
        return new double[0];
    }

    @Override
    default void setParameters(double[] theta) {
        if (theta.length != 0) throw new InvalidInputException(kind() + " has no trainable parameters");
    }
}
