package org.qdl.claims.expressivity;

import org.qdl.sim.InvalidInputException;

/**
 * How the input x is scaled on each qubit of each encoding block: block ℓ rotates qubit q by
 * exp(−i x s_{ℓ,q} Z_q / 2). The generator s·Z/2 has eigenvalues ±s/2, so each rotation contributes
 * the frequencies {−s, 0, s}.
 */
public enum EncodingDesign {
    /** s = 1 everywhere: the frequencies are the integers |k| ≤ nL (2nL + 1 of them, linear in L). */
    LINEAR,
    /**
     * s = 3^{ℓn+q}: every sum Σ a·s with a ∈ {−1, 0, 1} is a distinct integer (balanced ternary), so
     * the frequencies are all integers |k| ≤ (3^{nL} − 1)/2: 3^{nL} of them, exponential in L.
     */
    EXPONENTIAL;

    /** Scale of qubit q (0-based) in block ℓ (0-based) of a model with {@code qubits} qubits. */
    public double scale(int block, int qubit, int qubits) {
        if (block < 0 || qubit < 0 || qubit >= qubits) throw new InvalidInputException("no qubit " + qubit + " in block " + block);
        return switch (this) {
            case LINEAR -> 1;
            case EXPONENTIAL -> Math.pow(3, (double) block * qubits + qubit);
        };
    }

    /** Parses "linear" or "exponential" (case-insensitive). */
    public static EncodingDesign parse(String s) {
        for (EncodingDesign d : values()) if (d.name().equalsIgnoreCase(s.trim())) return d;
        throw new InvalidInputException("unknown encoding design '" + s + "': expected linear or exponential");
    }
}
