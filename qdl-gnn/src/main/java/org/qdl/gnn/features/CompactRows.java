package org.qdl.gnn.features;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * The rows of one graph's feature matrix restricted to the columns any of them uses: {@code cols}
 * (ascending) and a dense n × cols.length block. Diffused one-hot degree tags of one ego-network
 * touch only the degrees that occur in it (≈ 400 of COLLAB's 5166 columns) but touch them densely,
 * so the first layer becomes a small dense product with the gathered rows of W instead of one
 * scattered axpy per non-zero.
 */
public record CompactRows(int width, int[] cols, DMatrixRMaj block) {

    public CompactRows {
        if (block.numCols != cols.length) {
            throw new IllegalArgumentException("block has " + block.numCols + " columns for " + cols.length + " indices");
        }
    }

    public int rows() {
        return block.numRows;
    }

    /** Keeps the columns of x that hold a non-zero in some row. */
    public static CompactRows of(DMatrixRMaj x) {
        int n = x.numRows;
        int c = x.numCols;
        boolean[] used = new boolean[c];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < c; j++) {
                if (x.data[i * c + j] != 0 && !used[j]) {
                    used[j] = true;
                    k++;
                }
            }
        }
        int[] cols = new int[k];
        int w = 0;
        for (int j = 0; j < c; j++) {
            if (used[j]) {
                cols[w++] = j;
            }
        }
        DMatrixRMaj b = new DMatrixRMaj(n, k);
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < k; q++) {
                b.data[i * k + q] = x.data[i * c + cols[q]];
            }
        }
        return new CompactRows(c, cols, b);
    }

    public DMatrixRMaj toDense() {
        DMatrixRMaj d = new DMatrixRMaj(rows(), width);
        int k = cols.length;
        for (int i = 0; i < rows(); i++) {
            for (int q = 0; q < k; q++) {
                d.data[i * width + cols[q]] = block.data[i * k + q];
            }
        }
        return d;
    }

    @Override
    public String toString() {
        return "CompactRows[" + rows() + "x" + width + " on " + cols.length + " columns " + Arrays.toString(Arrays.copyOf(cols, Math.min(4, cols.length))) + "]";
    }
}
