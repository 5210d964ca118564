package org.qdl.gnn.model;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.qdl.gnn.features.Diffusion;

/**
 * A trained node model as plain numbers, for the model party of a distributed protocol. Hop k maps
 * a SIGN feature row x_k (length {@code features}) to h_k = act_k(x_k·W_k + b_k) (length
 * {@code hidden}); logits = Σ_k h_k·P_k + p, where P_k = rows k·hidden .. (k+1)·hidden−1 of
 * {@code project}. For the polynomial model act_k(z) = c_k0 + c_k1·z + c_k2·z² element-wise
 * ({@code activation[k] = {c0, c1, c2}}); for PReLU {@code activation[k] = {slope}}. Evaluation
 * mode: no dropout. The SIGN features come from {@code operator} with hops 0..hops−1.
 *
 * @param hopWeight  [k][f][j] = W_k (features × hidden)
 * @param hopBias    [k][j] = b_k
 * @param project    [(k·hidden + j)][c] = final layer weight
 * @param projectBias [c]
 */
public record NodeModelExport(String activationKind, Diffusion operator, int hops, int features, int hidden, int classes,
                              double[][][] hopWeight, double[][] hopBias, double[][] activation, double[][] project,
                              double[] projectBias) {

    /** Logits of the given SIGN feature rows (one matrix per hop), computed from the exported numbers alone. */
    public double[][] logits(List<DMatrixRMaj> signFeatures) {
        int n = signFeatures.get(0).numRows;
        double[][] out = new double[n][classes];
        double[] z = new double[hidden];
        for (int v = 0; v < n; v++) {
            System.arraycopy(projectBias, 0, out[v], 0, classes);
            for (int k = 0; k < hops; k++) {
                DMatrixRMaj x = signFeatures.get(k);
                System.arraycopy(hopBias[k], 0, z, 0, hidden);
                for (int f = 0; f < features; f++) {
                    double xf = x.data[v * features + f];
                    if (xf != 0) {
                        double[] w = hopWeight[k][f];
                        for (int j = 0; j < hidden; j++) {
                            z[j] += xf * w[j];
                        }
                    }
                }
                for (int j = 0; j < hidden; j++) {
                    double h = act(k, z[j]);
                    double[] p = project[k * hidden + j];
                    for (int c = 0; c < classes; c++) {
                        out[v][c] += h * p[c];
                    }
                }
            }
        }
        return out;
    }

    private double act(int k, double z) {
        double[] a = activation[k];
        if (activationKind.equals("poly")) {
            return a[0] + z * (a[1] + a[2] * z);
        }
        return z > 0 ? z : a[0] * z;
    }

    static NodeModelExport of(SignNodeModel m, Diffusion op) {
        int hops = m.hops();
        Linear l0 = m.hopLinear(0);
        int features = l0.in();
        int hidden = l0.out();
        int classes = m.project().out();
        double[][][] w = new double[hops][][];
        double[][] b = new double[hops][];
        double[][] act = new double[hops][];
        for (int k = 0; k < hops; k++) {
            w[k] = rows(m.hopLinear(k).weight.value);
            b[k] = m.hopLinear(k).bias.value.data.clone();
            act[k] = m.hopActivation(k).params().get(0).value.data.clone();
        }
        return new NodeModelExport(m.activation(), op, hops, features, hidden, classes, w, b, act,
                rows(m.project().weight.value), m.project().bias.value.data.clone());
    }

    static double[][] rows(DMatrixRMaj a) {
        double[][] r = new double[a.numRows][a.numCols];
        for (int i = 0; i < a.numRows; i++) {
            System.arraycopy(a.data, i * a.numCols, r[i], 0, a.numCols);
        }
        return r;
    }
}
