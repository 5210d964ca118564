package org.qdl.gnn.train;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * The distinct rows of a matrix (bitwise equal), in order of first appearance, and how many times
 * each occurs. Bitwise equality keeps the merge exact: merged rows give identical outputs.
 */
record RowDedup(DMatrixRMaj rows, double[] multiplicity) {

    static RowDedup of(DMatrixRMaj x) {
        int n = x.numRows;
        int c = x.numCols;
        Map<RowKey, Integer> index = new HashMap<>();
        int[] slot = new int[n];
        int[] firstRow = new int[n];
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            Integer s = index.putIfAbsent(new RowKey(x.data, i * c, c), distinct);
            if (s == null) {
                firstRow[distinct] = i;
                s = distinct++;
            }
            slot[i] = s;
        }
        DMatrixRMaj out = new DMatrixRMaj(distinct, c);
        double[] mult = new double[distinct];
        for (int d = 0; d < distinct; d++) {
            System.arraycopy(x.data, firstRow[d] * c, out.data, d * c, c);
        }
        for (int i = 0; i < n; i++) {
            mult[slot[i]]++;
        }
        return new RowDedup(out, mult);
    }

    /** A row of a row-major array, compared by the bits of its entries. */
    private record RowKey(double[] data, int offset, int length) {
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof RowKey k) || k.length != length) {
                return false;
            }
            for (int j = 0; j < length; j++) {
                if (Double.doubleToLongBits(data[offset + j]) != Double.doubleToLongBits(k.data[k.offset + j])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = 1;
            for (int j = 0; j < length; j++) {
                long b = Double.doubleToLongBits(data[offset + j]);
                h = 31 * h + (int) (b ^ (b >>> 32));
            }
            return h;
        }
    }

    @Override
    public String toString() {
        return rows.numRows + " distinct rows, multiplicities " + Arrays.toString(multiplicity);
    }
}
