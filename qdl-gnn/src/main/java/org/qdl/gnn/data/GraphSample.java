package org.qdl.gnn.data;

/** One graph of a graph-classification set: its structure, a discrete tag per node, its class. */
public record GraphSample(Graph graph, int[] tags, int label) {
}
