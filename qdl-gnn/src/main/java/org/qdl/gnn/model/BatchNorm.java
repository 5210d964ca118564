package org.qdl.gnn.model;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * BatchNorm1d over the rows (nodes) of a batch, as PyTorch: batch statistics (biased variance) in
 * training, running averages (momentum 0.1, unbiased variance) at evaluation, affine γ, β. Rows may
 * carry multiplicities (deduplicated identical nodes): statistics are then weighted by them, which
 * equals the statistics over the expanded rows.
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
    public List<double[]> buffers() {
        return List.of(runMean, runVar);
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, boolean training) {
        return forward(x, training, null);
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, boolean training, double[] mult) {
        int rows = x.numRows;
        int c = x.numCols;
        double n = rows;
        if (mult != null) {
            n = 0;
            for (int i = 0; i < rows; i++) {
                n += mult[i];
            }
        }
        double[] mean = new double[c];
        double[] var = new double[c];
        if (training) {
            for (int i = 0; i < rows; i++) {
                double w = mult == null ? 1 : mult[i];
                int o = i * c;
                for (int j = 0; j < c; j++) {
                    mean[j] += w * x.data[o + j];
                }
            }
            for (int j = 0; j < c; j++) {
                mean[j] /= n;
            }
            for (int i = 0; i < rows; i++) {
                double w = mult == null ? 1 : mult[i];
                int o = i * c;
                for (int j = 0; j < c; j++) {
                    double d = x.data[o + j] - mean[j];
                    var[j] += w * d * d;
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
        xhat = new DMatrixRMaj(rows, c);
        DMatrixRMaj y = new DMatrixRMaj(rows, c);
        double[] g = gamma.value.data;
        double[] b = beta.value.data;
        for (int i = 0; i < rows; i++) {
            int o = i * c;
            for (int j = 0; j < c; j++) {
                double h = (x.data[o + j] - mean[j]) * invStd[j];
                xhat.data[o + j] = h;
                y.data[o + j] = g[j] * h + b[j];
            }
        }
        return y;
    }

    /** Backward through the training-mode transform (batch statistics depend on every row). */
    @Override
    public DMatrixRMaj backward(DMatrixRMaj dy) {
        return backward(dy, null);
    }

    /**
     * With multiplicities m_i and dy_i the summed gradient of row i's copies, the expanded formula
     * dx_r = γ/(σN)·(N·dy_r − Σ dy − x̂_r·Σ dy·x̂) summed over the m_i copies gives
     * γ/(σN)·(N·dy_i − m_i·Σ dy − m_i·x̂_i·Σ dy·x̂), the sums being the same over either form.
     */
    @Override
    public DMatrixRMaj backward(DMatrixRMaj dy, double[] mult) {
        int rows = dy.numRows;
        int c = dy.numCols;
        double n = rows;
        if (mult != null) {
            n = 0;
            for (int i = 0; i < rows; i++) {
                n += mult[i];
            }
        }
        double[] sumDy = new double[c];
        double[] sumDyXhat = new double[c];
        for (int i = 0; i < rows; i++) {
            int o = i * c;
            for (int j = 0; j < c; j++) {
                double d = dy.data[o + j];
                sumDy[j] += d;
                sumDyXhat[j] += d * xhat.data[o + j];
            }
        }
        double[] scale = new double[c];
        double[] g = gamma.value.data;
        for (int j = 0; j < c; j++) {
            beta.grad.data[j] += sumDy[j];
            gamma.grad.data[j] += sumDyXhat[j];
            scale[j] = g[j] * invStd[j] / n;
        }
        DMatrixRMaj dx = new DMatrixRMaj(rows, c);
        for (int i = 0; i < rows; i++) {
            double w = mult == null ? 1 : mult[i];
            int o = i * c;
            for (int j = 0; j < c; j++) {
                dx.data[o + j] = scale[j] * (n * dy.data[o + j] - w * (sumDy[j] + xhat.data[o + j] * sumDyXhat[j]));
            }
        }
        return dx;
    }

    @Override
    public List<Param> params() {
        return List.of(gamma, beta);
    }
}
