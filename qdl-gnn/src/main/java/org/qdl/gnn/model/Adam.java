package org.qdl.gnn.model;

import java.util.List;

/**
 * Adam (Kingma &amp; Ba 2015) with PyTorch's conventions: weight decay is added to the gradient
 * (L2, not decoupled), bias-corrected moments, eps outside the square root.
 */
public final class Adam {
    private final List<Param> params;
    private double lr;
    private final double weightDecay;
    private final double beta1 = 0.9;
    private final double beta2 = 0.999;
    private final double eps = 1e-8;
    private int t;

    public Adam(List<Param> params, double lr, double weightDecay) {
        this.params = params;
        this.lr = lr;
        this.weightDecay = weightDecay;
    }

    public void setLearningRate(double lr) {
        this.lr = lr;
    }

    public double learningRate() {
        return lr;
    }

    /** Steps taken (the bias corrections depend on it); for checkpoints. */
    int steps() {
        return t;
    }

    void setSteps(int steps) {
        t = steps;
    }

    public void zeroGrad() {
        for (Param p : params) {
            p.zeroGrad();
        }
    }

    public void step() {
        t++;
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        for (Param p : params) {
            double[] w = p.value.data;
            double[] g = p.grad.data;
            double[] m = p.m.data;
            double[] v = p.v.data;
            for (int i = 0; i < w.length; i++) {
                double gi = g[i] + weightDecay * w[i];
                m[i] = beta1 * m[i] + (1 - beta1) * gi;
                v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
                w[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
            }
        }
    }
}
