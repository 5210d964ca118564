package org.qdl.sim.kernel;

import org.qdl.sim.Bits;
import org.qdl.sim.Parallel;

/**
 * The scalar loops of the dense kernels: a 2×2 gate on pairs, a 4×4 on quadruples, a 2^k×2^k on
 * groups, each over the whole state (in parallel) or over one aligned block (gate fusion).
 *
 * <p>One source for both precisions: the build writes {@code BlockLoops32} (complex64) from this
 * file by renaming its types (qdl-sim/pom.xml, phase generate-sources), so edit this file only, and
 * keep it free of floating-point literals and of calls into double-only classes.
 */
public final class BlockLoops {
    private BlockLoops() {}

    /** Below this many amplitudes in all, a 1-qubit gate walks whole pair blocks rather than splitting them. */
    static final int MIN_RUN = 64;
    /** Parallel tasks per thread before a loop splits inside blocks instead of across them. */
    static final int TASKS_PER_THREAD = 8;
    /** Fewer runs than this are too few to split among threads: each run is split instead. */
    static final int MIN_PARALLEL_RUNS = 64;
    /** Partner distance (amplitudes) from which {@link #pairsFar} is used: 2^24, 128 MiB per complex128 array. */
    static final int FAR_STRIDE = 1 << 24;
    /** Amplitudes of the far half copied at a time in {@link #pairsFar}. */
    private static final int FAR_CHUNK = 4096;

    /** Whether the 2×2 matrix {a0r, a0i, a1r, a1i, b0r, b0i, b1r, b1i} is diagonal. */
    public static boolean isDiagonal(double[] u) {
        return u[2] == 0 && u[3] == 0 && u[4] == 0 && u[5] == 0;
    }

    /** Real (RY, H): each of re and im is rotated by a real 2×2, half the multiplies of the general form. */
    public static boolean isReal(double[] u) {
        return u[1] == 0 && u[3] == 0 && u[5] == 0 && u[7] == 0;
    }

    /** RX-like: real diagonal, imaginary off-diagonal entries; half the multiplies too. */
    public static boolean isRealImag(double[] u) {
        return u[1] == 0 && u[7] == 0 && u[2] == 0 && u[4] == 0;
    }

    /** One of the cheap forms ({@link #isReal}, {@link #isRealImag}). */
    public static boolean isCheap(double[] u) {
        return isReal(u) || isRealImag(u);
    }

