package org.qdl.sim.gate;

import org.qdl.sim.state.ComplexMatrix;
import org.qdl.sim.state.StateVector;

/**
 * A unitary operation on some qubits of a register. Its {@link #matrix()} is expressed on
 * {@link #qubits()} with qubits()[0] as the least significant bit of the matrix index.
 */
public sealed interface Gate permits MatrixGate, DiagonalGate, PauliRotation {
    /** Short name for display, e.g. "h", "cx", "rz(0.5)". */
    String name();

    /** Every qubit the gate touches (for a controlled gate: targets, then controls). */
    int[] qubits();

    /** Applies the gate in place. */
    void apply(StateVector state);

    /** The dense 2^k×2^k matrix on {@link #qubits()}. */
    ComplexMatrix matrix();

    /** U†. */
    Gate inverse();
}
