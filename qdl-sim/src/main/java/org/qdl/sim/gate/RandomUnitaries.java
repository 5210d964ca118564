package org.qdl.sim.gate;

import org.qdl.sim.state.ComplexMatrix;

import java.util.random.RandomGenerator;

/**
 * Haar-random unitaries and orthogonal matrices: Gram–Schmidt (twice, for accuracy) on the columns
 * of a Gaussian matrix, which gives the Haar measure because the diagonal of R comes out positive.
 * Used to draw test gates, benchmark gates and hard instances.
 */
public final class RandomUnitaries {
    private RandomUnitaries() {}

    /** A Haar-random d×d unitary (complex Gaussian entries, re then im, column by column). */
    public static ComplexMatrix haar(int d, RandomGenerator rnd) {
        double[] re = new double[d * d], im = new double[d * d];
        for (int c = 0; c < d; c++) {
            for (int r = 0; r < d; r++) {
                re[r * d + c] = rnd.nextGaussian();
                im[r * d + c] = rnd.nextGaussian();
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < c; p++) {
                    double dr = 0, di = 0; // ⟨col_p, col_c⟩
                    for (int r = 0; r < d; r++) {
                        dr += re[r * d + p] * re[r * d + c] + im[r * d + p] * im[r * d + c];
                        di += re[r * d + p] * im[r * d + c] - im[r * d + p] * re[r * d + c];
                    }
                    for (int r = 0; r < d; r++) {
                        re[r * d + c] -= dr * re[r * d + p] - di * im[r * d + p];
                        im[r * d + c] -= dr * im[r * d + p] + di * re[r * d + p];
                    }
                }
            }
            double nrm = 0;
            for (int r = 0; r < d; r++) nrm += re[r * d + c] * re[r * d + c] + im[r * d + c] * im[r * d + c];
            nrm = Math.sqrt(nrm);
            for (int r = 0; r < d; r++) {
                re[r * d + c] /= nrm;
                im[r * d + c] /= nrm;
            }
        }
        return ComplexMatrix.of(d, re, im);
    }

    /** A Haar-random d×d real orthogonal matrix (real Gaussian entries, column by column). */
    public static ComplexMatrix haarOrthogonal(int d, RandomGenerator rnd) {
        double[][] q = new double[d][d]; // q[c] is column c
        for (int c = 0; c < d; c++) {
            for (int r = 0; r < d; r++) q[c][r] = rnd.nextGaussian();
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < c; p++) {
                    double dot = 0;
                    for (int r = 0; r < d; r++) dot += q[p][r] * q[c][r];
                    for (int r = 0; r < d; r++) q[c][r] -= dot * q[p][r];
                }
            }
            double nn = 0;
            for (int r = 0; r < d; r++) nn += q[c][r] * q[c][r];
            nn = Math.sqrt(nn);
            for (int r = 0; r < d; r++) q[c][r] /= nn;
        }
        double[][] rows = new double[d][d];
        for (int r = 0; r < d; r++) for (int c = 0; c < d; c++) rows[r][c] = q[c][r];
        return ComplexMatrix.real(rows);
    }
}
