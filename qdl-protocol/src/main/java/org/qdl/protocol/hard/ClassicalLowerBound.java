package org.qdl.protocol.hard;

/**
 * The classical communication lower bound for the vector-in-subspace problem: B. Klartag and
 * O. Regev, "Quantum one-way communication can be exponentially stronger than classical
 * communication", STOC 2011 (arXiv:1009.3640). Every classical protocol, two-way and randomised,
 * that decides the problem with error ≤ 1/3 on their hard distribution (v uniform in a uniformly
 * random N/2-dimensional subspace W or in W⊥) communicates Ω(N^{1/3}) bits. The constant is not
 * given, so this reports N^{1/3} (constant 1) as the growth rate to compare against, not a number of
 * bits any particular protocol must send. The bound is proven for Haar-random subspaces only.
 */
public final class ClassicalLowerBound {
    private ClassicalLowerBound() {}

    /** N^{1/3}: the Ω(·) growth of the classical bits, up to an unspecified constant. */
    public static double klartagRegevBits(long dimension) {
        return Math.cbrt((double) dimension);
    }

    public static final String CITATION = "Klartag & Regev, STOC 2011 (arXiv:1009.3640): Ω(N^{1/3}) bits, Haar-random subspaces";
}
