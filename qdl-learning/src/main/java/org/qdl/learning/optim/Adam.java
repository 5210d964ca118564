package org.qdl.learning.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.qdl.sim.InvalidInputException;

/** Adam (Kingma and Ba, 2015) with bias correction. */
public final class Adam implements Optimizer {
    private final double eta;
    private final double b1;
    private final double b2;
    private final double eps;
    private double[] m;
    private double[] v;
    private long t;

    public Adam(double learningRate, double beta1, double beta2, double eps, int size) {
        if (!(learningRate > 0)) throw new InvalidInputException("learning rate must be positive, got " + learningRate);
        this.eta = learningRate;
        this.b1 = beta1;
        this.b2 = beta2;
        this.eps = eps;
        this.m = new double[size];
        this.v = new double[size];
    }

    @Override
    public String name() {
        return "adam";
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
