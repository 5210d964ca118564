package org.qdl.gnn.model;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/** LayerNorm over the features of each row, eps 1e-5, affine γ, β (PyTorch). */
public final class LayerNorm implements Norm {
    private final Param gamma;
    private final Param beta;
    private DMatrixRMaj xhat;
    private double[] invStd;

    public LayerNorm(int width) {
        gamma = new Param("ln.gamma", 1, width);
        beta = new Param("ln.beta", 1, width);
        java.util.Arrays.fill(gamma.value.data, 1);
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, boolean training) {
        int n = x.numRows;
        int c = x.numCols;
        xhat = new DMatrixRMaj(n, c);
        invStd = new double[n];
        DMatrixRMaj y = new DMatrixRMaj(n, c);
        for (int i = 0; i < n; i++) {
            double mean = 0;
            for (int j = 0; j < c; j++) {
                mean += x.data[i * c + j];
            }
            mean /= c;
            double var = 0;
            for (int j = 0; j < c; j++) {
                double d = x.data[i * c + j] - mean;
                var += d * d;
            }
            invStd[i] = 1 / Math.sqrt(var / c + BatchNorm.EPS);
            for (int j = 0; j < c; j++) {
                double h = (x.data[i * c + j] - mean) * invStd[i];
                xhat.data[i * c + j] = h;
                y.data[i * c + j] = gamma.value.data[j] * h + beta.value.data[j];
            }
        }
        return y;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj dy) {
        int n = dy.numRows;
        int c = dy.numCols;
        DMatrixRMaj dx = new DMatrixRMaj(n, c);
        double[] dxhat = new double[c];
        for (int i = 0; i < n; i++) {
            double s1 = 0;
            double s2 = 0;
            for (int j = 0; j < c; j++) {
                double d = dy.data[i * c + j];
                double h = xhat.data[i * c + j];
                beta.grad.data[j] += d;
                gamma.grad.data[j] += d * h;
                dxhat[j] = d * gamma.value.data[j];
                s1 += dxhat[j];
                s2 += dxhat[j] * h;
            }
            for (int j = 0; j < c; j++) {
                dx.data[i * c + j] = invStd[i] / c * (c * dxhat[j] - s1 - xhat.data[i * c + j] * s2);
            }
        }
        return dx;
    }

    @Override
    public List<Param> params() {
        return List.of(gamma, beta);
    }
}
