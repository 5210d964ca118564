package org.qdl.protocol.model;

import java.util.List;
import org.qdl.sim.gate.Gate;

/**
 * A layer with all its parameters frozen: the same gates, no parameters, so no gradient estimator
 * or optimiser sees them. Used for non-Pauli layers marked untrainable.
 */
public final class FrozenLayer implements ParameterFreeLayer {
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
    public String kind() {
        return "a frozen layer";
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
