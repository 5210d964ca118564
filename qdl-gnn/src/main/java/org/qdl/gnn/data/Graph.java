package org.qdl.gnn.data;

import java.util.Arrays;

/**
 * An undirected simple graph in compressed sparse row form: neighbours of node i are
 * {@code col[rowPtr[i] .. rowPtr[i+1])}, sorted, each undirected edge stored in both rows.
 * Self-loops are kept apart ({@link #selfLoops}) so that the diffusion operators decide how to treat
 * them (they add I themselves); nothing is dropped silently.
 */
public final class Graph {
    private final int n;
    private final int[] rowPtr;
    private final int[] col;
    private final boolean[] selfLoop;
    private final int duplicateEdges;

    private Graph(int n, int[] rowPtr, int[] col, boolean[] selfLoop, int duplicateEdges) {
        this.n = n;
        this.rowPtr = rowPtr;
        this.col = col;
        this.selfLoop = selfLoop;
        this.duplicateEdges = duplicateEdges;
    }

    /**
     * Builds from an edge list (u[e], v[e]) with 0-based ids; direction is ignored, repeated edges
     * are merged (counted in {@link #duplicateEdges}), self-loops recorded per node.
     */
    public static Graph fromEdges(int n, int[] u, int[] v, int m) {
        int[] deg = new int[n];
        boolean[] loop = new boolean[n];
        for (int e = 0; e < m; e++) {
            if (u[e] < 0 || u[e] >= n || v[e] < 0 || v[e] >= n) {
                throw new IllegalArgumentException("edge " + u[e] + "-" + v[e] + " outside 0.." + (n - 1));
            }
            if (u[e] == v[e]) {
                loop[u[e]] = true;
            } else {
                deg[u[e]]++;
                deg[v[e]]++;
            }
        }
        int[] ptr = new int[n + 1];
        for (int i = 0; i < n; i++) {
            ptr[i + 1] = ptr[i] + deg[i];
        }
        int[] fill = Arrays.copyOf(ptr, n);
        int[] c = new int[ptr[n]];
        for (int e = 0; e < m; e++) {
            if (u[e] != v[e]) {
                c[fill[u[e]]++] = v[e];
                c[fill[v[e]]++] = u[e];
            }
        }
        // sort and deduplicate each row
        int[] newPtr = new int[n + 1];
        int w = 0;
        int dup = 0;
        for (int i = 0; i < n; i++) {
            Arrays.sort(c, ptr[i], ptr[i + 1]);
            int start = w;
            for (int k = ptr[i]; k < ptr[i + 1]; k++) {
                if (w > start && c[w - 1] == c[k]) {
                    dup++;
                } else {
                    c[w++] = c[k];
                }
            }
            newPtr[i + 1] = w;
        }
        return new Graph(n, newPtr, Arrays.copyOf(c, w), loop, dup / 2);
    }

    public int numNodes() {
        return n;
    }

    /** Number of undirected edges between distinct nodes. */
    public int numEdges() {
        return col.length / 2;
    }

    public int degree(int i) {
        return rowPtr[i + 1] - rowPtr[i];
    }

    public int[] rowPtr() {
        return rowPtr;
    }

    public int[] col() {
        return col;
    }

    public boolean hasSelfLoop(int i) {
        return selfLoop[i];
    }

    public int numSelfLoops() {
        int s = 0;
        for (boolean b : selfLoop) {
            s += b ? 1 : 0;
        }
        return s;
    }

    /** Nodes with no neighbour other than possibly themselves. */
    public int numIsolated() {
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += degree(i) == 0 ? 1 : 0;
        }
        return s;
    }

    /** Undirected edges that appeared more than once in the input (merged). */
    public int duplicateEdges() {
        return duplicateEdges;
    }
}
