package org.qdl.sim.fusion;

/**
 * One gate re-expressed on a block: local qubit positions inside the block, plus the bits outside
 * the block (fixed for the whole block, read from the block's base index) that it depends on.
 */
sealed interface BlockOp permits DenseBlockOp, DiagonalBlockOp {
    /**
     * Applies the gate to the block stored at [from, from + 2^b) of (re, im), whose global base index
     * (all block-qubit bits zero) is {@code base}.
     */
    void apply(double[] re, double[] im, int from, int size, int base);

    /** The same on a complex64 block. */
    void apply(float[] re, float[] im, int from, int size, int base);

    /** True for diagonal ops (they commute with each other). */
    boolean diagonal();
}
