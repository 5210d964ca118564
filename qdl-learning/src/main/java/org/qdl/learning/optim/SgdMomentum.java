package org.qdl.learning.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.qdl.sim.InvalidInputException;

/** SGD with (heavy-ball) momentum: v ← μv + g, Δθ = −η v. */
public final class SgdMomentum implements Optimizer {
    private final double eta;
    private final double mu;
    private double[] v;

    public SgdMomentum(double learningRate, double momentum, int size) {
        if (!(learningRate > 0)) throw new InvalidInputException("learning rate must be positive, got " + learningRate);
        if (!(momentum >= 0 && momentum < 1)) throw new InvalidInputException("momentum must lie in [0, 1), got " + momentum);
        this.eta = learningRate;
        this.mu = momentum;
        this.v = new double[size];
    }

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    public double[] step(double[] g) {
        double[] d = new double[g.length];
        for (int j = 0; j < g.length; j++) {
            v[j] = mu * v[j] + g[j];
            d[j] = -eta * v[j];
        }
        return d;
    }

    @Override
    public Map<String, double[]> state() {
        Map<String, double[]> s = new LinkedHashMap<>();
        s.put("velocity", v.clone());
        return s;
    }

    @Override
    public void restore(Map<String, double[]> s) {
        double[] nv = s.get("velocity");
        if (nv == null || nv.length != v.length) throw new InvalidInputException("checkpoint's SGD state does not match the layer (" + v.length + " parameters)");
        v = nv.clone();
    }
}
