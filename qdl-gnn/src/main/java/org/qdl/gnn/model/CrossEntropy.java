package org.qdl.gnn.model;

import org.ejml.data.DMatrixRMaj;

/** Mean softmax cross-entropy over rows; also gives dL/dlogits. */
public final class CrossEntropy {
    private CrossEntropy() {
    }

    /** Returns the loss; fills grad (same shape as logits) with dL/dlogits when grad is not null. */
    public static double loss(DMatrixRMaj logits, int[] labels, DMatrixRMaj grad) {
        int n = logits.numRows;
        int c = logits.numCols;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) {
                max = Math.max(max, logits.data[i * c + j]);
            }
            double sum = 0;
            for (int j = 0; j < c; j++) {
                sum += Math.exp(logits.data[i * c + j] - max);
            }
            double logZ = max + Math.log(sum);
            total += logZ - logits.data[i * c + labels[i]];
            if (grad != null) {
                for (int j = 0; j < c; j++) {
                    double p = Math.exp(logits.data[i * c + j] - logZ);
                    grad.data[i * c + j] = (p - (j == labels[i] ? 1 : 0)) / n;
                }
            }
        }
        return total / n;
    }

    public static int argmax(DMatrixRMaj logits, int row) {
        int c = logits.numCols;
        int best = 0;
        for (int j = 1; j < c; j++) {
            if (logits.data[row * c + j] > logits.data[row * c + best]) {
                best = j;
            }
        }
        return best;
    }

    public static double accuracy(DMatrixRMaj logits, int[] labels) {
        int ok = 0;
        for (int i = 0; i < labels.length; i++) {
            ok += argmax(logits, i) == labels[i] ? 1 : 0;
        }
        return labels.length == 0 ? 0 : ok / (double) labels.length;
    }
}
