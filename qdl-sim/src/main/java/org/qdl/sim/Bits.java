package org.qdl.sim;

import java.util.Arrays;

/** Bit tricks for enumerating basis indices. */
public final class Bits {
    private Bits() {}

    /** Sorted copy. */
    /** a followed by b. */
    public static int[] concat(int[] a, int[] b) {
        int[] c = new int[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    public static int[] sorted(int... qubits) {
        int[] s = qubits.clone();
        Arrays.sort(s);
        return s;
    }

    /** Inserts a zero bit at each position of {@code sortedPositions} (ascending) into p. */
    public static int insertZeros(int p, int[] sortedPositions) {
        for (int q : sortedPositions) {
            int low = p & ((1 << q) - 1);
            p = ((p >>> q) << (q + 1)) | low;
        }
        return p;
    }

    /**
     * Spreads the low bits of p over the one-bits of {@code mask}, lowest first (a software PDEP):
     * the p-th integer, in increasing order, whose one-bits all lie within mask.
     */
    public static int deposit(int p, int mask) {
        int r = 0;
        for (int m = mask; m != 0 && p != 0; m &= m - 1, p >>>= 1) {
            if ((p & 1) != 0) r |= Integer.lowestOneBit(m);
        }
        return r;
    }

    /**
     * The next integer after i whose bits at {@code zeroMask} are all zero (i itself must have them
     * zero): one add, no loop, so kernels can walk such indices in order at O(1) per step.
     */
    public static int nextWithZeros(int i, int zeroMask) {
        return ((i | zeroMask) + 1) & ~zeroMask;
    }

    /** For each local index m over k = qubits.length bits, the global offset Σ_b bit_b(m)·2^{qubits[b]}. */
    public static int[] offsets(int[] qubits) {
        int k = qubits.length;
        int[] off = new int[1 << k];
        for (int m = 0; m < off.length; m++) {
            int o = 0;
            for (int b = 0; b < k; b++) if ((m >>> b & 1) != 0) o |= 1 << qubits[b];
            off[m] = o;
        }
        return off;
    }

    /** Gathers the bits of i at {@code qubits} into a local index (qubits[0] becomes bit 0). */
    public static int extract(int i, int[] qubits) {
        int m = 0;
        for (int b = 0; b < qubits.length; b++) m |= (i >>> qubits[b] & 1) << b;
        return m;
    }

    public static int mask(int... qubits) {
        int m = 0;
        for (int q : qubits) m |= 1 << q;
        return m;
    }
}
