package org.qdl.sim.noise;

import org.qdl.sim.ComplexMatrix;
import org.qdl.sim.Parallel;
import org.qdl.sim.StateVector;

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
            int m = k.operators().size();
            for (int q : qubits) {
                double[] probs = new double[m];
                double total = 0;
                for (int j = 0; j < m; j++) {
                    probs[j] = branchWeight(psi, k.operators().get(j), q);
                    total += probs[j];
                }
                for (int j = 0; j < m; j++) probs[j] /= total;
                int j = t.choose(probs);
                applyOperator(psi, k.operators().get(j), q);
                psi.scale(1 / Math.sqrt(probs[j] * total));
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

    /** ‖K ψ‖² for a 2×2 operator K on qubit q (deterministic chunked sum). */
    static double branchWeight(StateVector psi, ComplexMatrix k, int q) {
        final double[] re = psi.realArray(), im = psi.imagArray();
        final int bit = 1 << q;
        final double ar = k.re(0, 0), ai = k.im(0, 0), br = k.re(0, 1), bi = k.im(0, 1);
        final double cr = k.re(1, 0), ci = k.im(1, 0), dr = k.re(1, 1), di = k.im(1, 1);
        return Parallel.sum(re.length >>> 1, (from, to) -> {
            double s = 0;
            for (int p = from; p < to; p++) {
                int i0 = ((p >>> q) << (q + 1)) | (p & (bit - 1)), i1 = i0 | bit;
                double x0r = re[i0], x0i = im[i0], x1r = re[i1], x1i = im[i1];
                double y0r = ar * x0r - ai * x0i + br * x1r - bi * x1i, y0i = ar * x0i + ai * x0r + br * x1i + bi * x1r;
                double y1r = cr * x0r - ci * x0i + dr * x1r - di * x1i, y1i = cr * x0i + ci * x0r + dr * x1i + di * x1r;
                s += y0r * y0r + y0i * y0i + y1r * y1r + y1i * y1i;
            }
            return s;
        });
    }

    /** ψ ← K ψ on qubit q (K need not be unitary). */
    static void applyOperator(StateVector psi, ComplexMatrix k, int q) {
        final double[] re = psi.realArray(), im = psi.imagArray();
        final int bit = 1 << q;
        final double ar = k.re(0, 0), ai = k.im(0, 0), br = k.re(0, 1), bi = k.im(0, 1);
        final double cr = k.re(1, 0), ci = k.im(1, 0), dr = k.re(1, 1), di = k.im(1, 1);
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
