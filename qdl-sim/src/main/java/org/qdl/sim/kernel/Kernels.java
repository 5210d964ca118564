package org.qdl.sim.kernel;

import org.qdl.sim.Bits;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.Parallel;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.state.Complex;
import org.qdl.sim.state.ComplexMatrix;
import org.qdl.sim.state.StateVector;

/**
 * The in-place loops that apply operators to a {@link StateVector}. Each kernel is one pass over the
 * state (no state-sized buffers), parallel over disjoint index groups.
 */
public final class Kernels {
    private Kernels() {}

    /** Up to this many Z bits a diagonal Pauli rotation goes through a phase table (2^8 entries). */
    private static final int MAX_TABULATED_Z = 8;

    /** Applies the 2×2 matrix m to qubit q. */
    public static void apply1(StateVector s, int q, ComplexMatrix m) {
        apply1(s.realArray(), s.imagArray(), q, coefficients(m), 0);
    }

    /** The 2×2 matrix as {a0r, a0i, a1r, a1i, b0r, b0i, b1r, b1i}: rows (a0 a1), (b0 b1). */
    public static double[] coefficients(ComplexMatrix m) {
        if (m.dim() != 2) throw new InvalidInputException("a " + m.dim() + "×" + m.dim() + " matrix is not a 1-qubit gate");
        double[] mr = m.realArray(), mi = m.imagArray();
        return new double[] {mr[0], mi[0], mr[1], mi[1], mr[2], mi[2], mr[3], mi[3]};
    }

    /**
     * The 2×2 matrix u (see {@link #coefficients}) on qubit q of the full state (re, im), on the
     * subspace where every bit of {@code cmask} is 1: a phase table when diagonal, else the SIMD
     * kernels when on, else {@link BlockLoops#apply1}.
     */
    public static void apply1(double[] re, double[] im, int q, double[] u, int cmask) {
        final int dim = re.length;
        if (BlockLoops.isDiagonal(u)) { // e.g. S, T, RZ, controlled phase: a phase pattern, no pairing needed
            int[] qs = Bits.sorted(Bits.concat(new int[] {q}, maskToQubits(cmask)));
            double[] pr = new double[1 << qs.length], pi = new double[1 << qs.length];
            int tb = java.util.Arrays.binarySearch(qs, q), cm = ((1 << qs.length) - 1) & ~(1 << tb);
            for (int m = 0; m < pr.length; m++) {
                boolean on = (m & cm) == cm;
                int t = m >>> tb & 1;
                pr[m] = on ? u[t == 0 ? 0 : 6] : 1;
                pi[m] = on ? u[t == 0 ? 1 : 7] : 0;
            }
            applyDiagonal(re, im, qs, pr, pi);
            return;
        }
        if (Simd.enabled() && dim >= Simd.lanes()) {
            Simd.applyGlobal(re, im, new int[] {q}, cmask, new double[] {u[0], u[2], u[4], u[6]}, new double[] {u[1], u[3], u[5], u[7]});
            return;
        }
        BlockLoops.apply1(re, im, q, u, cmask);
    }

    static int[] maskToQubits(int mask) {
        int[] q = new int[Integer.bitCount(mask)];
        for (int k = 0; mask != 0; mask &= mask - 1) q[k++] = Integer.numberOfTrailingZeros(mask);
        return q;
    }

    /**
     * Applies the 2^k×2^k matrix m to {@code targets} (targets[0] is the least significant bit of
     * m's index) on the subspace where every qubit in {@code controls} is 1.
     */
    public static void applyMatrix(StateVector s, int[] targets, int[] controls, ComplexMatrix m) {
        int k = targets.length;
        if (m.dim() != 1 << k) {
            throw new InvalidInputException("a " + m.dim() + "×" + m.dim() + " matrix cannot act on " + k + " qubits");
        }
        final double[] re = s.realArray(), im = s.imagArray();
        final int cmask = Bits.mask(controls);
        if (k == 1) {
            apply1(re, im, targets[0], coefficients(m), cmask);
            return;
        }
        final int dim = re.length;
        if (Simd.enabled() && dim >= Simd.lanes()) {
            Simd.applyGlobal(re, im, targets, cmask, m.realArray(), m.imagArray());
            return;
        }
        BlockLoops.applyDense(re, im, targets, cmask, m.realArray(), m.imagArray());
    }

    /**
     * Multiplies each amplitude by phase[extract(i, qubits)] where (phaseRe, phaseIm) is a vector of
     * 2^k unit-modulus entries (the diagonal of a diagonal unitary on those qubits).
     */
    public static void applyDiagonal(StateVector s, int[] qubits, double[] phaseRe, double[] phaseIm) {
        applyDiagonal(s.realArray(), s.imagArray(), qubits, phaseRe, phaseIm);
    }

    static void applyDiagonal(double[] re, double[] im, int[] qubits, double[] phaseRe, double[] phaseIm) {
        PhaseTable t = new PhaseTable(qubits, phaseRe, phaseIm);
        Parallel.forRange(re.length, t.run(), (a, b) -> t.apply(re, im, a, b));
    }

