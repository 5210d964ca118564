package org.qdl.sim.observable;

import org.qdl.sim.InvalidInputException;
import org.qdl.sim.Parallel;
import org.qdl.sim.gate.Gates;
import org.qdl.sim.state.Complex;
import org.qdl.sim.state.ComplexMatrix;
import org.qdl.sim.state.StateVector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A tensor product of single-qubit Paulis, written like {@code "X0 Y3 Z7"} (identity elsewhere; the
 * empty string or {@code "I"} is the identity). Stored as masks: P = i^{nY} X^{xMask} Z^{zMask},
 * so P|j⟩ = i^{nY} (−1)^{|j ∧ zMask|} |j ⊕ xMask⟩.
 */
public final class PauliString implements Observable {
    private final int xMask;
    private final int zMask;

    private PauliString(int xMask, int zMask) {
        this.xMask = xMask;
        this.zMask = zMask;
    }

    public static PauliString identity() {
        return new PauliString(0, 0);
    }

    /** From masks: qubits in x only are X, in z only are Z, in both are Y. */
    public static PauliString ofMasks(int xMask, int zMask) {
        return new PauliString(xMask, zMask);
    }

    /** A single Pauli ('X', 'Y' or 'Z') on one qubit. */
    public static PauliString single(char pauli, int qubit) {
        return parse(Character.toString(pauli) + qubit);
    }

    /** Parses e.g. "X0 Y3 Z7", "X0*Y3", "Z 0 Z 1" is not accepted: each factor is a letter then a qubit index. */
    public static PauliString parse(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("I")) return identity();
        int x = 0, z = 0;
        for (String tok : t.split("[\\s*]+")) {
            if (tok.isEmpty()) continue;
            char c = Character.toUpperCase(tok.charAt(0));
            int q;
            try {
                q = Integer.parseInt(tok.substring(1));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("bad Pauli factor '" + tok + "' in \"" + text
                        + "\": expected a letter X, Y, Z or I followed by a qubit index, e.g. X0");
            }
            if (q < 0 || q >= StateVector.MAX_QUBITS) {
                throw new InvalidInputException("qubit index " + q + " in Pauli string \"" + text + "\" is outside 0.." + (StateVector.MAX_QUBITS - 1));
            }
            int bit = 1 << q;
            if (((x | z) & bit) != 0) throw new InvalidInputException("qubit " + q + " appears twice in Pauli string \"" + text + "\"");
            switch (c) {
                case 'X' -> x |= bit;
                case 'Y' -> { x |= bit; z |= bit; }
                case 'Z' -> z |= bit;
                case 'I' -> { }
                default -> throw new InvalidInputException("bad Pauli letter '" + tok.charAt(0) + "' in \"" + text + "\": expected X, Y, Z or I");
            }
        }
        return new PauliString(x, z);
    }

    public int xMask() {
        return xMask;
    }

    public int zMask() {
        return zMask;
    }

    /** Number of qubits acted on non-trivially (the weight, or locality). */
    public int weight() {
        return Integer.bitCount(xMask | zMask);
    }

    /** i^{nY}. */
    public Complex phase() {
        return switch (Integer.bitCount(xMask & zMask) & 3) {
            case 0 -> Complex.ONE;
            case 1 -> Complex.I;
            case 2 -> new Complex(-1, 0);
            default -> new Complex(0, -1);
        };
    }

    /** The Pauli letter on qubit q: 'I', 'X', 'Y' or 'Z'. */
    public char letter(int q) {
        boolean xb = (xMask >>> q & 1) != 0, zb = (zMask >>> q & 1) != 0;
        return xb ? (zb ? 'Y' : 'X') : (zb ? 'Z' : 'I');
    }

    /** True if the two strings commute (an even number of anticommuting positions). */
    public boolean commutesWith(PauliString o) {
        return (Integer.bitCount((xMask & o.zMask) ^ (zMask & o.xMask)) & 1) == 0;
    }

    @Override
    public int[] support() {
        int m = xMask | zMask;
        int[] q = new int[Integer.bitCount(m)];
        for (int i = 0, k = 0; m != 0; i++, m >>>= 1) if ((m & 1) != 0) q[k++] = i;
        return q;
    }

    @Override
    public double normBound() {
        return 1;
    }

    /** ⟨ψ|P|ψ⟩ = Σ_j conj(ψ_{j⊕x}) i^{nY} (−1)^{|j∧z|} ψ_j, exactly. */
    @Override
    public double expectation(StateVector s) {
        requireFits(s.numQubits());
        final double[] re = s.realArray(), im = s.imagArray();
        final int x = xMask, z = zMask;
        double[] sum = Parallel.sum2(s.dimension(), (a, b, out) -> {
            double sr = 0, si = 0;
            for (int j = a; j < b; j++) {
                int k = j ^ x;
                double sg = (Integer.bitCount(j & z) & 1) == 0 ? 1 : -1;
                // conj(ψ_k) ψ_j
                sr += sg * (re[k] * re[j] + im[k] * im[j]);
                si += sg * (re[k] * im[j] - im[k] * re[j]);
            }
            out[0] += sr;
            out[1] += si;
        });
        Complex w = phase();
        return w.re() * sum[0] - w.im() * sum[1];
    }

    /** The dense 2^k matrix of this string on its support (support()[0] is the least significant bit). */
    public ComplexMatrix matrixOnSupport() {
        int[] sup = support();
        ComplexMatrix m = ComplexMatrix.identity(1);
        for (int b = sup.length - 1; b >= 0; b--) m = m.kron(Gates.pauli(letter(sup[b])));
        return m;
    }

    /** Factors as (letter, qubit) pairs in ascending qubit order. */
    public List<String> factors() {
        List<String> f = new ArrayList<>();
        for (int q : support()) f.add(letter(q) + Integer.toString(q));
        return f;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PauliString p && p.xMask == xMask && p.zMask == zMask;
    }

    @Override
    public int hashCode() {
        return 31 * xMask + zMask;
    }

    @Override
    public String toString() {
        List<String> f = factors();
        return f.isEmpty() ? "I" : String.join(" ", f).toUpperCase(Locale.ROOT);
    }
}
