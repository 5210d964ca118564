package org.qdl.sim.fusion;

import java.util.List;
import org.qdl.sim.Bits;
import org.qdl.sim.Parallel;
import org.qdl.sim.StateVector;
import org.qdl.sim.StateVector32;

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
        final double[] re = s.realArray(), im = s.imagArray();
        final int size = 1 << bits, blocks = s.dimension() >>> bits;
        if (inPlace()) {
            Parallel.forBlocks(blocks, (a, b) -> {
                for (int p = a; p < b; p++) {
                    int base = p << bits;
                    for (BlockOp op : ops) op.apply(re, im, base, size, base);
                }
            });
            return;
        }
        final int free = ~blockMask & (s.dimension() - 1), run = 1 << runBits;
        Parallel.forBlocks(blocks, (a, b) -> {
            double[] br = new double[size], bi = new double[size];
            int base = Bits.deposit(a, free);
            for (int p = a; p < b; p++, base = Bits.nextWithZeros(base, blockMask)) {
                for (int t = 0; t < runOffsets.length; t++) {
                    System.arraycopy(re, base + runOffsets[t], br, t << runBits, run);
                    System.arraycopy(im, base + runOffsets[t], bi, t << runBits, run);
                }
                for (BlockOp op : ops) op.apply(br, bi, 0, size, base);
                for (int t = 0; t < runOffsets.length; t++) {
                    System.arraycopy(br, t << runBits, re, base + runOffsets[t], run);
                    System.arraycopy(bi, t << runBits, im, base + runOffsets[t], run);
                }
            }
        });
    }

    /** {@link #apply(StateVector)} on a complex64 state (float block buffers). */
    void apply(StateVector32 s) {
        final float[] re = s.realArray(), im = s.imagArray();
        final int size = 1 << bits, blocks = s.dimension() >>> bits;
        if (inPlace()) {
            Parallel.forBlocks(blocks, (a, b) -> {
                for (int p = a; p < b; p++) {
                    int base = p << bits;
                    for (BlockOp op : ops) op.apply(re, im, base, size, base);
                }
            });
            return;
        }
        final int free = ~blockMask & (s.dimension() - 1), run = 1 << runBits;
        Parallel.forBlocks(blocks, (a, b) -> {
            float[] br = new float[size], bi = new float[size];
            int base = Bits.deposit(a, free);
            for (int p = a; p < b; p++, base = Bits.nextWithZeros(base, blockMask)) {
                for (int t = 0; t < runOffsets.length; t++) {
                    System.arraycopy(re, base + runOffsets[t], br, t << runBits, run);
                    System.arraycopy(im, base + runOffsets[t], bi, t << runBits, run);
                }
                for (BlockOp op : ops) op.apply(br, bi, 0, size, base);
                for (int t = 0; t < runOffsets.length; t++) {
                    System.arraycopy(br, t << runBits, re, base + runOffsets[t], run);
                    System.arraycopy(bi, t << runBits, im, base + runOffsets[t], run);
                }
            }
        });
    }
}
