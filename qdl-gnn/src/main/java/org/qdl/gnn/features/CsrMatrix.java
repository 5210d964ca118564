package org.qdl.gnn.features;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * A small compressed-sparse-row matrix of doubles. Our own type rather than EJML's
 * DMatrixSparseCSC because every use here is row-oriented: a diffusion step Â·X walks the
 * neighbours of each node (a row of Â), node subsets are row gathers, and feature files arrive one
 * node (row) per line. CSC would need a transpose for each of these.
 */
public final class CsrMatrix {
    private final int rows;
    private final int cols;
    private final int[] rowPtr;
    private final int[] colIdx;
    private final double[] values;

    public CsrMatrix(int rows, int cols, int[] rowPtr, int[] colIdx, double[] values) {
        if (rowPtr.length != rows + 1 || colIdx.length != values.length || rowPtr[rows] != values.length) {
            throw new IllegalArgumentException("inconsistent CSR arrays");
        }
        this.rows = rows;
        this.cols = cols;
        this.rowPtr = rowPtr;
        this.colIdx = colIdx;
        this.values = values;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int nonZeros() {
        return values.length;
    }

    public int[] rowPtr() {
        return rowPtr;
    }

    public int[] colIdx() {
        return colIdx;
    }

    public double[] values() {
        return values;
    }

    public int rowNonZeros(int i) {
        return rowPtr[i + 1] - rowPtr[i];
    }

    public double get(int i, int j) {
        for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
            if (colIdx[k] == j) {
                return values[k];
            }
        }
        return 0;
    }

    /** this · B for a dense B (rows = this.cols). */
    public DMatrixRMaj times(DMatrixRMaj b) {
        if (b.numRows != cols) {
            throw new IllegalArgumentException("shape mismatch " + rows + "x" + cols + " · " + b.numRows + "x" + b.numCols);
        }
        int n = b.numCols;
        DMatrixRMaj out = new DMatrixRMaj(rows, n);
        double[] bd = b.data;
        double[] od = out.data;
        for (int i = 0; i < rows; i++) {
            int o = i * n;
            for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
                double a = values[k];
                int bo = colIdx[k] * n;
                for (int j = 0; j < n; j++) {
                    od[o + j] += a * bd[bo + j];
                }
            }
        }
        return out;
    }

    public DMatrixRMaj toDense() {
        DMatrixRMaj d = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
                d.data[i * cols + colIdx[k]] += values[k];
            }
        }
        return d;
    }

    /** Builds from per-row column/value lists (columns need not be sorted; duplicates are summed). */
    public static CsrMatrix fromRows(int cols, int[][] rowCols, double[][] rowVals) {
        int rows = rowCols.length;
        int[] ptr = new int[rows + 1];
        for (int i = 0; i < rows; i++) {
            ptr[i + 1] = ptr[i] + rowCols[i].length;
        }
        int[] c = new int[ptr[rows]];
        double[] v = new double[ptr[rows]];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(rowCols[i], 0, c, ptr[i], rowCols[i].length);
            System.arraycopy(rowVals[i], 0, v, ptr[i], rowVals[i].length);
        }
        return new CsrMatrix(rows, cols, ptr, c, v);
    }

    /** The non-zeros of a dense matrix. */
    public static CsrMatrix fromDense(DMatrixRMaj d) {
        int nnz = 0;
        for (double v : d.data) {
            nnz += v != 0 ? 1 : 0;
        }
        int[] ptr = new int[d.numRows + 1];
        int[] c = new int[nnz];
        double[] v = new double[nnz];
        int w = 0;
        for (int i = 0; i < d.numRows; i++) {
            for (int j = 0; j < d.numCols; j++) {
                double x = d.data[i * d.numCols + j];
                if (x != 0) {
                    c[w] = j;
                    v[w++] = x;
                }
            }
            ptr[i + 1] = w;
        }
        return new CsrMatrix(d.numRows, d.numCols, ptr, c, v);
    }

    /** Row-wise concatenation of matrices with the same number of columns. */
    public static CsrMatrix stack(java.util.List<CsrMatrix> parts, int cols) {
        int rows = 0;
        int nnz = 0;
        for (CsrMatrix m : parts) {
            rows += m.rows;
            nnz += m.nonZeros();
        }
        int[] ptr = new int[rows + 1];
        int[] c = new int[nnz];
        double[] v = new double[nnz];
        int r = 0;
        int w = 0;
        for (CsrMatrix m : parts) {
            System.arraycopy(m.colIdx, 0, c, w, m.nonZeros());
            System.arraycopy(m.values, 0, v, w, m.nonZeros());
            for (int i = 0; i < m.rows; i++) {
                ptr[r + i + 1] = w + m.rowPtr[i + 1];
            }
            r += m.rows;
            w += m.nonZeros();
        }
        return new CsrMatrix(rows, cols, ptr, c, v);
    }

    /** Rows given by {@code order} (a permutation or subset) as a new matrix. */
    public CsrMatrix selectRows(int[] order) {
        int[] ptr = new int[order.length + 1];
        for (int i = 0; i < order.length; i++) {
            ptr[i + 1] = ptr[i] + rowNonZeros(order[i]);
        }
        int[] c = new int[ptr[order.length]];
        double[] v = new double[ptr[order.length]];
        for (int i = 0; i < order.length; i++) {
            int len = rowNonZeros(order[i]);
            System.arraycopy(colIdx, rowPtr[order[i]], c, ptr[i], len);
            System.arraycopy(values, rowPtr[order[i]], v, ptr[i], len);
        }
        return new CsrMatrix(order.length, cols, ptr, c, v);
    }

    @Override
    public String toString() {
        return "CsrMatrix[" + rows + "x" + cols + ", nnz=" + values.length + "] " + Arrays.toString(Arrays.copyOf(rowPtr, Math.min(4, rowPtr.length)));
    }
}
