package org.qdl.gnn.train;

import org.ejml.data.DMatrixRMaj;

/**
 * The GNN decision problem of the paper: for each class pair (i &lt; j), is class i more frequent
 * than class j among a set of nodes? The model answers from the sign of the node-averaged logit
 * difference mean_v (f_i(v) − f_j(v)) &gt; 0; the truth compares the class counts (ties: "no").
 * Pairs are ordered (0,1), (0,2), ..., (C−2,C−1).
 */
public final class DecisionProblem {
    private DecisionProblem() {
    }

    public static int numPairs(int classes) {
        return classes * (classes - 1) / 2;
    }

    /** True answers from labels. */
    public static boolean[] truth(int[] labels, int classes) {
        int[] count = new int[classes];
        for (int l : labels) {
            count[l]++;
        }
        boolean[] out = new boolean[numPairs(classes)];
        int p = 0;
        for (int i = 0; i < classes; i++) {
            for (int j = i + 1; j < classes; j++) {
                out[p++] = count[i] > count[j];
            }
        }
        return out;
    }

    /** Node-averaged logit differences mean(f_i − f_j), one per pair. */
    public static double[] averagedDifferences(DMatrixRMaj logits) {
        int c = logits.numCols;
        int n = logits.numRows;
        double[] mean = new double[c];
        for (int v = 0; v < n; v++) {
            for (int j = 0; j < c; j++) {
                mean[j] += logits.data[v * c + j];
            }
        }
        double[] out = new double[numPairs(c)];
        int p = 0;
        for (int i = 0; i < c; i++) {
            for (int j = i + 1; j < c; j++) {
                out[p++] = (mean[i] - mean[j]) / n;
            }
        }
        return out;
    }

    /** Fraction of pairs where the model's sign agrees with the truth. */
    public static double accuracy(DMatrixRMaj logits, int[] labels) {
        boolean[] t = truth(labels, logits.numCols);
        double[] d = averagedDifferences(logits);
        int ok = 0;
        for (int p = 0; p < t.length; p++) {
            ok += (d[p] > 0) == t[p] ? 1 : 0;
        }
        return t.length == 0 ? 1 : ok / (double) t.length;
    }
}
