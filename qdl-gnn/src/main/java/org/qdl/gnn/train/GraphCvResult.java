package org.qdl.gnn.train;

/**
 * 10-fold CV outcome in both of GIN's summaries: mean ± std over folds of each fold's best test
 * accuracy, and the maximum over epochs of the fold-averaged accuracy curve (with the std across
 * folds at that epoch). curves[f][e] is fold f's test accuracy after epoch e+1.
 */
public record GraphCvResult(String activation, double[] foldBest, double[][] curves, double seconds) {
    public Stats perFoldBest() {
        return Stats.of(foldBest);
    }

    /** {max epoch of the mean curve (1-based), mean there, std across folds there}. */
    public double[] bestOfAverageCurve() {
        int epochs = curves[0].length;
        int best = 0;
        double bestMean = -1;
        for (int e = 0; e < epochs; e++) {
            double m = 0;
            for (double[] c : curves) {
                m += c[e];
            }
            m /= curves.length;
            if (m > bestMean) {
                bestMean = m;
                best = e;
            }
        }
        double[] at = new double[curves.length];
        for (int f = 0; f < curves.length; f++) {
            at[f] = curves[f][best];
        }
        return new double[] {best + 1, bestMean, Stats.of(at).std()};
    }
}
