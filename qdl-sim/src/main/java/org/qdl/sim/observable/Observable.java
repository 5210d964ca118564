package org.qdl.sim.observable;

import org.qdl.sim.InvalidInputException;
import org.qdl.sim.state.StateVector;

/** A Hermitian operator whose expectation value ⟨ψ|O|ψ⟩ can be computed exactly from a state. */
public interface Observable {
    /** ⟨ψ|O|ψ⟩ for a normalised ψ (for an unnormalised ψ, ⟨ψ|O|ψ⟩ itself). */
    double expectation(StateVector state);

    /** The qubits O acts on non-trivially. */
    int[] support();

    /** Largest eigenvalue magnitude bound ‖O‖ (used for Hoeffding-type shot counts). */
    double normBound();

    /** Throws a clear error if O names a qubit that an n-qubit register does not have. */
    default void requireFits(int n) {
        for (int q : support()) {
            if (q < 0 || q >= n) {
                throw new InvalidInputException("observable " + this + " acts on qubit " + q
                        + " but the register has qubits 0.." + (n - 1));
            }
        }
    }
}
