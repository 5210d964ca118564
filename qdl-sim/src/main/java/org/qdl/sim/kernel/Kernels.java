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

    /** Below this many amplitudes per thread chunk a 1-qubit gate on qubit q walks whole pair blocks. */
    private static final int MIN_RUN = 64;

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
     * subspace where every bit of {@code cmask} is 1. One pass; runs of contiguous pairs.
     */
    public static void apply1(double[] re, double[] im, int q, double[] u, int cmask) {
        final int dim = re.length, stride = 1 << q;
        if (isDiagonal(u)) { // e.g. S, T, RZ, controlled phase: a phase pattern, no pairing needed
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
        if (cmask == 0) {
            if (2 * stride <= dim / (8 * Parallel.threads()) || dim <= MIN_RUN) {
                Parallel.forRange(dim, 2 * stride, (a, b) -> apply1Blocks(re, im, q, u, a, b));
            } else {
                Parallel.forRange(stride, (a, b) -> {
                    for (int blk = 0; blk < dim; blk += 2 * stride) {
                        if (stride >= FAR_STRIDE) pairsFar(re, im, u, blk + a, blk + b, stride);
                        else pairs(re, im, u, blk + a, blk + b, stride);
                    }
                });
            }
            return;
        }
        final int c0 = Integer.numberOfTrailingZeros(cmask);
        if (q < c0) { // target below every control: whole aligned runs of 2^c0 amplitudes have all controls 1
            final int len = 1 << c0, lenMask = cmask | (len - 1), count = dim >>> (Integer.bitCount(cmask) + c0);
            if (count >= 8 * Parallel.threads()) {
                Parallel.forRange(count, (a, b) -> {
                    int r = Bits.deposit(a, ~lenMask & (dim - 1));
                    for (int t = a; t < b; t++, r = Bits.nextWithZeros(r, lenMask)) {
                        int base = r | cmask;
                        apply1Blocks(re, im, q, u, base, base + len);
                    }
                });
            } else {
                Parallel.forRange(len, 2 * stride, (a, b) -> {
                    for (int t = 0, r = 0; t < count; t++, r = Bits.nextWithZeros(r, lenMask)) {
                        int base = r | cmask;
                        apply1Blocks(re, im, q, u, base + a, base + b);
                    }
                });
            }
            return;
        }
        final int fixed = cmask | stride;
        final int f0 = Integer.numberOfTrailingZeros(fixed), run = 1 << f0;
        final int runMask = fixed | (run - 1), free = ~runMask & (dim - 1);
        final int runs = dim >>> (Integer.bitCount(fixed) + f0);
        if (runs >= 64) {
            Parallel.forRange(runs, (a, b) -> {
                pairsRuns(re, im, u, 0, Bits.deposit(a, free), b - a, runMask, cmask, run, stride);
            });
        } else { // few long runs: split each run instead
            Parallel.forRange(run, (a, b) -> {
                for (int t = 0, r = 0; t < runs; t++, r = Bits.nextWithZeros(r, runMask)) {
                    int base = r | cmask;
                    pairs(re, im, u, base + a, base + b, stride);
                }
            });
        }
    }

    /**
     * The 2×2 matrix u on qubit q of the amplitudes [from, to) of (re, im), where from and to are
     * multiples of 2^{q+1}: the in-cache form that gate fusion applies to a block.
     */
    public static void apply1Blocks(double[] re, double[] im, int q, double[] u, int from, int to) {
        if (q >= 2 || isReal(u) || isRealImag(u)) { // the special forms live in pairsRuns only
            int stride = 1 << q;
            pairsRuns(re, im, u, from, 0, (to - from) >>> (q + 1), 2 * stride - 1, 0, stride, stride);
            return;
        }
        // Short strides: one loop over the whole range, partners at a fixed distance, no per-block calls.
        final double a0r = u[0], a0i = u[1], a1r = u[2], a1i = u[3], b0r = u[4], b0i = u[5], b1r = u[6], b1i = u[7];
        if (q == 0) {
            for (int i = from; i < to; i += 2) {
                double xr = re[i], xi = im[i], yr = re[i + 1], yi = im[i + 1];
                re[i] = Math.fma(a0r, xr, Math.fma(-a0i, xi, Math.fma(a1r, yr, -a1i * yi)));
                im[i] = Math.fma(a0r, xi, Math.fma(a0i, xr, Math.fma(a1r, yi, a1i * yr)));
                re[i + 1] = Math.fma(b0r, xr, Math.fma(-b0i, xi, Math.fma(b1r, yr, -b1i * yi)));
                im[i + 1] = Math.fma(b0r, xi, Math.fma(b0i, xr, Math.fma(b1r, yi, b1i * yr)));
            }
            return;
        }
        for (int i = from; i < to; i += 4) {
            for (int k = i; k < i + 2; k++) {
                int j = k + 2;
                double xr = re[k], xi = im[k], yr = re[j], yi = im[j];
                re[k] = Math.fma(a0r, xr, Math.fma(-a0i, xi, Math.fma(a1r, yr, -a1i * yi)));
                im[k] = Math.fma(a0r, xi, Math.fma(a0i, xr, Math.fma(a1r, yi, a1i * yr)));
                re[j] = Math.fma(b0r, xr, Math.fma(-b0i, xi, Math.fma(b1r, yr, -b1i * yi)));
                im[j] = Math.fma(b0r, xi, Math.fma(b0i, xr, Math.fma(b1r, yi, b1i * yr)));
            }
        }
    }

    public static boolean isDiagonal(double[] u) {
        return u[2] == 0 && u[3] == 0 && u[4] == 0 && u[5] == 0;
    }

    /** Real or RX-like: the kernels' forms that take half the multiplies of a general 2×2. */
    public static boolean isCheap(double[] u) {
        return isReal(u) || isRealImag(u);
    }

    static boolean isReal(double[] u) {
        return u[1] == 0 && u[3] == 0 && u[5] == 0 && u[7] == 0;
    }

    /** RX-like: real diagonal, imaginary off-diagonal entries (RX, X·phase, √X up to phase is not). */
    static boolean isRealImag(double[] u) {
        return u[1] == 0 && u[7] == 0 && u[2] == 0 && u[4] == 0;
    }

    /** Partner distance (amplitudes) from which {@link #pairsFar} is used: 2^24 = 128 MiB per array. */
    static final int FAR_STRIDE = 1 << 24;
    private static final int FAR_CHUNK = 4096;

    /**
     * Pairs (i, i + stride) for far partners. Four interleaved streams whose addresses differ by
     * hundreds of MiB ran 3–8× slower in CPU time on the project VM than two (measured for the top
     * qubit at n = 26); copying the far half through a small buffer chunk by chunk streams one half
     * at a time.
     */
    static void pairsFar(double[] re, double[] im, double[] u, int i0, int i1, int stride) {
        final double a0r = u[0], a0i = u[1], a1r = u[2], a1i = u[3], b0r = u[4], b0i = u[5], b1r = u[6], b1i = u[7];
        final boolean real = isReal(u), realImag = isRealImag(u);
        double[] tr = new double[FAR_CHUNK], ti = new double[FAR_CHUNK];
        for (int a = i0; a < i1; a += FAR_CHUNK) {
            int len = Math.min(FAR_CHUNK, i1 - a), b = a + stride;
            System.arraycopy(re, b, tr, 0, len);
            System.arraycopy(im, b, ti, 0, len);
            // The same arithmetic as pairsRuns for each matrix kind, so results do not depend on
            // which of the two paths a thread count selects.
            if (real) {
                for (int k = 0; k < len; k++) {
                    int i = a + k;
                    double xr = re[i], xi = im[i], yr = tr[k], yi = ti[k];
                    re[i] = Math.fma(a0r, xr, a1r * yr);
                    im[i] = Math.fma(a0r, xi, a1r * yi);
                    tr[k] = Math.fma(b0r, xr, b1r * yr);
                    ti[k] = Math.fma(b0r, xi, b1r * yi);
                }
            } else if (realImag) {
                for (int k = 0; k < len; k++) {
                    int i = a + k;
                    double xr = re[i], xi = im[i], yr = tr[k], yi = ti[k];
                    re[i] = Math.fma(a0r, xr, -a1i * yi);
                    im[i] = Math.fma(a0r, xi, a1i * yr);
                    tr[k] = Math.fma(b1r, yr, -b0i * xi);
                    ti[k] = Math.fma(b1r, yi, b0i * xr);
                }
            } else {
                for (int k = 0; k < len; k++) {
                    int i = a + k;
                    double xr = re[i], xi = im[i], yr = tr[k], yi = ti[k];
                    re[i] = Math.fma(a0r, xr, Math.fma(-a0i, xi, Math.fma(a1r, yr, -a1i * yi)));
                    im[i] = Math.fma(a0r, xi, Math.fma(a0i, xr, Math.fma(a1r, yi, a1i * yr)));
                    tr[k] = Math.fma(b0r, xr, Math.fma(-b0i, xi, Math.fma(b1r, yr, -b1i * yi)));
                    ti[k] = Math.fma(b0r, xi, Math.fma(b0i, xr, Math.fma(b1r, yi, b1i * yr)));
                }
            }
            System.arraycopy(tr, 0, re, b, len);
            System.arraycopy(ti, 0, im, b, len);
        }
    }

    /** Pairs (i, i + stride) for i in [i0, i1). */
    public static void pairs(double[] re, double[] im, double[] u, int i0, int i1, int stride) {
        pairsRuns(re, im, u, i0, 0, 1, 0, 0, i1 - i0, stride);
    }

    /**
     * Pairs (i, i + stride) for i in {@code count} runs [b, b + run), b = from + (r | orMask), where r
     * starts at {@code r} and steps to the next integer with zeros at {@code zeroMask}. Walking the runs
     * here rather than in the caller keeps the coefficients in registers across short runs; real and
     * RX-like matrices take half the multiplications of the general case.
     */
    public static void pairsRuns(double[] re, double[] im, double[] u, int from, int r, int count,
                                 int zeroMask, int orMask, int run, int stride) {
        final double a0r = u[0], a0i = u[1], a1r = u[2], a1i = u[3], b0r = u[4], b0i = u[5], b1r = u[6], b1i = u[7];
        if (isReal(u)) { // RY, H: each of re and im is rotated by a real 2×2
            for (int t = 0; t < count; t++, r = Bits.nextWithZeros(r, zeroMask)) {
                int i0 = from + (r | orMask);
                for (int i = i0; i < i0 + run; i++) {
                    int j = i + stride;
                    double xr = re[i], xi = im[i], yr = re[j], yi = im[j];
                    re[i] = Math.fma(a0r, xr, a1r * yr);
                    im[i] = Math.fma(a0r, xi, a1r * yi);
                    re[j] = Math.fma(b0r, xr, b1r * yr);
                    im[j] = Math.fma(b0r, xi, b1r * yi);
                }
            }
        } else if (isRealImag(u)) { // RX: [[c, −is], [−is, c]]
            for (int t = 0; t < count; t++, r = Bits.nextWithZeros(r, zeroMask)) {
                int i0 = from + (r | orMask);
                for (int i = i0; i < i0 + run; i++) {
                    int j = i + stride;
                    double xr = re[i], xi = im[i], yr = re[j], yi = im[j];
                    re[i] = Math.fma(a0r, xr, -a1i * yi);
                    im[i] = Math.fma(a0r, xi, a1i * yr);
                    re[j] = Math.fma(b1r, yr, -b0i * xi);
                    im[j] = Math.fma(b1r, yi, b0i * xr);
                }
            }
        } else {
            for (int t = 0; t < count; t++, r = Bits.nextWithZeros(r, zeroMask)) {
                int i0 = from + (r | orMask);
                for (int i = i0; i < i0 + run; i++) {
                    int j = i + stride;
                    double xr = re[i], xi = im[i], yr = re[j], yi = im[j];
                    re[i] = Math.fma(a0r, xr, Math.fma(-a0i, xi, Math.fma(a1r, yr, -a1i * yi)));
                    im[i] = Math.fma(a0r, xi, Math.fma(a0i, xr, Math.fma(a1r, yi, a1i * yr)));
                    re[j] = Math.fma(b0r, xr, Math.fma(-b0i, xi, Math.fma(b1r, yr, -b1i * yi)));
                    im[j] = Math.fma(b0r, xi, Math.fma(b0i, xr, Math.fma(b1r, yi, b1i * yr)));
                }
            }
        }
    }

    public static void pair(double[] re, double[] im, double[] u, int i, int j) {
        double xr = re[i], xi = im[i], yr = re[j], yi = im[j];
        re[i] = Math.fma(u[0], xr, Math.fma(-u[1], xi, Math.fma(u[2], yr, -u[3] * yi)));
        im[i] = Math.fma(u[0], xi, Math.fma(u[1], xr, Math.fma(u[2], yi, u[3] * yr)));
        re[j] = Math.fma(u[4], xr, Math.fma(-u[5], xi, Math.fma(u[6], yr, -u[7] * yi)));
        im[j] = Math.fma(u[4], xi, Math.fma(u[5], xr, Math.fma(u[6], yi, u[7] * yr)));
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
        final int fixed = cmask | Bits.mask(targets);
        final int f0 = Integer.numberOfTrailingZeros(fixed), run = 1 << f0;
        final int runMask = fixed | (run - 1), free = ~runMask & (dim - 1);
        final int runs = dim >>> (Integer.bitCount(fixed) + f0);
        final int[] off = Bits.offsets(targets);
        final double[] mr = m.realArray(), mi = m.imagArray();
        if (k == 2) {
            if (runs >= 64) {
                Parallel.forRange(runs, (a, b) -> quadsRuns(re, im, mr, mi, off, 0, Bits.deposit(a, free), b - a, runMask, cmask, run));
            } else {
                Parallel.forRange(run, (a, b) -> {
                    for (int t = 0, r = 0; t < runs; t++, r = Bits.nextWithZeros(r, runMask)) {
                        int base = r | cmask;
                        quads(re, im, mr, mi, off, base + a, base + b);
                    }
                });
            }
            return;
        }
        final int d = 1 << k;
        Parallel.forRange(dim >>> Integer.bitCount(fixed), (from, to) -> {
            double[] xr = new double[d], xi = new double[d];
            int zeroMask = fixed;
            for (int p = from, base = Bits.deposit(from, ~fixed & (dim - 1)); p < to; p++, base = Bits.nextWithZeros(base, zeroMask)) {
                int b0 = base | cmask;
                for (int a = 0; a < d; a++) {
                    xr[a] = re[b0 + off[a]];
                    xi[a] = im[b0 + off[a]];
                }
                for (int r = 0; r < d; r++) {
                    double sr = 0, si = 0;
                    int row = r * d;
                    for (int c = 0; c < d; c++) {
                        double ar = mr[row + c], ai = mi[row + c];
                        sr += ar * xr[c] - ai * xi[c];
                        si += ar * xi[c] + ai * xr[c];
                    }
                    re[b0 + off[r]] = sr;
                    im[b0 + off[r]] = si;
                }
            }
        });
    }

    /** A dense 4×4 matrix on the quadruples (i + off[0..3]) for i in [i0, i1). */
    public static void quads(double[] re, double[] im, double[] mr, double[] mi, int[] off, int i0, int i1) {
        quadsRuns(re, im, mr, mi, off, i0, 0, 1, 0, 0, i1 - i0);
    }

    /** A dense 4×4 matrix on quadruples, over runs walked as in {@link #pairsRuns}; coefficients in registers. */
    public static void quadsRuns(double[] re, double[] im, double[] mr, double[] mi, int[] off, int from, int r,
                                 int count, int zeroMask, int orMask, int run) {
        final int o1 = off[1], o2 = off[2], o3 = off[3];
        final double r00 = mr[0], r01 = mr[1], r02 = mr[2], r03 = mr[3], r10 = mr[4], r11 = mr[5], r12 = mr[6], r13 = mr[7];
        final double r20 = mr[8], r21 = mr[9], r22 = mr[10], r23 = mr[11], r30 = mr[12], r31 = mr[13], r32 = mr[14], r33 = mr[15];
        final double m00 = mi[0], m01 = mi[1], m02 = mi[2], m03 = mi[3], m10 = mi[4], m11 = mi[5], m12 = mi[6], m13 = mi[7];
        final double m20 = mi[8], m21 = mi[9], m22 = mi[10], m23 = mi[11], m30 = mi[12], m31 = mi[13], m32 = mi[14], m33 = mi[15];
        for (int t = 0; t < count; t++, r = Bits.nextWithZeros(r, zeroMask)) {
          final int i0 = from + (r | orMask), i1 = i0 + run;
          for (int i = i0; i < i1; i++) {
            int j1 = i + o1, j2 = i + o2, j3 = i + o3;
            double x0r = re[i], x0i = im[i], x1r = re[j1], x1i = im[j1];
            double x2r = re[j2], x2i = im[j2], x3r = re[j3], x3i = im[j3];
            re[i] = dotRe(r00, m00, r01, m01, r02, m02, r03, m03, x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i);
            im[i] = dotIm(r00, m00, r01, m01, r02, m02, r03, m03, x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i);
            re[j1] = dotRe(r10, m10, r11, m11, r12, m12, r13, m13, x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i);
            im[j1] = dotIm(r10, m10, r11, m11, r12, m12, r13, m13, x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i);
            re[j2] = dotRe(r20, m20, r21, m21, r22, m22, r23, m23, x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i);
            im[j2] = dotIm(r20, m20, r21, m21, r22, m22, r23, m23, x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i);
            re[j3] = dotRe(r30, m30, r31, m31, r32, m32, r33, m33, x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i);
            im[j3] = dotIm(r30, m30, r31, m31, r32, m32, r33, m33, x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i);
          }
        }
    }

    private static double dotRe(double ar, double ai, double br, double bi, double cr, double ci, double dr, double di,
                                double x0r, double x0i, double x1r, double x1i, double x2r, double x2i, double x3r, double x3i) {
        return Math.fma(ar, x0r, Math.fma(-ai, x0i, Math.fma(br, x1r, Math.fma(-bi, x1i,
                Math.fma(cr, x2r, Math.fma(-ci, x2i, Math.fma(dr, x3r, -di * x3i)))))));
    }

    private static double dotIm(double ar, double ai, double br, double bi, double cr, double ci, double dr, double di,
                                double x0r, double x0i, double x1r, double x1i, double x2r, double x2i, double x3r, double x3i) {
        return Math.fma(ar, x0i, Math.fma(ai, x0r, Math.fma(br, x1i, Math.fma(bi, x1r,
                Math.fma(cr, x2i, Math.fma(ci, x2r, Math.fma(dr, x3i, di * x3r)))))));
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
        if (x == 0 && Integer.bitCount(z) <= 8) { // diagonal: e^{∓iθ/2} by the parity of the Z bits
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
