package org.qdl.protocol.hard;

import org.qdl.protocol.model.Layer;

/**
 * One instance of the vector-in-subspace problem: Alice holds a unit vector v ∈ R^N, Bob holds the
 * subspace W = U†(|0⟩ ⊗ C^{N/2}) through the unitary U (v ∈ W iff U·v has its top qubit in |0⟩),
 * with the promise that v ∈ W or v ∈ W⊥.
 *
 * @param inSubspace the true answer (for checking the protocol; neither party is told it)
 */
public record VectorInSubspaceInstance(SubspaceFamily family, int numQubits, double[] v, Layer bobUnitary, boolean inSubspace) {
    public VectorInSubspaceInstance {
        v = v.clone();
    }

    public long dimension() {
        return 1L << numQubits;
    }
}
