package org.qdl.sim.fusion;

import java.util.List;
import org.qdl.sim.Bits;
import org.qdl.sim.Parallel;
import org.qdl.sim.state.StateVector;
import org.qdl.sim.state.StateVector32;

/**
 * One pass over the state in blocks of 2^b amplitudes: the block qubits vary inside a block, the
 * other qubits are fixed per block. Each block is gathered (in runs over the contiguous low block
 * qubits) into a cache-sized buffer, every op is applied there, and it is scattered back. When the
 * block qubits are exactly 0..b−1 the block is already contiguous and is worked on in place.
 */
final class BlockPass {
    final int numQubits;
    final int blockMask;
    final List<BlockOp> ops;
    private final int bits, runBits;
    private final int[] runOffsets;

    BlockPass(int numQubits, int blockMask, List<BlockOp> ops) {
        this.numQubits = numQubits;
        this.blockMask = blockMask;
        this.ops = ops;
        this.bits = Integer.bitCount(blockMask);
        this.runBits = Integer.numberOfTrailingZeros(~blockMask);
        int highMask = blockMask & ~((1 << runBits) - 1);
        int[] high = new int[Integer.bitCount(highMask)];
        for (int k = 0, m = highMask; m != 0; m &= m - 1) high[k++] = Integer.numberOfTrailingZeros(m);
        this.runOffsets = Bits.offsets(high);
    }

    boolean inPlace() {
        return runBits == bits;
    }

    void apply(StateVector s) {
        sweep(s.realArray(), s.imagArray(), s.dimension(), double[]::new, (re, im, from, size, base) -> {
            for (BlockOp op : ops) op.apply((double[]) re, (double[]) im, from, size, base);
        });
    }

    /** {@link #apply(StateVector)} on a complex64 state (float block buffers). */
    void apply(StateVector32 s) {
        sweep(s.realArray(), s.imagArray(), s.dimension(), float[]::new, (re, im, from, size, base) -> {
            for (BlockOp op : ops) op.apply((float[]) re, (float[]) im, from, size, base);
        });
    }

    /** The ops on one block held at [from, from + size) of (re, im), arrays of either precision. */
    private interface BlockBody {
        void run(Object re, Object im, int from, int size, int base);
    }

    /**
     * The sweep, for either precision ({@code re}/{@code im} are double[] or float[], and
     * {@code buffer} makes one of the same type): blocks in place when contiguous, else gathered
     * run by run into a per-task buffer and scattered back.
     */
    private void sweep(Object re, Object im, int dim, java.util.function.IntFunction<Object> buffer, BlockBody body) {
        final int size = 1 << bits, blocks = dim >>> bits;
        if (inPlace()) {
            Parallel.forBlocks(blocks, (a, b) -> {
                for (int p = a; p < b; p++) body.run(re, im, p << bits, size, p << bits);
            });
            return;
        }
        final int free = ~blockMask & (dim - 1), run = 1 << runBits;
        Parallel.forBlocks(blocks, (a, b) -> {
            Object br = buffer.apply(size), bi = buffer.apply(size);
            int base = Bits.deposit(a, free);
            for (int p = a; p < b; p++, base = Bits.nextWithZeros(base, blockMask)) {
                for (int t = 0; t < runOffsets.length; t++) {
                    System.arraycopy(re, base + runOffsets[t], br, t << runBits, run);
                    System.arraycopy(im, base + runOffsets[t], bi, t << runBits, run);
                }
                body.run(br, bi, 0, size, base);
                for (int t = 0; t < runOffsets.length; t++) {
                    System.arraycopy(br, t << runBits, re, base + runOffsets[t], run);
                    System.arraycopy(bi, t << runBits, im, base + runOffsets[t], run);
                }
            }
        });
    }
}