    /**
     * The 2×2 matrix u on qubit q of the whole state (re, im), on the subspace where every bit of
     * {@code cmask} is 1: one pass, in parallel, over runs of contiguous pairs.
     */
    public static void apply1(double[] re, double[] im, int q, double[] u, int cmask) {
        final int dim = re.length, stride = 1 << q;
        if (cmask == 0) {
            if (2 * stride <= dim / (TASKS_PER_THREAD * Parallel.threads()) || dim <= MIN_RUN) {
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
            if (count >= TASKS_PER_THREAD * Parallel.threads()) {
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
        if (runs >= MIN_PARALLEL_RUNS) {
            Parallel.forRange(runs, (a, b) -> pairsRuns(re, im, u, 0, Bits.deposit(a, free), b - a, runMask, cmask, run, stride));
        } else {
            Parallel.forRange(run, (a, b) -> {
                for (int t = 0, r = 0; t < runs; t++, r = Bits.nextWithZeros(r, runMask)) {
                    int base = r | cmask;
                    pairs(re, im, u, base + a, base + b, stride);
                }
            });
        }
    }

    /**
     * The 2×2 matrix u on qubit q of the amplitudes [from, to), from and to multiples of 2^{q+1}:
     * the in-cache form that gate fusion applies to a block.
     */
    public static void apply1Blocks(double[] re, double[] im, int q, double[] u, int from, int to) {
        if (q >= 2 || isCheap(u)) { // the cheap forms live in pairsRuns only
            int stride = 1 << q;
            pairsRuns(re, im, u, from, 0, (to - from) >>> (q + 1), 2 * stride - 1, 0, stride, stride);
            return;
        }
        // Short strides: one loop over the whole range, partners at a fixed distance, no per-block calls.
        final double a0r = u[0], a0i = u[1], a1r = u[2], a1i = u[3], b0r = u[4], b0i = u[5], b1r = u[6], b1i = u[7];
        if (q == 0) {
            for (int i = from; i < to; i += 2) general(re, im, i, re, im, i + 1, a0r, a0i, a1r, a1i, b0r, b0i, b1r, b1i);
            return;
        }
        for (int i = from; i < to; i += 4) {
            general(re, im, i, re, im, i + 2, a0r, a0i, a1r, a1i, b0r, b0i, b1r, b1i);
            general(re, im, i + 1, re, im, i + 3, a0r, a0i, a1r, a1i, b0r, b0i, b1r, b1i);
        }
    }

    /** Pairs (i, i + stride) for i in [i0, i1). */
    public static void pairs(double[] re, double[] im, double[] u, int i0, int i1, int stride) {
        pairsRuns(re, im, u, i0, 0, 1, 0, 0, i1 - i0, stride);
    }

    /**
     * Pairs (i, i + stride) for far partners. Four interleaved streams whose addresses differ by
     * hundreds of MiB ran 3–8× slower in CPU time on the project VM than two (measured for the top
     * qubit at n = 26); copying the far half through a small buffer chunk by chunk streams one half
     * at a time. The arithmetic is that of {@link #pairsRuns}, so results do not depend on which of
     * the two a thread count selects.
     */
    static void pairsFar(double[] re, double[] im, double[] u, int i0, int i1, int stride) {
        final double a0r = u[0], a0i = u[1], a1r = u[2], a1i = u[3], b0r = u[4], b0i = u[5], b1r = u[6], b1i = u[7];
        final boolean real = isReal(u), realImag = isRealImag(u);
        double[] tr = new double[FAR_CHUNK], ti = new double[FAR_CHUNK];
        for (int a = i0; a < i1; a += FAR_CHUNK) {
            int len = Math.min(FAR_CHUNK, i1 - a), b = a + stride;
            System.arraycopy(re, b, tr, 0, len);
            System.arraycopy(im, b, ti, 0, len);
            if (real) for (int k = 0; k < len; k++) real(re, im, a + k, tr, ti, k, a0r, a1r, b0r, b1r);
            else if (realImag) for (int k = 0; k < len; k++) realImag(re, im, a + k, tr, ti, k, a0r, a1i, b0i, b1r);
            else for (int k = 0; k < len; k++) general(re, im, a + k, tr, ti, k, a0r, a0i, a1r, a1i, b0r, b0i, b1r, b1i);
            System.arraycopy(tr, 0, re, b, len);
            System.arraycopy(ti, 0, im, b, len);
        }
    }

    /**
     * Pairs (i, i + stride) for i in {@code count} runs [b, b + run), b = from + (r | orMask), where r
     * starts at {@code r} and steps to the next integer with zeros at {@code zeroMask}. Walking the runs
     * here rather than in the caller keeps the coefficients in registers across short runs.
     */
    public static void pairsRuns(double[] re, double[] im, double[] u, int from, int r, int count,
                                 int zeroMask, int orMask, int run, int stride) {
        final double a0r = u[0], a0i = u[1], a1r = u[2], a1i = u[3], b0r = u[4], b0i = u[5], b1r = u[6], b1i = u[7];
        final boolean real = isReal(u), realImag = isRealImag(u);
        for (int t = 0; t < count; t++, r = Bits.nextWithZeros(r, zeroMask)) {
            final int i0 = from + (r | orMask), i1 = i0 + run;
            if (real) for (int i = i0; i < i1; i++) real(re, im, i, re, im, i + stride, a0r, a1r, b0r, b1r);
            else if (realImag) for (int i = i0; i < i1; i++) realImag(re, im, i, re, im, i + stride, a0r, a1i, b0i, b1r);
            else for (int i = i0; i < i1; i++) general(re, im, i, re, im, i + stride, a0r, a0i, a1r, a1i, b0r, b0i, b1r, b1i);
        }
    }

    // The 2×2 update of the amplitude pair x = (xr, xi)[i], y = (yr, yi)[j], once per matrix form.
    // Coefficients come as scalars so that they stay in registers: loads from u could alias re/im.

    private static void general(double[] xre, double[] xim, int i, double[] yre, double[] yim, int j,
                                double a0r, double a0i, double a1r, double a1i, double b0r, double b0i, double b1r, double b1i) {
        double xr = xre[i], xi = xim[i], yr = yre[j], yi = yim[j];
        xre[i] = Math.fma(a0r, xr, Math.fma(-a0i, xi, Math.fma(a1r, yr, -a1i * yi)));
        xim[i] = Math.fma(a0r, xi, Math.fma(a0i, xr, Math.fma(a1r, yi, a1i * yr)));
        yre[j] = Math.fma(b0r, xr, Math.fma(-b0i, xi, Math.fma(b1r, yr, -b1i * yi)));
        yim[j] = Math.fma(b0r, xi, Math.fma(b0i, xr, Math.fma(b1r, yi, b1i * yr)));
    }

    /** RY, H: [[a0, a1], [b0, b1]] real. */
    private static void real(double[] xre, double[] xim, int i, double[] yre, double[] yim, int j,
                             double a0r, double a1r, double b0r, double b1r) {
        double xr = xre[i], xi = xim[i], yr = yre[j], yi = yim[j];
        xre[i] = Math.fma(a0r, xr, a1r * yr);
        xim[i] = Math.fma(a0r, xi, a1r * yi);
        yre[j] = Math.fma(b0r, xr, b1r * yr);
        yim[j] = Math.fma(b0r, xi, b1r * yi);
    }

    /** RX: [[c, −is], [−is, c]]. */
    private static void realImag(double[] xre, double[] xim, int i, double[] yre, double[] yim, int j,
                                 double a0r, double a1i, double b0i, double b1r) {
        double xr = xre[i], xi = xim[i], yr = yre[j], yi = yim[j];
        xre[i] = Math.fma(a0r, xr, -a1i * yi);
        xim[i] = Math.fma(a0r, xi, a1i * yr);
        yre[j] = Math.fma(b1r, yr, -b0i * xi);
        yim[j] = Math.fma(b1r, yi, b0i * xr);
    }

    /**
     * A 2^k×2^k matrix (row-major mr/mi, k ≥ 2, targets[0] its least significant bit) on the whole
     * state, on the subspace where every bit of {@code cmask} is 1.
     */
    public static void applyDense(double[] re, double[] im, int[] targets, int cmask, double[] mr, double[] mi) {
        final int dim = re.length, fixed = cmask | Bits.mask(targets);
        final int[] off = Bits.offsets(targets);
        if (targets.length == 2) {
            final int f0 = Integer.numberOfTrailingZeros(fixed), run = 1 << f0;
            final int runMask = fixed | (run - 1), free = ~runMask & (dim - 1);
            final int runs = dim >>> (Integer.bitCount(fixed) + f0);
            if (runs >= MIN_PARALLEL_RUNS) {
                Parallel.forRange(runs, (a, b) -> quadsRuns(re, im, mr, mi, off, 0, Bits.deposit(a, free), b - a, runMask, cmask, run));
            } else {
                Parallel.forRange(run, (a, b) -> {
                    for (int t = 0, r = 0; t < runs; t++, r = Bits.nextWithZeros(r, runMask)) {
                        int base = r | cmask;
                        quadsRuns(re, im, mr, mi, off, base + a, 0, 1, 0, 0, b - a);
                    }
                });
            }
            return;
        }
        final int free = ~fixed & (dim - 1);
        Parallel.forRange(dim >>> Integer.bitCount(fixed), (a, b) -> dense(re, im, off, cmask, fixed, mr, mi, 0, Bits.deposit(a, free), b - a));
    }

    /**
     * A dense gate (off: {@code Bits.offsets(targets)}; u1: its coefficients in the 2×2 layout when
     * it has one target) on the aligned block [from, from + size) that holds all its targets and
     * controls (one thread). The caller prepares off and u1 once per gate, not once per block.
     */
    public static void denseBlock(double[] re, double[] im, int[] targets, int[] off, int cmask, double[] mr, double[] mi,
                                  double[] u1, int from, int size) {
        final int k = targets.length;
        if (k == 1 && cmask == 0) {
            apply1Blocks(re, im, targets[0], u1, from, from + size);
            return;
        }
        final int fixed = cmask | Bits.mask(targets);
        final int f0 = Integer.numberOfTrailingZeros(fixed), run = 1 << f0, runMask = fixed | (run - 1);
        final int runs = size >>> (Integer.bitCount(fixed) + f0);
        if (k == 1) pairsRuns(re, im, u1, from, 0, runs, runMask, cmask, run, 1 << targets[0]);
        else if (k == 2) quadsRuns(re, im, mr, mi, off, from, 0, runs, runMask, cmask, run);
        else dense(re, im, off, cmask, fixed, mr, mi, from, 0, size >>> Integer.bitCount(fixed));
    }

    /** {@code count} groups from g: the amplitudes base + off[·], base = from + (g | cmask). */
    private static void dense(double[] re, double[] im, int[] off, int cmask, int fixed, double[] mr, double[] mi,
                              int from, int g, int count) {
        final int d = off.length;
        final double[] xr = new double[d], xi = new double[d];
        for (int p = 0; p < count; p++, g = Bits.nextWithZeros(g, fixed)) {
            int b0 = from + (g | cmask);
            for (int c = 0; c < d; c++) {
                xr[c] = re[b0 + off[c]];
                xi[c] = im[b0 + off[c]];
            }
            for (int r = 0; r < d; r++) {
                double sr = 0, si = 0;
                for (int c = 0, at = r * d; c < d; c++, at++) {
                    sr += mr[at] * xr[c] - mi[at] * xi[c];
                    si += mr[at] * xi[c] + mi[at] * xr[c];
                }
                re[b0 + off[r]] = sr;
                im[b0 + off[r]] = si;
            }
        }
    }

    /** A dense 4×4 matrix on quadruples (i + off[0..3]), over runs walked as in {@link #pairsRuns}; coefficients in registers. */
    static void quadsRuns(double[] re, double[] im, double[] mr, double[] mi, int[] off, int from, int r,
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
}
