package org.qdl.claims.linear;

import org.qdl.sim.state.AmplitudeEncoding;

/**
 * The contrast case, quoted from its analytic costs (implemented elsewhere in qdl-protocol): in the
 * vector-in-subspace problem (Raz 1999) Alice holds a unit x ∈ R^N, Bob a subspace of dimension
 * N/2, promised x is in it or far from it. Quantum: Alice sends |x⟩ and Bob measures the projector,
 * ⌈log2 N⌉ qubits per copy and O(1) copies. Classical: Ω(N^{1/3}) bits even with shared randomness
 * and any interaction (Klartag and Regev 2011). The constant of the lower bound is not given, so
 * {@link #classicalLowerBoundScaling(long)} is N^{1/3} up to an unknown constant factor.
 */
public final class VectorInSubspaceReference {
    private VectorInSubspaceReference() {}

    public static int quantumQubitsPerCopy(long n) {
        return AmplitudeEncoding.qubitsFor(n);
    }

    public static double classicalLowerBoundScaling(long n) {
        return Math.cbrt(n);
    }
}
