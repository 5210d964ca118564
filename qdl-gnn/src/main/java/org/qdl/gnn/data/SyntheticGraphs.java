package org.qdl.gnn.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The embedded graph-classification default, seeded: class 0 graphs are Erdős–Rényi, class 1 graphs
 * grow by preferential attachment with the same expected number of edges, so the classes differ in
 * degree heterogeneity, not in size or density. Node tags are uniform over 3 values and carry no
 * class signal.
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
            IntList u = new IntList();
            IntList v = new IntList();
            if (label == 1) {
                // preferential attachment: each new node links to m earlier nodes chosen by degree
                int m = Math.max(1, (int) Math.round(avgDegree / 2));
                IntList ends = new IntList();
                for (int i = 1; i <= m && i < n; i++) {
                    u.add(0);
                    v.add(i);
                    ends.add(0);
                    ends.add(i);
                }
                for (int i = m + 1; i < n; i++) {
                    java.util.Set<Integer> chosen = new java.util.HashSet<>();
                    while (chosen.size() < Math.min(m, i)) {
                        chosen.add(ends.get(rnd.nextInt(ends.size())));
                    }
                    for (int j : chosen) {
                        u.add(i);
                        v.add(j);
                        ends.add(i);
                        ends.add(j);
                    }
                }
            } else {
                // Erdős–Rényi with the same expected number of edges as the attachment graphs
                int m = Math.max(1, (int) Math.round(avgDegree / 2));
                double p = Math.min(1, 2.0 * m * (n - m) / ((double) n * (n - 1)));
                for (int i = 0; i < n; i++) {
                    for (int j = i + 1; j < n; j++) {
                        if (rnd.nextDouble() < p) {
                            u.add(i);
                            v.add(j);
                        }
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
        report.note(String.format("synthetic: %d graphs, %d..%d nodes, degree %.1f, seed %d (ER vs preferential attachment)",
                count, minNodes, maxNodes, avgDegree, seed));
        return new GraphDataset("synthetic", graphs, 2, 3, null, report);
    }

    public static GraphDataset defaults(long seed) {
        return generate(200, 12, 30, 4, seed);
    }
}
