package org.qdl.gnn.model;

import java.util.List;
import java.util.Map;

/**
 * Everything a model and its optimiser carry between steps: parameter values, Adam's two moments
 * and step count, and the non-trained buffers (BatchNorm's running statistics). Restoring it
 * continues training bit for bit.
 */
public record TrainingState(double[][] values, double[][] m, double[][] v, double[][] buffers, int adamSteps) {

    public static TrainingState capture(List<Param> params, List<double[]> buffers, ParamOptimizer optimizer) {
        int n = params.size();
        double[][] values = new double[n][], m = new double[n][], v = new double[n][];
        for (int i = 0; i < n; i++) {
            values[i] = params.get(i).value.data.clone();
            Map<String, double[]> moments = optimizer.moments(i);
            m[i] = moments.get("m");
            v[i] = moments.get("v");
        }
        double[][] b = new double[buffers.size()][];
        for (int i = 0; i < b.length; i++) {
            b[i] = buffers.get(i).clone();
        }
        return new TrainingState(values, m, v, b, optimizer.steps());
    }

    /** Copies the state into a model of the same shape; false (nothing changed) if the shapes differ. */
    public boolean restore(List<Param> params, List<double[]> buffers, ParamOptimizer optimizer) {
        if (params.size() != values.length || buffers.size() != this.buffers.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            Param p = params.get(i);
            if (p.value.data.length != values[i].length || m[i].length != values[i].length || v[i].length != values[i].length) {
                return false;
            }
        }
        for (int i = 0; i < this.buffers.length; i++) {
            if (buffers.get(i).length != this.buffers[i].length) {
                return false;
            }
        }
        for (int i = 0; i < values.length; i++) {
            Param p = params.get(i);
            System.arraycopy(values[i], 0, p.value.data, 0, values[i].length);
        }
        optimizer.restore(m, v, adamSteps);
        for (int i = 0; i < this.buffers.length; i++) {
            System.arraycopy(this.buffers[i], 0, buffers.get(i), 0, this.buffers[i].length);
        }
        return true;
    }
}
