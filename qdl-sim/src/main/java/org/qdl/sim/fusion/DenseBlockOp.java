package org.qdl.sim.fusion;

import org.qdl.sim.Bits;
import org.qdl.sim.kernel.BlockLoops;
import org.qdl.sim.kernel.BlockLoops32;
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
    private final float[] mr32, mi32, u1f;
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
        this.u1f = u1 == null ? null : Kernels32.toFloat(u1);
        this.simd = Simd.blockKernel(targets, localControls, mr, mi);
    }

    @Override
    public boolean diagonal() {
        return false;
    }

    @Override
    public void apply(double[] re, double[] im, int from, int size, int base) {
        if ((base & outsideControls) != outsideControls) return;
        if (simd != null && simd.apply(re, im, from, size)) return;
        BlockLoops.denseBlock(re, im, targets, off, localControls, mr, mi, u1, from, size);
    }

    @Override
    public void apply(float[] re, float[] im, int from, int size, int base) {
        if ((base & outsideControls) != outsideControls) return;
        if (simd != null && simd.apply(re, im, from, size)) return;
        BlockLoops32.denseBlock(re, im, targets, off, localControls, mr32, mi32, u1f, from, size);
    }
}
