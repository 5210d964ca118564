package org.qdl.protocol.hard;

/** How Bob's subspace W = U†(|0⟩ ⊗ C^{N/2}) is drawn. */
public enum SubspaceFamily {
    /**
     * U Haar-random in O(N) (a dense matrix, N ≤ 256), so W is a uniformly random N/2-dimensional
     * subspace: the distribution on which Klartag and Regev prove the Ω(N^{1/3}) classical lower bound.
     */
    HAAR,
    /**
     * U a random real circuit (RY on every qubit then a ring of CZ, repeated), implementable at any
     * N. No classical lower bound is proven for this family: Bob can send the circuit's angles.
     */
    RANDOM_CIRCUIT
}
