package org.qdl.gnn.data;

import java.util.List;

/**
 * A graph-classification data set. Tags are 0..numTags-1 (mapped in order of first appearance, as
 * GIN does); {@code folds} are the test folds shipped with the data (may be null).
 */
public record GraphDataset(String name, List<GraphSample> graphs, int numClasses, int numTags,
                           List<int[]> folds, DataReport report) {

    public int size() {
        return graphs.size();
    }

    public int[] labels() {
        return graphs.stream().mapToInt(GraphSample::label).toArray();
    }

    public int totalNodes() {
        return graphs.stream().mapToInt(g -> g.graph().numNodes()).sum();
    }
}
