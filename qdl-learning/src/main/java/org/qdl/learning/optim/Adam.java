package org.qdl.learning.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.qdl.sim.InvalidInputException;

/**
 * Adam (Kingma and Ba, 2015) as PyTorch has it: bias-corrected moments, eps outside the square
 * root. The one implementation in qdl: the quantum trainer runs one per layer, the GNNs one per
 * parameter tensor (with their L2 weight decay already in the gradient), the expressivity fit one
 * per start.
 */
public final class Adam implements Optimizer {
    private double eta;
    private final double b1;
    private final double b2;
    private final double eps;
    private double[] m;
    private double[] v;
    private long t;

    /** Any step size, zero included (the GNNs' schedules may reach it); callers that take it from a user check it. */
    public Adam(double learningRate, double beta1, double beta2, double eps, int size) {
        this.eta = learningRate;
        this.b1 = beta1;
        this.b2 = beta2;
        this.eps = eps;
        this.m = new double[size];
        this.v = new double[size];
    }

    /** The paper's defaults: β1 = 0.9, β2 = 0.999, ε = 1e-8. */
    public static Adam withDefaults(double learningRate, int size) {
        return new Adam(learningRate, 0.9, 0.999, 1e-8, size);
    }

    @Override
    public String name() {
        return "adam";
    }

    /** For step-size schedules; the moments and the step count are kept. */
    public void setLearningRate(double learningRate) {
        eta = learningRate;
    }

    /** Steps taken (the bias corrections depend on it). */
    public long steps() {
        return t;
    }

    @Override
    public double[] step(double[] g) {
        t++;
        double c1 = 1 - Math.pow(b1, t), c2 = 1 - Math.pow(b2, t);
        double[] d = new double[g.length];
        for (int j = 0; j < g.length; j++) {
            m[j] = b1 * m[j] + (1 - b1) * g[j];
            v[j] = b2 * v[j] + (1 - b2) * g[j] * g[j];
            d[j] = -eta * (m[j] / c1) / (Math.sqrt(v[j] / c2) + eps);
        }
        return d;
    }

    @Override
    public Map<String, double[]> state() {
        Map<String, double[]> s = new LinkedHashMap<>();
        s.put("m", m.clone());
        s.put("v", v.clone());
        s.put("t", new double[] {t});
        return s;
    }

    @Override
    public void restore(Map<String, double[]> s) {
        double[] nm = s.get("m"), nv = s.get("v"), nt = s.get("t");
        if (nm == null || nv == null || nt == null || nm.length != m.length || nv.length != v.length || nt.length != 1) {
            throw new InvalidInputException("checkpoint's Adam state does not match the layer (" + m.length + " parameters)");
        }
        m = nm.clone();
        v = nv.clone();
        t = (long) nt[0];
    }
}
