package org.qdl.sim;

/**
 * The in-place loops that apply operators to a {@link StateVector}. Each kernel is one pass over the
 * state (no state-sized buffers), parallel over disjoint index groups.
 */
public final class Kernels {
    private Kernels() {}

    /** Applies the 2×2 matrix m to qubit q. */
    public static void apply1(StateVector s, int q, ComplexMatrix m) {
        final double[] re = s.realArray(), im = s.imagArray();
        final double a0r = m.re[0], a0i = m.im[0], a1r = m.re[1], a1i = m.im[1];
        final double b0r = m.re[2], b0i = m.im[2], b1r = m.re[3], b1i = m.im[3];
        final int stride = 1 << q;
        Parallel.forRange(s.dimension() >>> 1, (from, to) -> {
            int p = from;
            while (p < to) {
                int i0 = ((p >>> q) << (q + 1)) | (p & (stride - 1));
                int run = Math.min(to - p, stride - (p & (stride - 1)));
                int end = i0 + run;
                for (int i = i0; i < end; i++) {
                    int j = i + stride;
                    double xr = re[i], xi = im[i], yr = re[j], yi = im[j];
                    re[i] = a0r * xr - a0i * xi + a1r * yr - a1i * yi;
                    im[i] = a0r * xi + a0i * xr + a1r * yi + a1i * yr;
                    re[j] = b0r * xr - b0i * xi + b1r * yr - b1i * yi;
                    im[j] = b0r * xi + b0i * xr + b1r * yi + b1i * yr;
                }
                p += run;
            }
        });
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
        if (k == 1 && controls.length == 0) {
            apply1(s, targets[0], m);
            return;
        }
        final double[] re = s.realArray(), im = s.imagArray();
        final int[] fixed = Bits.sorted(concat(targets, controls));
        final int cmask = Bits.mask(controls);
        final int[] off = Bits.offsets(targets);
        final int d = 1 << k;
        final double[] mr = m.re, mi = m.im;
        int groups = s.dimension() >>> fixed.length;
        Parallel.forRange(groups, (from, to) -> {
            double[] xr = new double[d], xi = new double[d];
            for (int p = from; p < to; p++) {
                int base = Bits.insertZeros(p, fixed) | cmask;
                for (int a = 0; a < d; a++) {
                    xr[a] = re[base + off[a]];
                    xi[a] = im[base + off[a]];
                }
                for (int r = 0; r < d; r++) {
                    double sr = 0, si = 0;
                    int row = r * d;
                    for (int c = 0; c < d; c++) {
                        double ar = mr[row + c], ai = mi[row + c];
                        sr += ar * xr[c] - ai * xi[c];
                        si += ar * xi[c] + ai * xr[c];
                    }
                    re[base + off[r]] = sr;
                    im[base + off[r]] = si;
                }
            }
        });
    }

    /**
     * Multiplies each amplitude by phase[extract(i, qubits)] where (phaseRe, phaseIm) is a vector of
     * 2^k unit-modulus entries (the diagonal of a diagonal unitary on those qubits).
     */
    public static void applyDiagonal(StateVector s, int[] qubits, double[] phaseRe, double[] phaseIm) {
        final double[] re = s.realArray(), im = s.imagArray();
        Parallel.forRange(s.dimension(), (from, to) -> {
            for (int i = from; i < to; i++) {
                int m = Bits.extract(i, qubits);
                double pr = phaseRe[m], pi = phaseIm[m];
                double xr = re[i], xi = im[i];
                re[i] = pr * xr - pi * xi;
                im[i] = pr * xi + pi * xr;
            }
        });
    }

    /**
     * exp(−iθP/2) for the Pauli string P = i^{nY} X^{xmask} Z^{zmask}: cos(θ/2)·ψ − i sin(θ/2)·Pψ.
     */
    public static void applyPauliRotation(StateVector s, PauliString p, double theta) {
        final double c = Math.cos(theta / 2), sn = Math.sin(theta / 2);
        final double[] re = s.realArray(), im = s.imagArray();
        final int x = p.xMask(), z = p.zMask();
        if (x == 0) { // diagonal: e^{∓iθ/2} by the parity of the Z bits
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
        double[] mr = m.re, mi = m.im;
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

    static int[] concat(int[] a, int[] b) {
        int[] c = new int[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
