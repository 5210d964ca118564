package org.qdl.gnn.model;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.qdl.gnn.features.CsrMatrix;

/**
 * y = x·W + b with W stored in×out (row-major EJML matrices; the products go through {@link Gemm}), initialised
 * as PyTorch's nn.Linear: W, b ~ U(−1/√in, 1/√in).
 */
public final class Linear {
    public final Param weight;
    public final Param bias;
    private DMatrixRMaj x;
    private CsrMatrix xs;
    private java.util.List<org.qdl.gnn.features.CompactRows> xc;

    public Linear(String name, int in, int out, Random rnd) {
        weight = new Param(name + ".W", in, out);
        bias = new Param(name + ".b", 1, out);
        double bound = 1 / Math.sqrt(in);
        for (int i = 0; i < weight.value.data.length; i++) {
            weight.value.data[i] = (2 * rnd.nextDouble() - 1) * bound;
        }
        for (int i = 0; i < out; i++) {
            bias.value.data[i] = (2 * rnd.nextDouble() - 1) * bound;
        }
    }

    public int in() {
        return weight.value.numRows;
    }

    public int out() {
        return weight.value.numCols;
    }

    public DMatrixRMaj forward(DMatrixRMaj xIn) {
        this.x = xIn;
        DMatrixRMaj y = new DMatrixRMaj(xIn.numRows, out());
        Gemm.mult(xIn, weight.value, y);
        addRow(y, bias.value.data);
        return y;
    }

    /** Accumulates dW = xᵀ·dy and db = Σ dy; returns dx = dy·Wᵀ only when asked (it costs a product). */
    public DMatrixRMaj backward(DMatrixRMaj dy, boolean needInputGrad) {
        Gemm.multAddTransA(x, dy, weight.grad);
        int o = out();
        double[] gb = bias.grad.data;
        for (int i = 0; i < dy.numRows; i++) {
            for (int j = 0; j < o; j++) {
                gb[j] += dy.data[i * o + j];
            }
        }
        if (!needInputGrad) {
            return null;
        }
        DMatrixRMaj dx = new DMatrixRMaj(dy.numRows, in());
        Gemm.multTransB(dy, weight.value, dx);
        return dx;
    }

    /**
     * Sparse input (e.g. diffused one-hot degree tags, ~5% non-zero on IMDB): y = x·W + b as a
     * CSR × dense loop, which skips the zeros that a dense product would multiply.
     */
    public DMatrixRMaj forward(CsrMatrix xIn) {
        this.xs = xIn;
        int o = out();
        DMatrixRMaj y = new DMatrixRMaj(xIn.rows(), o);
        double[] w = weight.value.data;
        int[] ptr = xIn.rowPtr();
        int[] col = xIn.colIdx();
        double[] val = xIn.values();
        for (int i = 0; i < xIn.rows(); i++) {
            int yo = i * o;
            System.arraycopy(bias.value.data, 0, y.data, yo, o);
            for (int k = ptr[i]; k < ptr[i + 1]; k++) {
                double a = val[k];
                int wo = col[k] * o;
                for (int j = 0; j < o; j++) {
                    y.data[yo + j] += a * w[wo + j];
                }
            }
        }
        return y;
    }

    /** Backward for the sparse forward: dW += xᵀ·dy by scattering each non-zero's row of dy. */
    public void backwardSparse(DMatrixRMaj dy) {
        int o = out();
        double[] gw = weight.grad.data;
        double[] gb = bias.grad.data;
        int[] ptr = xs.rowPtr();
        int[] col = xs.colIdx();
        double[] val = xs.values();
        for (int i = 0; i < xs.rows(); i++) {
            int d = i * o;
            for (int j = 0; j < o; j++) {
                gb[j] += dy.data[d + j];
            }
            for (int k = ptr[i]; k < ptr[i + 1]; k++) {
                double a = val[k];
                int wo = col[k] * o;
                for (int j = 0; j < o; j++) {
                    gw[wo + j] += a * dy.data[d + j];
                }
            }
        }
    }

    /**
     * Input given graph by graph as {@link org.qdl.gnn.features.CompactRows} (stacked in order): each
     * graph's block times the rows of W for its columns, one dense product per graph.
     */
    public DMatrixRMaj forward(java.util.List<org.qdl.gnn.features.CompactRows> parts) {
        this.xc = parts;
        int o = out();
        int rows = 0;
        for (org.qdl.gnn.features.CompactRows p : parts) {
            rows += p.rows();
        }
        DMatrixRMaj y = new DMatrixRMaj(rows, o);
        double[] scratch = scratch(parts, o);
        int r = 0;
        for (org.qdl.gnn.features.CompactRows p : parts) {
            CompactProduct.forward(p, weight.value.data, o, y.data, r * o, scratch);
            r += p.rows();
        }
        addRow(y, bias.value.data);
        return y;
    }

    /** Backward for the per-graph forward: dW rows of a graph's columns += blockᵀ·dy_graph. */
    public void backwardCompact(DMatrixRMaj dy) {
        int o = out();
        double[] gb = bias.grad.data;
        for (int i = 0; i < dy.numRows; i++) {
            for (int j = 0; j < o; j++) {
                gb[j] += dy.data[i * o + j];
            }
        }
        double[] scratch = scratch(xc, o);
        int r = 0;
        for (org.qdl.gnn.features.CompactRows p : xc) {
            CompactProduct.accumulate(p, dy.data, r * o, o, weight.grad.data, scratch);
            r += p.rows();
        }
    }

    /** One buffer per batch for the non-SIMD path (the largest graph's k × o). */
    private static double[] scratch(java.util.List<org.qdl.gnn.features.CompactRows> parts, int o) {
        int n = 0;
        for (org.qdl.gnn.features.CompactRows p : parts) {
            n = Math.max(n, CompactProduct.scratchLength(p.cols().length, o));
        }
        return new double[n];
    }

    public List<Param> params() {
        return List.of(weight, bias);
    }

    static void addRow(DMatrixRMaj y, double[] row) {
        int c = y.numCols;
        for (int i = 0; i < y.numRows; i++) {
            for (int j = 0; j < c; j++) {
                y.data[i * c + j] += row[j];
            }
        }
    }
}
