package org.qdl.sim;

import org.qdl.sim.state.ComplexMatrix;

/**
 * An independent, deliberately naive reference: builds the full 2^n×2^n matrix of a gate by
 * enumerating basis states (no shared kernel code), and multiplies it into a plain vector.
 */
public final class DenseReference {
    private DenseReference() {}

    /** Full matrix of a gate whose local matrix acts on {@code qubits} (qubits[0] = local bit 0). */
    public static double[][][] embed(int n, int[] qubits, ComplexMatrix local) {
        int d = 1 << n;
        double[][] re = new double[d][d], im = new double[d][d];
        int mask = 0;
        for (int q : qubits) mask |= 1 << q;
        for (int col = 0; col < d; col++) {
            int lc = 0;
            for (int b = 0; b < qubits.length; b++) lc |= ((col >> qubits[b]) & 1) << b;
            for (int lr = 0; lr < local.dim(); lr++) {
                int row = col & ~mask;
                for (int b = 0; b < qubits.length; b++) row |= ((lr >> b) & 1) << qubits[b];
                re[row][col] = local.re(lr, lc);
                im[row][col] = local.im(lr, lc);
            }
        }
        return new double[][][] {re, im};
    }

    /** v ← M v for a full matrix given as {re, im}. */
    public static void apply(double[][][] m, double[] vr, double[] vi) {
        int d = vr.length;
        double[] nr = new double[d], ni = new double[d];
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < d; c++) {
                nr[r] += m[0][r][c] * vr[c] - m[1][r][c] * vi[c];
                ni[r] += m[0][r][c] * vi[c] + m[1][r][c] * vr[c];
            }
        }
        System.arraycopy(nr, 0, vr, 0, d);
        System.arraycopy(ni, 0, vi, 0, d);
    }
}
