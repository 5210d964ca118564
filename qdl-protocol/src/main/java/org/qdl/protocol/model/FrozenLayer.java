package org.qdl.protocol.model;

import java.util.List;
import org.qdl.sim.gate.Gate;
import org.qdl.sim.InvalidInputException;

/**
 * A layer with all its parameters frozen: the same gates, no parameters, so no gradient estimator
 * or optimiser sees them. Used for non-Pauli layers marked untrainable.
 */
public final class FrozenLayer implements Layer {
    private final Layer inner;
    private final List<Gate> gates;

    public FrozenLayer(Layer inner) {
        this.inner = inner;
        this.gates = List.copyOf(inner.gates());
    }

    @Override
    public int numQubits() {
        return inner.numQubits();
    }

    @Override
    public int numParameters() {
        return 0;
    }

    @Override
    public double[] parameters() {
        return new double[0];
    }

    @Override
    public void setParameters(double[] theta) {
        if (theta.length != 0) throw new InvalidInputException("a frozen layer has no trainable parameters");
    }

    @Override
    public List<Gate> gates() {
        return gates;
    }

    @Override
    public long descriptionReals() {
        return inner.descriptionReals();
    }
}
