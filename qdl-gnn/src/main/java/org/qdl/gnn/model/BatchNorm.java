package org.qdl.gnn.model;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * BatchNorm1d over the rows (nodes) of a batch, as PyTorch: batch statistics (biased variance) in
 * training, running averages (momentum 0.1, unbiased variance) at evaluation, affine γ, β.
 */
public final class BatchNorm implements Norm {
    static final double EPS = 1e-5;
    private final Param gamma;
    private final Param beta;
    private final double[] runMean;
    private final double[] runVar;
    private DMatrixRMaj xhat;
    private double[] invStd;

    public BatchNorm(int width) {
        gamma = new Param("bn.gamma", 1, width);
        beta = new Param("bn.beta", 1, width);
        java.util.Arrays.fill(gamma.value.data, 1);
        runMean = new double[width];
        runVar = new double[width];
        java.util.Arrays.fill(runVar, 1);
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, boolean training) {
        int n = x.numRows;
        int c = x.numCols;
        double[] mean = new double[c];
        double[] var = new double[c];
        if (training) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < c; j++) {
                    mean[j] += x.data[i * c + j];
                }
            }
            for (int j = 0; j < c; j++) {
                mean[j] /= n;
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < c; j++) {
                    double d = x.data[i * c + j] - mean[j];
                    var[j] += d * d;
                }
            }
            for (int j = 0; j < c; j++) {
                var[j] /= n;
                runMean[j] = 0.9 * runMean[j] + 0.1 * mean[j];
                runVar[j] = 0.9 * runVar[j] + 0.1 * (n > 1 ? var[j] * n / (n - 1) : var[j]);
            }
        } else {
            System.arraycopy(runMean, 0, mean, 0, c);
            System.arraycopy(runVar, 0, var, 0, c);
        }
        invStd = new double[c];
        for (int j = 0; j < c; j++) {
            invStd[j] = 1 / Math.sqrt(var[j] + EPS);
        }
        xhat = new DMatrixRMaj(n, c);
        DMatrixRMaj y = new DMatrixRMaj(n, c);
        double[] g = gamma.value.data;
        double[] b = beta.value.data;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < c; j++) {
                double h = (x.data[i * c + j] - mean[j]) * invStd[j];
                xhat.data[i * c + j] = h;
                y.data[i * c + j] = g[j] * h + b[j];
            }
        }
        return y;
    }

    /** Backward through the training-mode transform (batch statistics depend on every row). */
    @Override
    public DMatrixRMaj backward(DMatrixRMaj dy) {
        int n = dy.numRows;
        int c = dy.numCols;
        double[] sumDy = new double[c];
        double[] sumDyXhat = new double[c];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < c; j++) {
                double d = dy.data[i * c + j];
                sumDy[j] += d;
                sumDyXhat[j] += d * xhat.data[i * c + j];
            }
        }
        for (int j = 0; j < c; j++) {
            beta.grad.data[j] += sumDy[j];
            gamma.grad.data[j] += sumDyXhat[j];
        }
        DMatrixRMaj dx = new DMatrixRMaj(n, c);
        double[] g = gamma.value.data;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < c; j++) {
                double d = dy.data[i * c + j];
                dx.data[i * c + j] = g[j] * invStd[j] / n * (n * d - sumDy[j] - xhat.data[i * c + j] * sumDyXhat[j]);
            }
        }
        return dx;
    }

    @Override
    public List<Param> params() {
        return List.of(gamma, beta);
    }
}
