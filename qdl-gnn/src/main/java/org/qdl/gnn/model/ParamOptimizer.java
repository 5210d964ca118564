package org.qdl.gnn.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.qdl.learning.optim.Adam;

/**
 * A model's parameters under Adam ({@link Adam}, one per tensor, all at the same step), with
 * PyTorch's weight decay: L2, added to the gradient before the moments (not decoupled).
 */
public final class ParamOptimizer {
    private final List<Param> params;
    private final double weightDecay;
    private final List<Adam> adams = new ArrayList<>();
    private final List<double[]> decayed = new ArrayList<>(); // gradient + weight decay, per tensor

    public ParamOptimizer(List<Param> params, double lr, double weightDecay) {
        this.params = params;
        this.weightDecay = weightDecay;
        for (Param p : params) {
            adams.add(Adam.withDefaults(lr, p.size()));
            decayed.add(new double[p.size()]);
        }
    }

    public void setLearningRate(double lr) {
        for (Adam a : adams) a.setLearningRate(lr);
    }

    public void zeroGrad() {
        for (Param p : params) {
            p.zeroGrad();
        }
    }

    public void step() {
        for (int k = 0; k < params.size(); k++) {
            double[] w = params.get(k).value.data, g = params.get(k).grad.data, gi = decayed.get(k);
            for (int i = 0; i < w.length; i++) {
                gi[i] = g[i] + weightDecay * w[i];
            }
            double[] d = adams.get(k).step(gi);
            for (int i = 0; i < w.length; i++) {
                w[i] += d[i];
            }
        }
    }

    /** Steps taken (the bias corrections depend on it); for checkpoints. */
    int steps() {
        return adams.isEmpty() ? 0 : (int) adams.get(0).steps();
    }

    /** Tensor k's two moment estimates, as {@link Adam#state()} names them ("m", "v"); copies. */
    Map<String, double[]> moments(int k) {
        return adams.get(k).state();
    }

    /** Sets every tensor's moments and the common step count, as a checkpoint holds them. */
    void restore(double[][] m, double[][] v, int steps) {
        for (int k = 0; k < adams.size(); k++) {
            adams.get(k).restore(Map.of("m", m[k], "v", v[k], "t", new double[] {steps}));
        }
    }
}
