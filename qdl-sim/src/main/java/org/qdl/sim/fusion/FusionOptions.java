package org.qdl.sim.fusion;

import org.qdl.sim.InvalidInputException;

/**
 * Tuning of {@link FusedCircuit}: {@code blockBits} qubits per block (2^b complex128 amplitudes =
 * 16·2^b bytes, sized to sit in a core's L2 cache), of which the lowest {@code lowBits} qubits are
 * always in the block so that gathers copy contiguous runs of 2^lowBits amplitudes.
 */
public record FusionOptions(int blockBits, int lowBits) {
    /** 2^15 amplitudes = 512 KiB per block: half of a 1 MiB L2. */
    public static final FusionOptions DEFAULT = new FusionOptions(15, 5);

    public FusionOptions {
        if (blockBits < 2 || blockBits > 24) throw new InvalidInputException("fusion block bits must be in 2..24, got " + blockBits);
        if (lowBits < 0 || lowBits >= blockBits) throw new InvalidInputException("fusion low bits must be in 0.." + (blockBits - 1) + ", got " + lowBits);
    }
}
