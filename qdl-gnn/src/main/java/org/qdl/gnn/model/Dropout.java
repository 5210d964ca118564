package org.qdl.gnn.model;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/** Inverted dropout: zero each entry with probability p, scale survivors by 1/(1−p); identity at eval. */
public final class Dropout {
    private final double p;
    private double[] mask;

    public Dropout(double p) {
        if (p < 0 || p >= 1) {
            throw new org.qdl.sim.InvalidInputException("dropout must be in [0, 1), got " + p);
        }
        this.p = p;
    }

    public double rate() {
        return p;
    }

    public DMatrixRMaj forward(DMatrixRMaj x, boolean training, Random rnd) {
        if (!training || p == 0) {
            mask = null;
            return x;
        }
        DMatrixRMaj y = new DMatrixRMaj(x.numRows, x.numCols);
        mask = new double[x.data.length];
        double keep = 1 / (1 - p);
        for (int i = 0; i < mask.length; i++) {
            mask[i] = rnd.nextDouble() < p ? 0 : keep;
            y.data[i] = x.data[i] * mask[i];
        }
        return y;
    }

    /** Dropout of the stored entries of a sparse matrix (zeros stay zero either way). */
    public org.qdl.gnn.features.CsrMatrix forward(org.qdl.gnn.features.CsrMatrix x, boolean training, Random rnd) {
        mask = null;
        if (!training || p == 0) {
            return x;
        }
        double keep = 1 / (1 - p);
        double[] v = x.values().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] *= rnd.nextDouble() < p ? 0 : keep;
        }
        return new org.qdl.gnn.features.CsrMatrix(x.rows(), x.cols(), x.rowPtr(), x.colIdx(), v);
    }

    /** Dropout of each graph's stored block (entries outside its columns are zero either way). */
    public java.util.List<org.qdl.gnn.features.CompactRows> forward(java.util.List<org.qdl.gnn.features.CompactRows> x,
                                                                   boolean training, Random rnd) {
        mask = null;
        if (!training || p == 0) {
            return x;
        }
        double keep = 1 / (1 - p);
        java.util.List<org.qdl.gnn.features.CompactRows> out = new java.util.ArrayList<>(x.size());
        for (org.qdl.gnn.features.CompactRows c : x) {
            DMatrixRMaj b = c.block().copy();
            for (int i = 0; i < b.data.length; i++) {
                b.data[i] *= rnd.nextDouble() < p ? 0 : keep;
            }
            out.add(new org.qdl.gnn.features.CompactRows(c.width(), c.cols(), b));
        }
        return out;
    }

    public DMatrixRMaj backward(DMatrixRMaj dy) {
        if (mask == null) {
            return dy;
        }
        DMatrixRMaj dx = new DMatrixRMaj(dy.numRows, dy.numCols);
        for (int i = 0; i < mask.length; i++) {
            dx.data[i] = dy.data[i] * mask[i];
        }
        return dx;
    }
}