    /**
     * exp(−iθP/2) for the Pauli string P = i^{nY} X^{xmask} Z^{zmask}: cos(θ/2)·ψ − i sin(θ/2)·Pψ.
     */
    public static void applyPauliRotation(StateVector s, PauliString p, double theta) {
        final double c = Math.cos(theta / 2), sn = Math.sin(theta / 2);
        final double[] re = s.realArray(), im = s.imagArray();
        final int x = p.xMask(), z = p.zMask();
        if (x == 0 && Integer.bitCount(z) <= MAX_TABULATED_Z) { // diagonal: e^{∓iθ/2} by the parity of the Z bits
            int[] qs = maskToQubits(z);
            double[] pr = new double[1 << qs.length], pi = new double[1 << qs.length];
            for (int m = 0; m < pr.length; m++) {
                pr[m] = c;
                pi[m] = (Integer.bitCount(m) & 1) == 0 ? -sn : sn;
            }
            applyDiagonal(re, im, qs, pr, pi);
            return;
        }
        if (x == 0) {
            Parallel.forRange(s.dimension(), (from, to) -> {
                for (int i = from; i < to; i++) {
                    double ph = (Integer.bitCount(i & z) & 1) == 0 ? -sn : sn;
                    double xr = re[i], xi = im[i];
                    re[i] = c * xr - ph * xi;
                    im[i] = c * xi + ph * xr;
                }
            });
            return;
        }
        // P|j⟩ = ω (−1)^{|j∧z|} |j⊕x⟩ with ω = i^{nY}; −i·sin·ω = (wr + i wi).
        final Complex omega = p.phase();
        final double wr = sn * omega.im(), wi = -sn * omega.re();
        final int top = Integer.highestOneBit(x);
        final int[] pivot = {Integer.numberOfTrailingZeros(top)};
        Parallel.forRange(s.dimension() >>> 1, (from, to) -> {
            for (int p0 = from; p0 < to; p0++) {
                int j = Bits.insertZeros(p0, pivot); // the member of the pair with the top x bit clear
                int k = j ^ x;
                double sj = (Integer.bitCount(j & z) & 1) == 0 ? 1 : -1; // sign of P on |j⟩
                double sk = (Integer.bitCount(k & z) & 1) == 0 ? 1 : -1;
                double jr = re[j], ji = im[j], kr = re[k], ki = im[k];
                // new ψ_k = c ψ_k + (−i s ω) sj ψ_j ; new ψ_j = c ψ_j + (−i s ω) sk ψ_k
                re[k] = c * kr + sj * (wr * jr - wi * ji);
                im[k] = c * ki + sj * (wr * ji + wi * jr);
                re[j] = c * jr + sk * (wr * kr - wi * ki);
                im[j] = c * ji + sk * (wr * ki + wi * kr);
            }
        });
    }

    /** Applies the Pauli string itself (a unitary, Hermitian operator). */
    public static void applyPauli(StateVector s, PauliString p) {
        final double[] re = s.realArray(), im = s.imagArray();
        final int x = p.xMask(), z = p.zMask();
        final Complex omega = p.phase();
        final double wr = omega.re(), wi = omega.im();
        if (x == 0) {
            Parallel.forRange(s.dimension(), (from, to) -> {
                for (int i = from; i < to; i++) {
                    if ((Integer.bitCount(i & z) & 1) != 0) {
                        re[i] = -re[i];
                        im[i] = -im[i];
                    }
                }
            });
            return;
        }
        final int[] pivot = {Integer.numberOfTrailingZeros(Integer.highestOneBit(x))};
        Parallel.forRange(s.dimension() >>> 1, (from, to) -> {
            for (int p0 = from; p0 < to; p0++) {
                int j = Bits.insertZeros(p0, pivot);
                int k = j ^ x;
                double sj = (Integer.bitCount(j & z) & 1) == 0 ? 1 : -1;
                double sk = (Integer.bitCount(k & z) & 1) == 0 ? 1 : -1;
                double jr = re[j], ji = im[j], kr = re[k], ki = im[k];
                re[k] = sj * (wr * jr - wi * ji);
                im[k] = sj * (wr * ji + wi * jr);
                re[j] = sk * (wr * kr - wi * ki);
                im[j] = sk * (wr * ki + wi * kr);
            }
        });
    }

    /** Applies a dense 2^n×2^n unitary to the whole register, through one state-sized buffer. */
    public static void applyFull(StateVector s, ComplexMatrix m) {
        int d = s.dimension();
        if (m.dim() != d) throw new InvalidInputException("a " + m.dim() + "-dimensional matrix cannot act on a " + s.numQubits() + "-qubit register");
        StateVector in = s.copy();
        double[] xr = in.realArray(), xi = in.imagArray(), re = s.realArray(), im = s.imagArray();
        double[] mr = m.realArray(), mi = m.imagArray();
        Parallel.forRange(d, 1, (from, to) -> {
            for (int r = from; r < to; r++) {
                double sr = 0, si = 0;
                long row = (long) r * d;
                for (int c = 0; c < d; c++) {
                    double ar = mr[(int) (row + c)], ai = mi[(int) (row + c)];
                    sr += ar * xr[c] - ai * xi[c];
                    si += ar * xi[c] + ai * xr[c];
                }
                re[r] = sr;
                im[r] = si;
            }
        });
    }

}
