package org.qdl.sim.fusion;

import org.qdl.sim.kernel.PhaseTable;

/**
 * A diagonal gate on any qubits: inside a block its outside qubits are fixed, so it reduces to one of
 * 2^{#outside} diagonals on the local qubits (precomputed as {@link PhaseTable}s), or to nothing.
 */
final class DiagonalBlockOp implements BlockOp {
    private final int[] outside;
    private final PhaseTable[] tables; // null entry: identity on that block

    /**
     * @param local   local positions of the qubits that lie in the block
     * @param localAt index in the gate's qubit list of each local qubit
     * @param outside global positions of the other qubits
     * @param outAt   index in the gate's qubit list of each outside qubit
     */
    DiagonalBlockOp(int[] local, int[] localAt, int[] outside, int[] outAt, double[] phaseRe, double[] phaseIm) {
        this.outside = outside;
        this.tables = new PhaseTable[1 << outside.length];
        int nl = local.length;
        for (int key = 0; key < tables.length; key++) {
            int mo = 0;
            for (int t = 0; t < outside.length; t++) mo |= (key >>> t & 1) << outAt[t];
            double[] pr = new double[1 << nl], pi = new double[1 << nl];
            boolean identity = true;
            for (int ml = 0; ml < pr.length; ml++) {
                int m = mo;
                for (int t = 0; t < nl; t++) m |= (ml >>> t & 1) << localAt[t];
                pr[ml] = phaseRe[m];
                pi[ml] = phaseIm[m];
                identity &= pr[ml] == 1 && pi[ml] == 0;
            }
            tables[key] = identity ? null : new PhaseTable(local, pr, pi);
        }
    }

    @Override
    public boolean diagonal() {
        return true;
    }

    /** The table for the block at {@code base} (its outside bits select it), or null for the identity. */
    private PhaseTable table(int base) {
        int key = 0;
        for (int t = 0; t < outside.length; t++) key |= (base >>> outside[t] & 1) << t;
        return tables[key];
    }

    @Override
    public void apply(double[] re, double[] im, int from, int size, int base) {
        PhaseTable t = table(base);
        if (t != null) t.apply(re, im, from, from + size);
    }

    @Override
    public void apply(float[] re, float[] im, int from, int size, int base) {
        PhaseTable t = table(base);
        if (t != null) t.apply(re, im, from, from + size);
    }
}
