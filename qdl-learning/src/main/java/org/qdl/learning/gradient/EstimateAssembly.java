package org.qdl.learning.gradient;

import org.qdl.protocol.Network;
import org.qdl.protocol.model.DistributedModel;

/** Collects per-parameter values and standard errors, applies the output scale, builds the estimate. */
final class EstimateAssembly {
    final double[] value;
    final double[] se;

    EstimateAssembly(int size) {
        value = new double[size];
        se = new double[size];
    }

    /** Adds an independent step estimate to parameter slot j (variances add). */
    void addIndependent(int j, double v, double stepSe) {
        value[j] += v;
        se[j] = Math.sqrt(se[j] * se[j] + stepSe * stepSe);
    }

    /**
     * Finishes: multiplies by ‖x‖² when the model is rescaled (the data party sends ‖x‖ to the
     * observable's holder, counted), and sets normal intervals at the precision's confidence.
     */
    GradientEstimate finish(String name, Network net, DistributedModel m, Precision precision, long copies,
            Communication before, String note) {
        double scale = m.rescaled() ? m.outputScale(net) : 1;
        double level = 1 - precision.delta();
        double z = Statistics.z(level);
        double[] hw = new double[value.length];
        for (int j = 0; j < value.length; j++) {
            value[j] *= scale;
            se[j] *= scale;
            hw[j] = z * se[j];
        }
        Communication used = Communication.of(net.ledger()).minus(before);
        return new GradientEstimate(name, value, se, hw, level, copies, used, note);
    }
}
