package org.qdl.sim.kernel;

import org.qdl.sim.state.StateVector32;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Explicit-SIMD kernels for complex64 blocks (fused passes over a {@link StateVector32}): twice the
 * lanes of {@link VectorKernels} per vector, hence half the multiply-adds per amplitude. The same
 * {@link LanePlan} index arithmetic with L float lanes; the 1-qubit forms are those of VectorKernels,
 * and any wider gate goes through the general column loop ({@link #many}).
 */
final class VectorKernels32 {
    private VectorKernels32() {}

    static final VectorSpecies<Float> S = species(Integer.getInteger("qdl.simd.bits", 0));

    private static VectorSpecies<Float> species(int bits) {
        return switch (bits) {
            case 128 -> FloatVector.SPECIES_128;
            case 256 -> FloatVector.SPECIES_256;
            case 512 -> FloatVector.SPECIES_512;
            default -> FloatVector.SPECIES_PREFERRED;
        };
    }
    static final int LANES = S.length();

    /** The plan's gate on the aligned block [from, from + size) (one thread). */
    static void applyBlock(float[] re, float[] im, LanePlan p, int from, int size) {
        int count = p.groups(size);
        if (p.k == 1 && p.columnShuffle[0] == null) oneHigh(re, im, p, from, count);
        else if (p.k == 1) oneLow(re, im, p, from, count);
        else many(re, im, p, from, count);
    }

    private static FloatVector c(float[] a, int at) {
        return FloatVector.fromArray(S, a, at);
    }

    /** 1-qubit gate on a target ≥ log2 L: pairs of whole vectors (i, i + stride). */
    private static void oneHigh(float[] re, float[] im, LanePlan p, int from, int count) {
        final int L = LANES, stride = p.outputOffset[1], zm = p.zeroMask, or = p.orMask;
        final float[] cr = p.coefRe32, ci = p.coefIm32, cn = p.coefImNeg32;
        final FloatVector a0r = c(cr, 0), a0i = c(ci, 0), a0n = c(cn, 0), a1r = c(cr, L), a1i = c(ci, L), a1n = c(cn, L);
        final FloatVector b0r = c(cr, 2 * L), b0i = c(ci, 2 * L), b0n = c(cn, 2 * L);
        final FloatVector b1r = c(cr, 3 * L), b1i = c(ci, 3 * L), b1n = c(cn, 3 * L);
        int g = 0;
        if (p.real) { // RY, H
            for (int t = 0; t < count; t++, g = ((g | zm) + 1) & ~zm) {
                int i = from + (g | or), j = i + stride;
                FloatVector xr = FloatVector.fromArray(S, re, i), xi = FloatVector.fromArray(S, im, i);
                FloatVector yr = FloatVector.fromArray(S, re, j), yi = FloatVector.fromArray(S, im, j);
                xr.fma(a0r, yr.mul(a1r)).intoArray(re, i);
                xi.fma(a0r, yi.mul(a1r)).intoArray(im, i);
                xr.fma(b0r, yr.mul(b1r)).intoArray(re, j);
                xi.fma(b0r, yi.mul(b1r)).intoArray(im, j);
            }
        } else if (p.realImag) { // RX: [[c, −is], [−is, c]]
            for (int t = 0; t < count; t++, g = ((g | zm) + 1) & ~zm) {
                int i = from + (g | or), j = i + stride;
                FloatVector xr = FloatVector.fromArray(S, re, i), xi = FloatVector.fromArray(S, im, i);
                FloatVector yr = FloatVector.fromArray(S, re, j), yi = FloatVector.fromArray(S, im, j);
                xr.fma(a0r, yi.mul(a1n)).intoArray(re, i);
                xi.fma(a0r, yr.mul(a1i)).intoArray(im, i);
                yr.fma(b1r, xi.mul(b0n)).intoArray(re, j);
                yi.fma(b1r, xr.mul(b0i)).intoArray(im, j);
            }
        } else {
            for (int t = 0; t < count; t++, g = ((g | zm) + 1) & ~zm) {
                int i = from + (g | or), j = i + stride;
                FloatVector xr = FloatVector.fromArray(S, re, i), xi = FloatVector.fromArray(S, im, i);
                FloatVector yr = FloatVector.fromArray(S, re, j), yi = FloatVector.fromArray(S, im, j);
                xr.fma(a0r, xi.fma(a0n, yr.fma(a1r, yi.mul(a1n)))).intoArray(re, i);
                xi.fma(a0r, xr.fma(a0i, yi.fma(a1r, yr.mul(a1i)))).intoArray(im, i);
                xr.fma(b0r, xi.fma(b0n, yr.fma(b1r, yi.mul(b1n)))).intoArray(re, j);
                xi.fma(b0r, xr.fma(b0i, yi.fma(b1r, yr.mul(b1i)))).intoArray(im, j);
            }
        }
    }

    /** 1-qubit gate on a target < log2 L: partners inside a vector, by lane permutations. */
    private static void oneLow(float[] re, float[] im, LanePlan p, int from, int count) {
        final int L = LANES, zm = p.zeroMask, or = p.orMask;
        final float[] cr = p.coefRe32, ci = p.coefIm32, cn = p.coefImNeg32;
        final VectorShuffle<Float> s0 = VectorShuffle.fromArray(S, p.columnShuffle[0], 0), s1 = VectorShuffle.fromArray(S, p.columnShuffle[1], 0);
        final FloatVector a0r = c(cr, 0), a0i = c(ci, 0), a0n = c(cn, 0), a1r = c(cr, L), a1i = c(ci, L), a1n = c(cn, L);
        int g = 0;
        if (p.realImag) { // own lane (real diagonal) and partner lane (imaginary off-diagonal): one permutation
            final float[] dr = new float[L], oi = new float[L], on = new float[L];
            final int[] partner = new int[L];
            int tbit = p.columnShuffle[0][0] ^ p.columnShuffle[1][0];
            for (int l = 0; l < L; l++) {
                boolean isY = (l & tbit) != 0;
                dr[l] = isY ? cr[L + l] : cr[l];
                oi[l] = isY ? ci[l] : ci[L + l];
                on[l] = -oi[l];
                partner[l] = l ^ tbit;
            }
            final FloatVector vd = c(dr, 0), vo = c(oi, 0), vn = c(on, 0);
            final VectorShuffle<Float> sw = VectorShuffle.fromArray(S, partner, 0);
            for (int t = 0; t < count; t++, g = ((g | zm) + 1) & ~zm) {
                int i = from + (g | or);
                FloatVector vr = FloatVector.fromArray(S, re, i), vi = FloatVector.fromArray(S, im, i);
                FloatVector wr = vr.rearrange(sw), wi = vi.rearrange(sw);
                vr.fma(vd, wi.mul(vn)).intoArray(re, i);
                vi.fma(vd, wr.mul(vo)).intoArray(im, i);
            }
            return;
        }
        if (p.real) {
            for (int t = 0; t < count; t++, g = ((g | zm) + 1) & ~zm) {
                int i = from + (g | or);
                FloatVector vr = FloatVector.fromArray(S, re, i), vi = FloatVector.fromArray(S, im, i);
                FloatVector xr = vr.rearrange(s0), xi = vi.rearrange(s0), yr = vr.rearrange(s1), yi = vi.rearrange(s1);
                xr.fma(a0r, yr.mul(a1r)).intoArray(re, i);
                xi.fma(a0r, yi.mul(a1r)).intoArray(im, i);
            }
            return;
        }
        for (int t = 0; t < count; t++, g = ((g | zm) + 1) & ~zm) {
            int i = from + (g | or);
            FloatVector vr = FloatVector.fromArray(S, re, i), vi = FloatVector.fromArray(S, im, i);
            FloatVector xr = vr.rearrange(s0), xi = vi.rearrange(s0), yr = vr.rearrange(s1), yi = vi.rearrange(s1);
            xr.fma(a0r, xi.fma(a0n, yr.fma(a1r, yi.mul(a1n)))).intoArray(re, i);
            xi.fma(a0r, xr.fma(a0i, yi.fma(a1r, yr.mul(a1i)))).intoArray(im, i);
        }
    }

    /** k ≥ 2 targets: per output vector the sum over columns; outputs go through a small buffer. */
    private static void many(float[] re, float[] im, LanePlan p, int from, int count) {
        final int L = LANES, zm = p.zeroMask, or = p.orMask, outputs = p.outputOffset.length, d = 1 << p.k;
        final int[] co = p.columnOffset, oo = p.outputOffset;
        final float[] cr = p.coefRe32, ci = p.coefIm32, cn = p.coefImNeg32;
        @SuppressWarnings("unchecked")
        final VectorShuffle<Float>[] sh = new VectorShuffle[d];
        for (int col = 0; col < d; col++) sh[col] = p.columnShuffle[col] == null ? VectorShuffle.iota(S, 0, 1, false) : VectorShuffle.fromArray(S, p.columnShuffle[col], 0);
        final float[] br = new float[outputs * L], bi = new float[outputs * L];
        int g = 0;
        for (int t = 0; t < count; t++, g = ((g | zm) + 1) & ~zm) {
            int i = from + (g | or);
            for (int h = 0; h < outputs; h++) {
                int o = (h * d + d - 1) * L;
                FloatVector yr = FloatVector.fromArray(S, re, i + co[d - 1]).rearrange(sh[d - 1]);
                FloatVector yi = FloatVector.fromArray(S, im, i + co[d - 1]).rearrange(sh[d - 1]);
                FloatVector r = yi.mul(c(cn, o)), m = yr.mul(c(ci, o));
                r = yr.fma(c(cr, o), r);
                m = yi.fma(c(cr, o), m);
                for (int col = d - 2; col >= 0; col--) {
                    o -= L;
                    yr = FloatVector.fromArray(S, re, i + co[col]).rearrange(sh[col]);
                    yi = FloatVector.fromArray(S, im, i + co[col]).rearrange(sh[col]);
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

    /**
     * [from, to) multiplied element-wise by the pattern tab[o .. o + run) repeated (run = 1: one
     * constant phase); run is 1 or a multiple of L, from and to multiples of max(run, L).
     */
    static void phasePattern(float[] re, float[] im, int from, int to, float[] tabRe, float[] tabIm, int o, int run) {
        if (run == 1 || run == LANES) {
            FloatVector pr = run == 1 ? FloatVector.broadcast(S, tabRe[o]) : c(tabRe, o);
            FloatVector pi = run == 1 ? FloatVector.broadcast(S, tabIm[o]) : c(tabIm, o);
            for (int i = from; i < to; i += LANES) mul(re, im, i, pr, pi);
            return;
        }
        final int chunk = Math.max(run, 4096);
        for (int c0 = from; c0 < to; c0 += chunk) {
            int c1 = Math.min(to, c0 + chunk);
            for (int r = 0; r < run; r += LANES) {
                FloatVector pr = c(tabRe, o + r), pi = c(tabIm, o + r);
                for (int i = c0 + r; i < c1; i += run) mul(re, im, i, pr, pi);
            }
        }
    }

    private static void mul(float[] re, float[] im, int i, FloatVector pr, FloatVector pi) {
        FloatVector xr = FloatVector.fromArray(S, re, i), xi = FloatVector.fromArray(S, im, i);
        xr.mul(pr).sub(xi.mul(pi)).intoArray(re, i);
        xi.mul(pr).add(xr.mul(pi)).intoArray(im, i);
    }
}
