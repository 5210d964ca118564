package org.qdl.gnn.data;

import java.util.Random;
import org.qdl.gnn.features.CsrMatrix;

/**
 * Contextual stochastic block model (Deshpande et al. 2018), the embedded node-classification
 * default: n nodes in C balanced classes, an edge within a class with probability d·(1+λ')/n and
 * across classes d·(1−λ'/(C−1))/n (average degree ≈ d), and features x_i = μ_{y_i} + N(0, I)/√F
 * with class means μ_c of norm {@code signal}. Seeded, so the same arguments give the same graph.
 */
public final class Csbm {
    private Csbm() {
    }

    public static NodeDataset generate(int n, int classes, int features, double avgDegree, double homophily, double signal, long seed) {
        if (n < classes * 30 || classes < 2 || features < 1 || avgDegree <= 0 || homophily < 0 || homophily > 1) {
            throw new org.qdl.sim.InvalidInputException("csbm needs n >= 30*classes, classes >= 2, features >= 1, degree > 0, homophily in [0,1]");
        }
        Random rnd = new Random(seed);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = labels[i];
            labels[i] = labels[j];
            labels[j] = t;
        }
        // homophily h = expected fraction of edges inside the own class
        double pIn = avgDegree * homophily / (n / (double) classes);
        double pOut = avgDegree * (1 - homophily) / (n - n / (double) classes);
        IntList u = new IntList();
        IntList v = new IntList();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double p = labels[i] == labels[j] ? pIn : pOut;
                if (rnd.nextDouble() < p) {
                    u.add(i);
                    v.add(j);
                }
            }
        }
        double[][] mu = new double[classes][features];
        for (int c = 0; c < classes; c++) {
            double norm = 0;
            for (int f = 0; f < features; f++) {
                mu[c][f] = rnd.nextGaussian();
                norm += mu[c][f] * mu[c][f];
            }
            for (int f = 0; f < features; f++) {
                mu[c][f] *= signal / Math.sqrt(norm);
            }
        }
        int[][] cols = new int[n][features];
        double[][] vals = new double[n][features];
        double s = 1 / Math.sqrt(features);
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < features; f++) {
                cols[i][f] = f;
                vals[i][f] = mu[labels[i]][f] + s * rnd.nextGaussian();
            }
        }
        DataReport report = new DataReport();
        Graph g = Graph.fromEdges(n, u.array(), v.array(), u.size());
        report.describe(g, "csbm");
        report.note(String.format("csbm: n=%d classes=%d features=%d degree=%.1f homophily=%.2f signal=%.2f seed=%d",
                n, classes, features, avgDegree, homophily, signal, seed));
        int perClass = 20;
        int numVal = Math.min(500, (n - perClass * classes) / 3);
        int numTest = Math.min(1000, n - perClass * classes - numVal);
        int[][] split = Linqs.planetoidStyleSplit(labels, classes, perClass, numVal, numTest, seed + 1);
        return new NodeDataset("csbm", g, CsrMatrix.fromRows(features, cols, vals), labels, classes, split[0], split[1], split[2], report);
    }

    /** The embedded default: 1000 nodes, 3 classes, 16 features, degree 6, homophily 0.8, signal 0.3. */
    public static NodeDataset defaults(long seed) {
        return generate(1000, 3, 16, 6, 0.8, 0.3, seed);
    }
}
