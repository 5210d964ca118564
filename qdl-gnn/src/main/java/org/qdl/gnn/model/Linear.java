package org.qdl.gnn.model;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * y = x·W + b with W stored in×out (so the products are plain row-major EJML calls), initialised
 * as PyTorch's nn.Linear: W, b ~ U(−1/√in, 1/√in).
 */
public final class Linear {
    public final Param weight;
    public final Param bias;
    private DMatrixRMaj x;

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
        CommonOps_DDRM.mult(xIn, weight.value, y);
        addRow(y, bias.value.data);
        return y;
    }

    /** Accumulates dW = xᵀ·dy and db = Σ dy; returns dx = dy·Wᵀ only when asked (it costs a product). */
    public DMatrixRMaj backward(DMatrixRMaj dy, boolean needInputGrad) {
        CommonOps_DDRM.multAddTransA(x, dy, weight.grad);
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
        CommonOps_DDRM.multTransB(dy, weight.value, dx);
        return dx;
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
