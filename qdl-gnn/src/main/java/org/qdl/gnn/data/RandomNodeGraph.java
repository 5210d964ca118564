package org.qdl.gnn.data;

import java.util.Random;
import org.qdl.gnn.features.CsrMatrix;

/**
 * A node-classification set of a given size with no structure (uniform random edges, Gaussian
 * dense features, uniform labels, split by node id): for measuring time and memory at the size of
 * a data set that is not here (ogbn-arxiv: 169,343 nodes, 1,166,243 edges, 128 features, 40
 * classes, split 90,941 / 29,799 / 48,603). Accuracy on it means nothing.
 */
public final class RandomNodeGraph {
    private RandomNodeGraph() {
    }

    public static NodeDataset generate(int n, int edges, int features, int classes, int train, int val, long seed) {
        Random rnd = new Random(seed);
        int[] u = new int[edges];
        int[] v = new int[edges];
        for (int e = 0; e < edges; e++) {
            u[e] = rnd.nextInt(n);
            v[e] = rnd.nextInt(n);
        }
        Graph g = Graph.fromEdges(n, u, v, edges);
        int[] ptr = new int[n + 1];
        int[] col = new int[n * features];
        double[] val2 = new double[n * features];
        for (int i = 0; i < n; i++) {
            ptr[i + 1] = (i + 1) * features;
            for (int j = 0; j < features; j++) {
                col[i * features + j] = j;
                val2[i * features + j] = rnd.nextGaussian();
            }
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rnd.nextInt(classes);
        }
        int[] tr = range(0, train), va = range(train, train + val), te = range(train + val, n);
        DataReport report = new DataReport();
        report.note("random graph of " + n + " nodes and " + edges + " edges (timing and memory only)");
        return new NodeDataset("random-" + n, g, new CsrMatrix(n, features, ptr, col, val2), labels, classes, tr, va, te, report);
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
