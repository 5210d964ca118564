package org.qdl.sim.noise;

import org.qdl.sim.state.ComplexMatrix;
import org.qdl.sim.Parallel;
import org.qdl.sim.state.StateVector;

/**
 * Channels on a state vector by quantum jumps: the trajectory picks a branch at each noise location
 * and the state takes it, so averaging |ψ⟩⟨ψ| over trajectories gives the channel's output exactly.
 *
 * <ul>
 *   <li>Pauli channel on qubit q: branch I, X, Y or Z with the channel's probabilities (state
 *       independent); the Paulis drawn for all qubits are applied together in one pass.</li>
 *   <li>Kraus channel on qubit q: branch k with probability ‖K_k ψ‖² (norm-weighted, as non-unital
 *       channels need), then ψ ← K_k ψ / ‖K_k ψ‖.</li>
 *   <li>Global depolarising: with probability p a uniformly random Pauli string on the qubits.</li>
 * </ul>
 */
public final class Trajectories {
    private static final double[] UNIFORM4 = {0.25, 0.25, 0.25, 0.25};

    private Trajectories() {}

    /** Applies {@code channel} to {@code qubits} of ψ along the trajectory's jumps. */
    public static void apply(Channel channel, StateVector psi, int[] qubits, Trajectory t) {
        psi.checkQubits("noise", qubits);
        if (channel instanceof PauliChannel p) {
            double[] probs = p.probabilities();
            int x = 0, z = 0;
            for (int q : qubits) {
                int k = t.choose(probs);
                if (k == 1 || k == 2) x |= 1 << q;
                if (k == 2 || k == 3) z |= 1 << q;
            }
            applyPauli(psi, x, z);
        } else if (channel instanceof GlobalDepolarizing g) {
            if (t.choose(new double[] {1 - g.p(), g.p()}) == 0) return;
            int x = 0, z = 0;
            for (int q : qubits) {
                int k = t.choose(UNIFORM4);
                if (k == 1 || k == 2) x |= 1 << q;
                if (k == 2 || k == 3) z |= 1 << q;
            }
            applyPauli(psi, x, z);
        } else if (channel instanceof KrausChannel k) {
            ComplexMatrix[] ops = k.operators().toArray(new ComplexMatrix[0]);
            for (int q : qubits) {
                double[] probs = branchWeights(psi, ops, q);
                double total = 0;
                for (double w : probs) total += w;
                for (int j = 0; j < probs.length; j++) probs[j] /= total;
                int j = t.choose(probs);
                applyOperator(psi, ops[j], q, 1 / Math.sqrt(probs[j] * total));
            }
        }
    }

    /** ψ ← P ψ for P = X^x Z^z (the global phase i^{nY} is dropped: it changes no probability). */
    public static void applyPauli(StateVector psi, int xMask, int zMask) {
        if ((xMask | zMask) == 0) return;
        final double[] re = psi.realArray(), im = psi.imagArray();
        if (xMask == 0) {
            Parallel.forRange(re.length, (a, b) -> {
                for (int j = a; j < b; j++) {
                    if ((Integer.bitCount(j & zMask) & 1) != 0) {
                        re[j] = -re[j];
                        im[j] = -im[j];
                    }
                }
            });
            return;
        }
        final int top = Integer.highestOneBit(xMask);
        Parallel.forRange(re.length, (a, b) -> {
            for (int j = a; j < b; j++) {
                if ((j & top) != 0) continue;
                int k = j ^ xMask;
                // (Z^z ψ) then X^x: new[k] = s(j) ψ[j], new[j] = s(k) ψ[k], s(i) = (−1)^{|i ∧ z|}.
                double sj = (Integer.bitCount(j & zMask) & 1) == 0 ? 1 : -1;
                double sk = (Integer.bitCount(k & zMask) & 1) == 0 ? 1 : -1;
                double rj = re[j], ij = im[j];
                re[j] = sk * re[k];
                im[j] = sk * im[k];
                re[k] = sj * rj;
                im[k] = sj * ij;
            }
        });
    }

