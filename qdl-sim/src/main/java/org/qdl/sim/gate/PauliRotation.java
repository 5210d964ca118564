package org.qdl.sim.gate;

import org.qdl.sim.InvalidInputException;
import org.qdl.sim.kernel.Kernels;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.state.Complex;
import org.qdl.sim.state.ComplexMatrix;
import org.qdl.sim.state.StateVector;

/** exp(−iθP/2) for a Pauli string P. */
public record PauliRotation(PauliString pauli, double theta) implements Gate {
    public PauliRotation {
        if (!Double.isFinite(theta)) throw new InvalidInputException("rotation angle for " + pauli + " is " + theta);
    }

    public static PauliRotation of(String pauli, double theta) {
        return new PauliRotation(PauliString.parse(pauli), theta);
    }

    @Override
    public String name() {
        return "exp(-i" + theta + "/2 " + pauli + ")";
    }

    @Override
    public int[] qubits() {
        return pauli.support();
    }

    @Override
    public void apply(StateVector s) {
        pauli.requireFits(s.numQubits());
        Kernels.applyPauliRotation(s, pauli, theta);
    }

    @Override
    public ComplexMatrix matrix() {
        ComplexMatrix p = pauli.matrixOnSupport();
        return ComplexMatrix.identity(p.dim()).scale(new Complex(Math.cos(theta / 2), 0))
                .plus(p.scale(new Complex(0, -Math.sin(theta / 2))));
    }

    @Override
    public Gate inverse() {
        return new PauliRotation(pauli, -theta);
    }
}
