package org.qdl.gnn.data;

import org.qdl.gnn.features.CsrMatrix;

/**
 * A node-classification data set: one graph, a (sparse) feature row per node, a class per node and
 * a train/validation/test split of node ids.
 */
public record NodeDataset(String name, Graph graph, CsrMatrix features, int[] labels, int numClasses,
                          int[] train, int[] val, int[] test, DataReport report) {

    public int numNodes() {
        return graph.numNodes();
    }

    public int numFeatures() {
        return features.cols();
    }
}
