package org.qdl.protocol.model;

import java.util.List;
import org.qdl.sim.state.ComplexMatrix;
import org.qdl.sim.gate.Gate;
import org.qdl.sim.gate.MatrixGate;

/** A fixed dense unitary on all of a layer's qubits (small N only: 2^k×2^k entries). */
public final class FixedUnitaryLayer implements ParameterFreeLayer {
    private final MatrixGate gate;

    public FixedUnitaryLayer(ComplexMatrix unitary) {
        int k = unitary.qubits();
        int[] targets = new int[k];
        for (int q = 0; q < k; q++) targets[q] = q;
        this.gate = MatrixGate.of("U", unitary, targets);
    }

    @Override
    public int numQubits() {
        return gate.targets().length;
    }

    @Override
    public String kind() {
        return "a fixed unitary layer";
    }

    @Override
    public List<Gate> gates() {
        return List.of(gate);
    }

    /** Every entry of the 2^k×2^k complex matrix: 2·4^k reals. */
    @Override
    public long descriptionReals() {
        long d = 1L << numQubits();
        return 2 * d * d;
    }
}
