package org.qdl.gnn.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The embedded graph-classification default, seeded: class 0 graphs are Erdős–Rényi, class 1 graphs
 * have two planted communities with the same expected degree, so only structure (not size or
 * density) tells them apart. Node tags are uniform over 3 values and carry no class signal.
 */
public final class SyntheticGraphs {
    private SyntheticGraphs() {
    }

    public static GraphDataset generate(int count, int minNodes, int maxNodes, double avgDegree, long seed) {
        Random rnd = new Random(seed);
        List<GraphSample> graphs = new ArrayList<>(count);
        for (int gi = 0; gi < count; gi++) {
            int label = gi % 2;
            int n = minNodes + rnd.nextInt(maxNodes - minNodes + 1);
            int half = n / 2;
            double p = Math.min(1, avgDegree / (n - 1));
            double pIn = Math.min(1, 0.9 * avgDegree / (half - 1));
            double pOut = Math.max(0, (avgDegree - pIn * (half - 1)) / (n - half));
            IntList u = new IntList();
            IntList v = new IntList();
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double q = label == 0 ? p : ((i < half) == (j < half) ? pIn : pOut);
                    if (rnd.nextDouble() < q) {
                        u.add(i);
                        v.add(j);
                    }
                }
            }
            int[] tags = new int[n];
            for (int i = 0; i < n; i++) {
                tags[i] = rnd.nextInt(3);
            }
            graphs.add(new GraphSample(Graph.fromEdges(n, u.array(), v.array(), u.size()), tags, label));
        }
        DataReport report = new DataReport();
        report.note(String.format("synthetic: %d graphs, %d..%d nodes, degree %.1f, seed %d (ER vs two communities)",
                count, minNodes, maxNodes, avgDegree, seed));
        return new GraphDataset("synthetic", graphs, 2, 3, null, report);
    }

    public static GraphDataset defaults(long seed) {
        return generate(200, 12, 30, 4, seed);
    }
}
