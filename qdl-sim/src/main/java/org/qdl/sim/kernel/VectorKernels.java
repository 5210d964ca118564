package org.qdl.sim.kernel;

import org.qdl.sim.Bits;
import org.qdl.sim.Parallel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Explicit-SIMD kernels (the incubating Vector API). C2 does not vectorise the scalar pair loops
 * (partners at a run-time stride), so these state the vectors directly. Only {@link Simd} touches
 * this class, and only when the jdk.incubator.vector module is present. The multiply-add chains are
 * the scalar kernels' chains in the same order, so a 1-qubit gate, and a 2-qubit gate with both
 * targets inside a vector, give the same bits either way; other 2-qubit gates sum their products in
 * two chains per part ({@link #two}, {@link #twoMixed}).
 * The group walk {@code g = ((g | zm) + 1) & ~zm} is Bits.nextWithZeros written out: in these large
 * loop bodies C2 runs out of its inlining node budget and would otherwise leave a call in the loop.
 */
final class VectorKernels {
    private VectorKernels() {}

    /** The widest vectors by default; -Dqdl.simd.bits=256 (or 128) picks narrower ones, e.g. to compare. */
    static final VectorSpecies<Double> S = species(Integer.getInteger("qdl.simd.bits", 0));

    private static VectorSpecies<Double> species(int bits) {
        return switch (bits) {
            case 128 -> DoubleVector.SPECIES_128;
            case 256 -> DoubleVector.SPECIES_256;
            case 512 -> DoubleVector.SPECIES_512;
            default -> DoubleVector.SPECIES_PREFERRED;
        };
    }
    static final int LANES = S.length();

    /** The plan's gate on the whole state, in parallel over groups. */
    static void applyGlobal(double[] re, double[] im, LanePlan p) {
        int dim = re.length, free = ~p.zeroMask & (dim - 1);
        boolean farPair = p.k == 1 && p.columnShuffle[0] == null, farMixed = p.mixSwap != null;
        if ((farPair || farMixed) && p.orMask == 0 && p.uniform && p.outputOffset[1] >= farStride) {
            applyFar(re, im, p);
            return;
        }
        Parallel.forRange(p.groups(dim), (a, b) -> apply(re, im, p, 0, Bits.deposit(a, free), b - a));
    }

    /** The plan's gate on the aligned block [from, from + size) (one thread). */
    static void applyBlock(double[] re, double[] im, LanePlan p, int from, int size) {
        apply(re, im, p, from, 0, p.groups(size));
    }

    /** {@code count} groups from the group index g (base = from + (g | orMask)). */
    static void apply(double[] re, double[] im, LanePlan p, int from, int g, int count) {
        if (p.k == 1) {
            if (p.columnShuffle[0] == null) oneHigh(re, im, p, from, g, count);
            else oneLow(re, im, p, from, g, count);
        } else if (p.k == 2) {
            two(re, im, p, from, g, count);
        } else {
            many(re, im, p, from, g, count);
        }
    }

    private static DoubleVector c(double[] a, int at) {
        return DoubleVector.fromArray(S, a, at);
    }

    /** 1-qubit gate on a target ≥ log2 L: pairs of whole vectors (i, i + stride). */
    private static void oneHigh(double[] re, double[] im, LanePlan p, int from, int g, int count) {
        final int L = LANES, stride = p.outputOffset[1], zm = p.zeroMask, or = p.orMask;
        final double[] cr = p.coefRe, ci = p.coefIm, cn = p.coefImNeg;
        final DoubleVector a0r = c(cr, 0), a0i = c(ci, 0), a0n = c(cn, 0), a1r = c(cr, L), a1i = c(ci, L), a1n = c(cn, L);
        final DoubleVector b0r = c(cr, 2 * L), b0i = c(ci, 2 * L), b0n = c(cn, 2 * L);
        final DoubleVector b1r = c(cr, 3 * L), b1i = c(ci, 3 * L), b1n = c(cn, 3 * L);
        if (p.real) { // RY, H
            for (int t = 0; t < count; t++, g = ((g | zm) + 1) & ~zm) {
                int i = from + (g | or), j = i + stride;
                DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
                DoubleVector yr = DoubleVector.fromArray(S, re, j), yi = DoubleVector.fromArray(S, im, j);
                xr.fma(a0r, yr.mul(a1r)).intoArray(re, i);
                xi.fma(a0r, yi.mul(a1r)).intoArray(im, i);
                xr.fma(b0r, yr.mul(b1r)).intoArray(re, j);
                xi.fma(b0r, yi.mul(b1r)).intoArray(im, j);
            }
        } else if (p.realImag) { // RX: [[c, −is], [−is, c]]
            for (int t = 0; t < count; t++, g = ((g | zm) + 1) & ~zm) {
                int i = from + (g | or), j = i + stride;
                DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
                DoubleVector yr = DoubleVector.fromArray(S, re, j), yi = DoubleVector.fromArray(S, im, j);
                xr.fma(a0r, yi.mul(a1n)).intoArray(re, i);
                xi.fma(a0r, yr.mul(a1i)).intoArray(im, i);
                yr.fma(b1r, xi.mul(b0n)).intoArray(re, j);
                yi.fma(b1r, xr.mul(b0i)).intoArray(im, j);
            }
        } else {
            for (int t = 0; t < count; t++, g = ((g | zm) + 1) & ~zm) {
                int i = from + (g | or), j = i + stride;
                DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
                DoubleVector yr = DoubleVector.fromArray(S, re, j), yi = DoubleVector.fromArray(S, im, j);
                xr.fma(a0r, xi.fma(a0n, yr.fma(a1r, yi.mul(a1n)))).intoArray(re, i);
                xi.fma(a0r, xr.fma(a0i, yi.fma(a1r, yr.mul(a1i)))).intoArray(im, i);
                xr.fma(b0r, xi.fma(b0n, yr.fma(b1r, yi.mul(b1n)))).intoArray(re, j);
                xi.fma(b0r, xr.fma(b0i, yi.fma(b1r, yr.mul(b1i)))).intoArray(im, j);
            }
        }
    }

    /**
     * Partner distance (amplitudes) from which {@link #applyFar} is used: 2^25 = 256 MiB per array.
     * Measured (medians of 7, 2 threads): 4×4 on (1, n−2) at n = 26 (2^24 apart) 0.056–0.062 s direct
     * vs 0.076–0.084 s buffered, at n = 28 (2^26) 0.38 vs 0.31–0.34 s; top qubit at n = 26 (2^25)
     * 0.066 direct vs 0.054 s buffered. Tests lower it.
     */
    static volatile int farStride = 1 << 25;
    /** 2^16 doubles (512 KiB per buffer): top qubit at n = 26 0.055 s vs 0.066 s with 2^12 (n = 28: 0.20 vs 0.19). */
    private static final int FAR_CHUNK = 1 << 16;

    /**
     * An uncontrolled 1-qubit gate on a target whose partners lie ≥ 128 MiB apart (or a 2-qubit gate
     * with that target and one inside a vector, {@link #twoMixed}). Four interleaved
     * streams that far apart ran several times slower on the project VM than two (see
     * BlockLoops.pairsFar); so the far half is copied through a buffer, chunk by chunk.
     */
    static void applyFar(double[] re, double[] im, LanePlan p) {
        final int stride = p.outputOffset[1], dim = re.length, L = LANES;
        for (int blk = 0; blk < dim; blk += 2 * stride) {
            final int base = blk;
            Parallel.forRange(stride / L, (a, b) -> {
                double[] tr = new double[FAR_CHUNK], ti = new double[FAR_CHUNK];
                for (int c = base + a * L, end = base + b * L; c < end; c += FAR_CHUNK) {
                    int len = Math.min(FAR_CHUNK, end - c);
                    System.arraycopy(re, c + stride, tr, 0, len);
                    System.arraycopy(im, c + stride, ti, 0, len);
                    if (p.k == 1) pairVectors(re, im, c, tr, ti, len, p);
                    else twoMixed(re, im, tr, ti, -c, p, c, 0, len / L);
                    System.arraycopy(tr, 0, re, c + stride, len);
                    System.arraycopy(ti, 0, im, c + stride, len);
                }
            });
        }
    }

    /** log2 of the chunk per column in {@link #applyFarQuads}: 4 × 2^13 complex128 = 512 KiB of buffer. */
    static final int FAR_QUAD_BITS = 13;

    /**
     * Whether an uncontrolled 2-qubit gate has both targets at or above bit 13 and one at or above
     * {@link #farStride}: eight interleaved streams that far apart ran at 0.37 of the bandwidth at
     * n = 28 (0.48–0.51 through the buffer; 2^12-element chunks gave the same; no change at n = 26).
     */
    static boolean farQuads(int dim, int[] targets, int cmask) {
        if (targets.length != 2 || cmask != 0) return false;
        int lo = Math.min(targets[0], targets[1]), hi = Math.max(targets[0], targets[1]);
        return lo >= FAR_QUAD_BITS && 1 << hi >= farStride && dim >= 4 << FAR_QUAD_BITS;
    }

    /**
     * The 2-qubit gate on far targets: for each chunk of 2^13 amplitudes with both target bits 0, its
     * four columns are copied into a buffer (column c at c·2^13, so the targets become bits 13 and
     * 14 of the buffer: {@code plan}), the gate runs there in cache, and the columns go back. Each
     * amplitude is read and written once, as in the direct kernel, but at most one distant stream is
     * live at a time.
     */
    static void applyFarQuads(double[] re, double[] im, int[] targets, LanePlan plan) {
        final int ch = 1 << FAR_QUAD_BITS, o1 = 1 << targets[0], o2 = 1 << targets[1];
        final int free = ~(o1 | o2);
        final int[] off = {0, o1, o2, o1 + o2};
        Parallel.forBlocks(re.length / (4 * ch), (a, b) -> {
            double[] br = new double[4 * ch], bi = new double[4 * ch];
            for (int c = a; c < b; c++) {
                int base = Bits.deposit(c * ch, free);
                for (int q = 0; q < 4; q++) {
                    System.arraycopy(re, base + off[q], br, q * ch, ch);
                    System.arraycopy(im, base + off[q], bi, q * ch, ch);
                }
                applyBlock(br, bi, plan, 0, 4 * ch);
                for (int q = 0; q < 4; q++) {
                    System.arraycopy(br, q * ch, re, base + off[q], ch);
                    System.arraycopy(bi, q * ch, im, base + off[q], ch);
                }
            }
        });
    }

    /** x = (re, im)[x0, x0 + len), y = (yr, yi)[0, len): the same arithmetic as {@link #oneHigh}. */
    private static void pairVectors(double[] re, double[] im, int x0, double[] yre, double[] yim, int len, LanePlan p) {
        final int L = LANES;
        final double[] cr = p.coefRe, ci = p.coefIm, cn = p.coefImNeg;
        final DoubleVector a0r = c(cr, 0), a0i = c(ci, 0), a0n = c(cn, 0), a1r = c(cr, L), a1i = c(ci, L), a1n = c(cn, L);
        final DoubleVector b0r = c(cr, 2 * L), b0i = c(ci, 2 * L), b0n = c(cn, 2 * L);
        final DoubleVector b1r = c(cr, 3 * L), b1i = c(ci, 3 * L), b1n = c(cn, 3 * L);
        final boolean real = p.real, realImag = p.realImag;
        for (int k = 0; k < len; k += L) {
            int i = x0 + k;
            DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
            DoubleVector yr = DoubleVector.fromArray(S, yre, k), yi = DoubleVector.fromArray(S, yim, k);
            if (real) {
                xr.fma(a0r, yr.mul(a1r)).intoArray(re, i);
                xi.fma(a0r, yi.mul(a1r)).intoArray(im, i);
                xr.fma(b0r, yr.mul(b1r)).intoArray(yre, k);
                xi.fma(b0r, yi.mul(b1r)).intoArray(yim, k);
            } else if (realImag) {
                xr.fma(a0r, yi.mul(a1n)).intoArray(re, i);
                xi.fma(a0r, yr.mul(a1i)).intoArray(im, i);
                yr.fma(b1r, xi.mul(b0n)).intoArray(yre, k);
                yi.fma(b1r, xr.mul(b0i)).intoArray(yim, k);
            } else {
                xr.fma(a0r, xi.fma(a0n, yr.fma(a1r, yi.mul(a1n)))).intoArray(re, i);
                xi.fma(a0r, xr.fma(a0i, yi.fma(a1r, yr.mul(a1i)))).intoArray(im, i);
                xr.fma(b0r, xi.fma(b0n, yr.fma(b1r, yi.mul(b1n)))).intoArray(yre, k);
                xi.fma(b0r, xr.fma(b0i, yi.fma(b1r, yr.mul(b1i)))).intoArray(yim, k);
            }
        }
    }

    /**
     * 1-qubit gate on a target < log2 L: both partners in one vector, reached by lane permutations.
     * Per lane, x is the partner with the target bit 0 and y the one with it 1; the RX-like form uses
     * the lane's own value and its partner's instead, which needs one permutation, not two.
     */
    private static void oneLow(double[] re, double[] im, LanePlan p, int from, int g, int count) {
        final int L = LANES, zm = p.zeroMask, or = p.orMask;
        final double[] cr = p.coefRe, ci = p.coefIm, cn = p.coefImNeg;
        final VectorShuffle<Double> s0 = VectorShuffle.fromArray(S, p.columnShuffle[0], 0), s1 = VectorShuffle.fromArray(S, p.columnShuffle[1], 0);
        final DoubleVector a0r = c(cr, 0), a0i = c(ci, 0), a0n = c(cn, 0), a1r = c(cr, L), a1i = c(ci, L), a1n = c(cn, L);
        if (p.realImag) {
            // own-lane coefficient (diagonal, real) and partner coefficient (off-diagonal, imaginary)
            final double[] dr = new double[L], oi = new double[L], on = new double[L];
            final int[] partner = new int[L];
            int tbit = p.columnShuffle[0][0] ^ p.columnShuffle[1][0];
            for (int l = 0; l < L; l++) {
                boolean isY = (l & tbit) != 0;
                dr[l] = isY ? cr[L + l] : cr[l];
                oi[l] = isY ? ci[l] : ci[L + l];
                on[l] = -oi[l];
                partner[l] = l ^ tbit;
            }
            final DoubleVector vd = c(dr, 0), vo = c(oi, 0), vn = c(on, 0);
            final VectorShuffle<Double> sw = VectorShuffle.fromArray(S, partner, 0);
            for (int t = 0; t < count; t++, g = ((g | zm) + 1) & ~zm) {
                int i = from + (g | or);
                DoubleVector vr = DoubleVector.fromArray(S, re, i), vi = DoubleVector.fromArray(S, im, i);
                DoubleVector wr = vr.rearrange(sw), wi = vi.rearrange(sw);
                vr.fma(vd, wi.mul(vn)).intoArray(re, i);
                vi.fma(vd, wr.mul(vo)).intoArray(im, i);
            }
            return;
        }
        if (p.real) {
            for (int t = 0; t < count; t++, g = ((g | zm) + 1) & ~zm) {
                int i = from + (g | or);
                DoubleVector vr = DoubleVector.fromArray(S, re, i), vi = DoubleVector.fromArray(S, im, i);
                DoubleVector xr = vr.rearrange(s0), xi = vi.rearrange(s0), yr = vr.rearrange(s1), yi = vi.rearrange(s1);
                xr.fma(a0r, yr.mul(a1r)).intoArray(re, i);
                xi.fma(a0r, yi.mul(a1r)).intoArray(im, i);
            }
            return;
        }
        for (int t = 0; t < count; t++, g = ((g | zm) + 1) & ~zm) {
            int i = from + (g | or);
            DoubleVector vr = DoubleVector.fromArray(S, re, i), vi = DoubleVector.fromArray(S, im, i);
            DoubleVector xr = vr.rearrange(s0), xi = vi.rearrange(s0), yr = vr.rearrange(s1), yi = vi.rearrange(s1);
            xr.fma(a0r, xi.fma(a0n, yr.fma(a1r, yi.mul(a1n)))).intoArray(re, i);
            xi.fma(a0r, xr.fma(a0i, yi.fma(a1r, yr.mul(a1i)))).intoArray(im, i);
        }
    }

    /**
     * 2-qubit gate, any target positions: the four columns are loaded once per group. Written flat
     * (no helper calls or inner loops in the loop; one inner loop over outputs 2 and 3 ran 12×
     * slower): C2 must inline the whole Vector API chain to keep the vectors in registers.
     */
    private static void two(double[] re, double[] im, LanePlan p, int from, int g, int count) {
        if (p.mixSwap != null) {
            twoMixed(re, im, re, im, p.outputOffset[1], p, from, g, count);
            return;
        }
        if (p.columnShuffle[0] != null) {
            twoLow(re, im, p, from, g, count);
            return;
        }
        // Both targets outside the vectors: four output vectors per group. The coefficients of
        // outputs 0 and 1 (16 vectors) are loaded once, those of outputs 2 and 3 per group (16 loads
        // per group instead of 48, which made the kernel load-bound: 1.03 → 0.66 ns per amplitude in
        // cache on one core). Each part sums two 4-term chains, as twoMixed.
        final int L = LANES, zm = p.zeroMask, or = p.orMask;
        final double[] cr = p.coefRe, ci = p.coefIm;
        final int o1 = p.columnOffset[1], o2 = p.columnOffset[2], o3 = p.columnOffset[3];
        final int h1 = p.outputOffset[1], h2 = p.outputOffset[2], h3 = p.outputOffset[3];
        final DoubleVector r00 = c(cr, 0), r01 = c(cr, L), r02 = c(cr, 2 * L), r03 = c(cr, 3 * L);
        final DoubleVector i00 = c(ci, 0), i01 = c(ci, L), i02 = c(ci, 2 * L), i03 = c(ci, 3 * L);
        final DoubleVector r10 = c(cr, 4 * L), r11 = c(cr, 5 * L), r12 = c(cr, 6 * L), r13 = c(cr, 7 * L);
        final DoubleVector i10 = c(ci, 4 * L), i11 = c(ci, 5 * L), i12 = c(ci, 6 * L), i13 = c(ci, 7 * L);
        for (int t = 0; t < count; t++, g = ((g | zm) + 1) & ~zm) {
            int i = from + (g | or);
            DoubleVector y0r = DoubleVector.fromArray(S, re, i), y0i = DoubleVector.fromArray(S, im, i);
            DoubleVector y1r = DoubleVector.fromArray(S, re, i + o1), y1i = DoubleVector.fromArray(S, im, i + o1);
            DoubleVector y2r = DoubleVector.fromArray(S, re, i + o2), y2i = DoubleVector.fromArray(S, im, i + o2);
            DoubleVector y3r = DoubleVector.fromArray(S, re, i + o3), y3i = DoubleVector.fromArray(S, im, i + o3);
            DoubleVector a = y3r.fma(r03, y2r.fma(r02, y1r.fma(r01, y0r.mul(r00))));
            DoubleVector b = y3i.fma(i03, y2i.fma(i02, y1i.fma(i01, y0i.mul(i00))));
            DoubleVector m = y3r.fma(i03, y2r.fma(i02, y1r.fma(i01, y0r.mul(i00))));
            DoubleVector n = y3i.fma(r03, y2i.fma(r02, y1i.fma(r01, y0i.mul(r00))));
            a.sub(b).intoArray(re, i);
            m.add(n).intoArray(im, i);
            a = y3r.fma(r13, y2r.fma(r12, y1r.fma(r11, y0r.mul(r10))));
            b = y3i.fma(i13, y2i.fma(i12, y1i.fma(i11, y0i.mul(i10))));
            m = y3r.fma(i13, y2r.fma(i12, y1r.fma(i11, y0r.mul(i10))));
            n = y3i.fma(r13, y2i.fma(r12, y1i.fma(r11, y0i.mul(r10))));
            a.sub(b).intoArray(re, i + h1);
            m.add(n).intoArray(im, i + h1);
            DoubleVector c0 = DoubleVector.fromArray(S, cr, 8 * L), c1 = DoubleVector.fromArray(S, cr, 9 * L);
            DoubleVector c2 = DoubleVector.fromArray(S, cr, 10 * L), c3 = DoubleVector.fromArray(S, cr, 11 * L);
            DoubleVector d0 = DoubleVector.fromArray(S, ci, 8 * L), d1 = DoubleVector.fromArray(S, ci, 9 * L);
            DoubleVector d2 = DoubleVector.fromArray(S, ci, 10 * L), d3 = DoubleVector.fromArray(S, ci, 11 * L);
            a = y3r.fma(c3, y2r.fma(c2, y1r.fma(c1, y0r.mul(c0))));
            b = y3i.fma(d3, y2i.fma(d2, y1i.fma(d1, y0i.mul(d0))));
            m = y3r.fma(d3, y2r.fma(d2, y1r.fma(d1, y0r.mul(d0))));
            n = y3i.fma(c3, y2i.fma(c2, y1i.fma(c1, y0i.mul(c0))));
            a.sub(b).intoArray(re, i + h2);
            m.add(n).intoArray(im, i + h2);
            DoubleVector e0 = DoubleVector.fromArray(S, cr, 12 * L), e1 = DoubleVector.fromArray(S, cr, 13 * L);
            DoubleVector e2 = DoubleVector.fromArray(S, cr, 14 * L), e3 = DoubleVector.fromArray(S, cr, 15 * L);
            DoubleVector f0 = DoubleVector.fromArray(S, ci, 12 * L), f1 = DoubleVector.fromArray(S, ci, 13 * L);
            DoubleVector f2 = DoubleVector.fromArray(S, ci, 14 * L), f3 = DoubleVector.fromArray(S, ci, 15 * L);
            a = y3r.fma(e3, y2r.fma(e2, y1r.fma(e1, y0r.mul(e0))));
            b = y3i.fma(f3, y2i.fma(f2, y1i.fma(f1, y0i.mul(f0))));
            m = y3r.fma(f3, y2r.fma(f2, y1r.fma(f1, y0r.mul(f0))));
            n = y3i.fma(e3, y2i.fma(e2, y1i.fma(e1, y0i.mul(e0))));
            a.sub(b).intoArray(re, i + h3);
            m.add(n).intoArray(im, i + h3);
        }
    }

    /**
     * {@link #two} with one target inside a vector and one outside: two vectors per group, and only
     * the partner values (the lane with the inner target bit flipped) are permuted, four
     * permutations per group instead of eight. The 16 coefficient vectors are loaded once, to stay in
     * registers (AVX-512 has 32; AVX2's 16 spill some): loading them per group (32 vector loads for
     * 32 FMAs) made the kernel load-bound at 0.92 ns per amplitude on one core in cache, against 0.57
     * now. Real and imaginary parts each sum two chains of four products (no negated coefficients
     * to hold, shorter dependencies), so the sums run in another order than the scalar kernel's.
     */
    private static void twoMixed(double[] re, double[] im, double[] re1, double[] im1, int d1, LanePlan p, int from, int g, int count) {
        final int L = LANES, zm = p.zeroMask, or = p.orMask;
        final double[] cr = p.mixRe, ci = p.mixIm;
        final VectorShuffle<Double> sw = VectorShuffle.fromArray(S, p.mixSwap, 0);
        // output h, terms in order: own x0, partner w0, own x1, partner w1
        final DoubleVector r00 = c(cr, 0), r01 = c(cr, L), r02 = c(cr, 2 * L), r03 = c(cr, 3 * L);
        final DoubleVector i00 = c(ci, 0), i01 = c(ci, L), i02 = c(ci, 2 * L), i03 = c(ci, 3 * L);
        final DoubleVector r10 = c(cr, 4 * L), r11 = c(cr, 5 * L), r12 = c(cr, 6 * L), r13 = c(cr, 7 * L);
        final DoubleVector i10 = c(ci, 4 * L), i11 = c(ci, 5 * L), i12 = c(ci, 6 * L), i13 = c(ci, 7 * L);
        for (int t = 0; t < count; t++, g = ((g | zm) + 1) & ~zm) {
            int i = from + (g | or), j = i + d1; // the vector with the outer target bit set: (re1, im1)[j]
            DoubleVector x0r = DoubleVector.fromArray(S, re, i), x0i = DoubleVector.fromArray(S, im, i);
            DoubleVector x1r = DoubleVector.fromArray(S, re1, j), x1i = DoubleVector.fromArray(S, im1, j);
            DoubleVector w0r = x0r.rearrange(sw), w0i = x0i.rearrange(sw), w1r = x1r.rearrange(sw), w1i = x1i.rearrange(sw);
            DoubleVector a = w1r.fma(r03, x1r.fma(r02, w0r.fma(r01, x0r.mul(r00))));
            DoubleVector b = w1i.fma(i03, x1i.fma(i02, w0i.fma(i01, x0i.mul(i00))));
            DoubleVector m = w1r.fma(i03, x1r.fma(i02, w0r.fma(i01, x0r.mul(i00))));
            DoubleVector n = w1i.fma(r03, x1i.fma(r02, w0i.fma(r01, x0i.mul(r00))));
            a.sub(b).intoArray(re, i);
            m.add(n).intoArray(im, i);
            a = w1r.fma(r13, x1r.fma(r12, w0r.fma(r11, x0r.mul(r10))));
            b = w1i.fma(i13, x1i.fma(i12, w0i.fma(i11, x0i.mul(i10))));
            m = w1r.fma(i13, x1r.fma(i12, w0r.fma(i11, x0r.mul(i10))));
            n = w1i.fma(r13, x1i.fma(r12, w0i.fma(r11, x0i.mul(r10))));
            a.sub(b).intoArray(re1, j);
            m.add(n).intoArray(im1, j);
        }
    }

    /** {@link #two} with at least one target inside a vector: every column goes through a lane permutation. */
    private static void twoLow(double[] re, double[] im, LanePlan p, int from, int g, int count) {
        if (p.outputOffset.length == 1) {
            twoInside(re, im, p, from, g, count);
            return;
        }
        final int L = LANES, zm = p.zeroMask, or = p.orMask, outputs = p.outputOffset.length;
        final int[] oo = p.outputOffset;
        final double[] cr = p.coefRe, ci = p.coefIm, cn = p.coefImNeg;
        final int o1 = p.columnOffset[1], o2 = p.columnOffset[2], o3 = p.columnOffset[3];
        final VectorShuffle<Double> s0 = VectorShuffle.fromArray(S, p.columnShuffle[0], 0), s1 = VectorShuffle.fromArray(S, p.columnShuffle[1], 0);
        final VectorShuffle<Double> s2 = VectorShuffle.fromArray(S, p.columnShuffle[2], 0), s3 = VectorShuffle.fromArray(S, p.columnShuffle[3], 0);
        for (int t = 0; t < count; t++, g = ((g | zm) + 1) & ~zm) {
            int i = from + (g | or);
            DoubleVector y0r = DoubleVector.fromArray(S, re, i).rearrange(s0), y0i = DoubleVector.fromArray(S, im, i).rearrange(s0);
            DoubleVector y1r = DoubleVector.fromArray(S, re, i + o1).rearrange(s1), y1i = DoubleVector.fromArray(S, im, i + o1).rearrange(s1);
            DoubleVector y2r = DoubleVector.fromArray(S, re, i + o2).rearrange(s2), y2i = DoubleVector.fromArray(S, im, i + o2).rearrange(s2);
            DoubleVector y3r = DoubleVector.fromArray(S, re, i + o3).rearrange(s3), y3i = DoubleVector.fromArray(S, im, i + o3).rearrange(s3);
            for (int h = 0; h < outputs; h++) {
                int o = 4 * h * L, j = i + oo[h];
                DoubleVector r = y3i.mul(DoubleVector.fromArray(S, cn, o + 3 * L));
                r = y3r.fma(DoubleVector.fromArray(S, cr, o + 3 * L), r);
                r = y2i.fma(DoubleVector.fromArray(S, cn, o + 2 * L), r);
                r = y2r.fma(DoubleVector.fromArray(S, cr, o + 2 * L), r);
                r = y1i.fma(DoubleVector.fromArray(S, cn, o + L), r);
                r = y1r.fma(DoubleVector.fromArray(S, cr, o + L), r);
                r = y0i.fma(DoubleVector.fromArray(S, cn, o), r);
                r = y0r.fma(DoubleVector.fromArray(S, cr, o), r);
                DoubleVector m = y3r.mul(DoubleVector.fromArray(S, ci, o + 3 * L));
                m = y3i.fma(DoubleVector.fromArray(S, cr, o + 3 * L), m);
                m = y2r.fma(DoubleVector.fromArray(S, ci, o + 2 * L), m);
                m = y2i.fma(DoubleVector.fromArray(S, cr, o + 2 * L), m);
                m = y1r.fma(DoubleVector.fromArray(S, ci, o + L), m);
                m = y1i.fma(DoubleVector.fromArray(S, cr, o + L), m);
                m = y0r.fma(DoubleVector.fromArray(S, ci, o), m);
                m = y0i.fma(DoubleVector.fromArray(S, cr, o), m);
                r.intoArray(re, j);
                m.intoArray(im, j);
            }
        }
    }

    /**
     * Both targets inside a vector: one output vector per group, so its 12 coefficient vectors are
     * loaded once (loaded per group, 32 vector loads for 16 FMAs, the kernel took 1.61 ns per
     * amplitude on one core in cache, 1.17 now). Same chains as {@link #two}: bit for bit the
     * scalar result.
     */
    private static void twoInside(double[] re, double[] im, LanePlan p, int from, int g, int count) {
        final int L = LANES, zm = p.zeroMask, or = p.orMask, j0 = p.outputOffset[0];
        final double[] cr = p.coefRe, ci = p.coefIm, cn = p.coefImNeg;
        final int o1 = p.columnOffset[1], o2 = p.columnOffset[2], o3 = p.columnOffset[3];
        final VectorShuffle<Double> s0 = VectorShuffle.fromArray(S, p.columnShuffle[0], 0), s1 = VectorShuffle.fromArray(S, p.columnShuffle[1], 0);
        final VectorShuffle<Double> s2 = VectorShuffle.fromArray(S, p.columnShuffle[2], 0), s3 = VectorShuffle.fromArray(S, p.columnShuffle[3], 0);
        final DoubleVector r0 = c(cr, 0), r1 = c(cr, L), r2 = c(cr, 2 * L), r3 = c(cr, 3 * L);
        final DoubleVector i0 = c(ci, 0), i1 = c(ci, L), i2 = c(ci, 2 * L), i3 = c(ci, 3 * L);
        final DoubleVector n0 = c(cn, 0), n1 = c(cn, L), n2 = c(cn, 2 * L), n3 = c(cn, 3 * L);
        for (int t = 0; t < count; t++, g = ((g | zm) + 1) & ~zm) {
            int i = from + (g | or), j = i + j0;
            DoubleVector y0r = DoubleVector.fromArray(S, re, i).rearrange(s0), y0i = DoubleVector.fromArray(S, im, i).rearrange(s0);
            DoubleVector y1r = DoubleVector.fromArray(S, re, i + o1).rearrange(s1), y1i = DoubleVector.fromArray(S, im, i + o1).rearrange(s1);
            DoubleVector y2r = DoubleVector.fromArray(S, re, i + o2).rearrange(s2), y2i = DoubleVector.fromArray(S, im, i + o2).rearrange(s2);
            DoubleVector y3r = DoubleVector.fromArray(S, re, i + o3).rearrange(s3), y3i = DoubleVector.fromArray(S, im, i + o3).rearrange(s3);
            DoubleVector r = y0r.fma(r0, y0i.fma(n0, y1r.fma(r1, y1i.fma(n1, y2r.fma(r2, y2i.fma(n2, y3r.fma(r3, y3i.mul(n3))))))));
            DoubleVector m = y0i.fma(r0, y0r.fma(i0, y1i.fma(r1, y1r.fma(i1, y2i.fma(r2, y2r.fma(i2, y3i.fma(r3, y3r.mul(i3))))))));
            r.intoArray(re, j);
            m.intoArray(im, j);
        }
    }

    /** k ≥ 3 targets: columns are re-read per output, so outputs go through a small buffer first. */
    private static void many(double[] re, double[] im, LanePlan p, int from, int g, int count) {
        final int L = LANES, zm = p.zeroMask, or = p.orMask, outputs = p.outputOffset.length, d = 1 << p.k;
        final int[] co = p.columnOffset, oo = p.outputOffset;
        final double[] cr = p.coefRe, ci = p.coefIm, cn = p.coefImNeg;
        @SuppressWarnings("unchecked")
        final VectorShuffle<Double>[] sh = new VectorShuffle[d];
        for (int c = 0; c < d; c++) sh[c] = p.columnShuffle[c] == null ? VectorShuffle.iota(S, 0, 1, false) : VectorShuffle.fromArray(S, p.columnShuffle[c], 0);
        final double[] br = new double[outputs * L], bi = new double[outputs * L];
        for (int t = 0; t < count; t++, g = ((g | zm) + 1) & ~zm) {
            int i = from + (g | or);
            for (int h = 0; h < outputs; h++) {
                int o = (h * d + d - 1) * L;
                DoubleVector yr = DoubleVector.fromArray(S, re, i + co[d - 1]).rearrange(sh[d - 1]);
                DoubleVector yi = DoubleVector.fromArray(S, im, i + co[d - 1]).rearrange(sh[d - 1]);
                DoubleVector r = yi.mul(c(cn, o)), m = yr.mul(c(ci, o));
                r = yr.fma(c(cr, o), r);
                m = yi.fma(c(cr, o), m);
                for (int col = d - 2; col >= 0; col--) {
                    o -= L;
                    yr = DoubleVector.fromArray(S, re, i + co[col]).rearrange(sh[col]);
                    yi = DoubleVector.fromArray(S, im, i + co[col]).rearrange(sh[col]);
                    r = yr.fma(c(cr, o), yi.fma(c(cn, o), r));
                    m = yi.fma(c(cr, o), yr.fma(c(ci, o), m));
                }
                r.intoArray(br, h * L);
                m.intoArray(bi, h * L);
            }
            for (int h = 0; h < outputs; h++) {
                System.arraycopy(br, h * L, re, i + oo[h], L);
                System.arraycopy(bi, h * L, im, i + oo[h], L);
            }
        }
    }

    /** (re + i·im)[from, to) *= pr + i·pi, with the scalar kernel's rounding. */
    static void phase(double[] re, double[] im, int from, int to, double pr, double pi) {
        DoubleVector vpr = DoubleVector.broadcast(S, pr), vpi = DoubleVector.broadcast(S, pi);
        int i = from, end = from + S.loopBound(to - from);
        for (; i < end; i += LANES) {
            DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
            xr.mul(vpr).sub(xi.mul(vpi)).intoArray(re, i);
            xi.mul(vpr).add(xr.mul(vpi)).intoArray(im, i);
        }
        for (; i < to; i++) {
            double xr = re[i], xi = im[i];
            re[i] = pr * xr - pi * xi;
            im[i] = pr * xi + pi * xr;
        }
    }

    /**
     * Blocks of {@code run} amplitudes in [from, to) (both multiples of run, run a multiple of L)
     * multiplied element-wise by the pattern tab[o .. o + run).
     */
    static void phasePattern(double[] re, double[] im, int from, int to, double[] tabRe, double[] tabIm, int o, int run) {
        if (run == 2 * LANES) { // the usual case (16-entry patterns, 8 lanes): the pattern stays in registers
            DoubleVector p0r = DoubleVector.fromArray(S, tabRe, o), p0i = DoubleVector.fromArray(S, tabIm, o);
            DoubleVector p1r = DoubleVector.fromArray(S, tabRe, o + LANES), p1i = DoubleVector.fromArray(S, tabIm, o + LANES);
            for (int blk = from; blk < to; blk += run) {
                mul(re, im, blk, p0r, p0i);
                mul(re, im, blk + LANES, p1r, p1i);
            }
            return;
        }
        // Longer patterns: pattern vectors held across a cache-sized chunk, the chunk walked once per vector.
        final int chunk = Math.max(run, 4096);
        for (int c0 = from; c0 < to; c0 += chunk) {
            int c1 = Math.min(to, c0 + chunk);
            for (int r = 0; r < run; r += LANES) {
                DoubleVector pr = DoubleVector.fromArray(S, tabRe, o + r), pi = DoubleVector.fromArray(S, tabIm, o + r);
                for (int i = c0 + r; i < c1; i += run) {
                    DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
                    xr.mul(pr).sub(xi.mul(pi)).intoArray(re, i);
                    xi.mul(pr).add(xr.mul(pi)).intoArray(im, i);
                }
            }
        }
    }

    private static void mul(double[] re, double[] im, int i, DoubleVector pr, DoubleVector pi) {
        DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
        xr.mul(pr).sub(xi.mul(pi)).intoArray(re, i);
        xi.mul(pr).add(xr.mul(pi)).intoArray(im, i);
    }
}