    /** ‖K_j ψ‖² for every 2×2 operator K_j on qubit q, in one deterministic chunked pass. */
    static double[] branchWeights(StateVector psi, ComplexMatrix[] ops, int q) {
        final double[] re = psi.realArray(), im = psi.imagArray();
        final int bit = 1 << q, m = ops.length;
        final double[] k = new double[8 * m];
        for (int j = 0; j < m; j++) {
            for (int e = 0; e < 4; e++) {
                k[8 * j + 2 * e] = ops[j].re(e >> 1, e & 1);
                k[8 * j + 2 * e + 1] = ops[j].im(e >> 1, e & 1);
            }
        }
        int half = re.length >>> 1;
        double[] w = new double[m];
        // Two operators at a time in one pass (Parallel.sum2: fixed chunks, combined in order).
        for (int j0 = 0; j0 < m; j0 += 2) {
            final int a = j0, b = Math.min(j0 + 1, m - 1);
            double[] s = Parallel.sum2(half, (from, to, out) -> {
                double sa = 0, sb = 0;
                for (int p = from; p < to; p++) {
                    int i0 = ((p >>> q) << (q + 1)) | (p & (bit - 1)), i1 = i0 | bit;
                    double x0r = re[i0], x0i = im[i0], x1r = re[i1], x1i = im[i1];
                    sa += weight(k, 8 * a, x0r, x0i, x1r, x1i);
                    if (b != a) sb += weight(k, 8 * b, x0r, x0i, x1r, x1i);
                }
                out[0] += sa;
                out[1] += sb;
            });
            w[a] = s[0];
            if (b != a) w[b] = s[1];
        }
        return w;
    }

    /** |K (x0, x1)|² for the operator stored at k[o..o+8) as (re, im) of K00, K01, K10, K11. */
    private static double weight(double[] k, int o, double x0r, double x0i, double x1r, double x1i) {
        double y0r = k[o] * x0r - k[o + 1] * x0i + k[o + 2] * x1r - k[o + 3] * x1i;
        double y0i = k[o] * x0i + k[o + 1] * x0r + k[o + 2] * x1i + k[o + 3] * x1r;
        double y1r = k[o + 4] * x0r - k[o + 5] * x0i + k[o + 6] * x1r - k[o + 7] * x1i;
        double y1i = k[o + 4] * x0i + k[o + 5] * x0r + k[o + 6] * x1i + k[o + 7] * x1r;
        return y0r * y0r + y0i * y0i + y1r * y1r + y1i * y1i;
    }

    /** ψ ← s·K ψ on qubit q (K need not be unitary; s renormalises the branch). */
    static void applyOperator(StateVector psi, ComplexMatrix k, int q, double s) {
        final double[] re = psi.realArray(), im = psi.imagArray();
        final int bit = 1 << q;
        final double ar = s * k.re(0, 0), ai = s * k.im(0, 0), br = s * k.re(0, 1), bi = s * k.im(0, 1);
        final double cr = s * k.re(1, 0), ci = s * k.im(1, 0), dr = s * k.re(1, 1), di = s * k.im(1, 1);
        Parallel.forRange(re.length >>> 1, (from, to) -> {
            for (int p = from; p < to; p++) {
                int i0 = ((p >>> q) << (q + 1)) | (p & (bit - 1)), i1 = i0 | bit;
                double x0r = re[i0], x0i = im[i0], x1r = re[i1], x1i = im[i1];
                re[i0] = ar * x0r - ai * x0i + br * x1r - bi * x1i;
                im[i0] = ar * x0i + ai * x0r + br * x1i + bi * x1r;
                re[i1] = cr * x0r - ci * x0i + dr * x1r - di * x1i;
                im[i1] = cr * x0i + ci * x0r + dr * x1i + di * x1r;
            }
        });
    }
}
