package org.qdl.sim.fusion;

import org.qdl.sim.Bits;
import org.qdl.sim.kernel.Kernels;
import org.qdl.sim.kernel.Kernels32;
import org.qdl.sim.kernel.Simd;

/**
 * A dense gate on local targets, conditioned on local controls (bits inside the block) and outside
 * controls (bits of the block's base index): a block whose outside controls are not all 1 is skipped.
 */
final class DenseBlockOp implements BlockOp {
    private final int[] targets;
    private final int localControls;
    private final int outsideControls;
    private final double[] mr, mi;
    private final double[] u1;
    /** The matrix rounded for complex64 blocks. */
    private final float[] mr32, mi32;
    private final int[] off;
    /** The SIMD form (null: scalar only). */
    private final Simd.BlockKernel simd;

    /** mr/mi: row-major 2^k×2^k matrix on targets (targets[0] = least significant bit). */
    DenseBlockOp(int[] targets, int localControls, int outsideControls, double[] mr, double[] mi) {
        this.targets = targets;
        this.localControls = localControls;
        this.outsideControls = outsideControls;
        this.mr = mr;
        this.mi = mi;
        this.u1 = targets.length == 1 ? new double[] {mr[0], mi[0], mr[1], mi[1], mr[2], mi[2], mr[3], mi[3]} : null;
        this.off = Bits.offsets(targets);
        this.mr32 = Kernels32.toFloat(mr);
        this.mi32 = Kernels32.toFloat(mi);
        this.simd = Simd.blockKernel(targets, localControls, mr, mi);
    }

    @Override
    public boolean diagonal() {
        return false;
    }

    @Override
    public void apply(double[] re, double[] im, int from, int size, int base) {
        if ((base & outsideControls) != outsideControls) return;
        int k = targets.length;
        if (simd != null && simd.apply(re, im, from, size)) return;
        if (k == 1 && localControls == 0) {
            Kernels.apply1Blocks(re, im, targets[0], u1, from, from + size);
            return;
        }
        int fixed = localControls | Bits.mask(targets);
        int f0 = Integer.numberOfTrailingZeros(fixed), run = 1 << f0;
        int runMask = fixed | (run - 1);
        int runs = size >>> (Integer.bitCount(fixed) + f0);
        if (k == 1) {
            int stride = 1 << targets[0];
            Kernels.pairsRuns(re, im, u1, from, 0, runs, runMask, localControls, run, stride);
        } else if (k == 2) {
            Kernels.quadsRuns(re, im, mr, mi, off, from, 0, runs, runMask, localControls, run);
        } else {
            int d = 1 << k;
            double[] xr = new double[d], xi = new double[d];
            int groups = size >>> Integer.bitCount(fixed);
            for (int p = 0, g = 0; p < groups; p++, g = Bits.nextWithZeros(g, fixed)) {
                int b0 = from + (g | localControls);
                for (int a = 0; a < d; a++) {
                    xr[a] = re[b0 + off[a]];
                    xi[a] = im[b0 + off[a]];
                }
                for (int row = 0; row < d; row++) {
                    double sr = 0, si = 0;
                    for (int c = 0; c < d; c++) {
                        double ar = mr[row * d + c], ai = mi[row * d + c];
                        sr += ar * xr[c] - ai * xi[c];
                        si += ar * xi[c] + ai * xr[c];
                    }
                    re[b0 + off[row]] = sr;
                    im[b0 + off[row]] = si;
                }
            }
        }
    }

    @Override
    public void apply(float[] re, float[] im, int from, int size, int base) {
        if ((base & outsideControls) != outsideControls) return;
        if (simd != null && simd.apply(re, im, from, size)) return;
        Kernels32.denseBlock(re, im, targets, localControls, mr32, mi32, from, size);
    }
}
