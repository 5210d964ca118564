package org.qdl.claims.expressivity;

import java.util.SplittableRandom;
import org.qdl.learning.optim.Adam;
import org.qdl.sim.InvalidInputException;

/**
 * Least-squares fit of a re-uploading model to target values on a grid: full-batch Adam on the mean
 * squared error, with exact adjoint gradients, from several random starts (the landscape is not
 * convex); the best start wins.
 */
public final class FourierFit {
    /** Settings: iterations per start, starts, Adam step size. */
    public record Settings(int iterations, int restarts, double learningRate) {
        public Settings {
            if (iterations < 1 || restarts < 1 || !(learningRate > 0)) {
                throw new InvalidInputException("fit needs iterations ≥ 1, restarts ≥ 1 and a positive learning rate");
            }
        }
    }

    /** The fitted parameters and the training mean squared error they reach. */
    public record Result(double[] parameters, double trainMse) {}

    private FourierFit() {}

    public static Result fit(ReuploadingModel model, double[] xs, double[] ys, Settings settings, long seed) {
        if (xs.length != ys.length || xs.length == 0) throw new InvalidInputException("need as many targets as points, got " + xs.length + " and " + ys.length);
        SplittableRandom rng = new SplittableRandom(seed);
        Result best = null;
        for (int r = 0; r < settings.restarts(); r++) {
            double[] p = new double[model.numParameters()];
            for (int i = 0; i < p.length; i++) p[i] = rng.nextDouble(-Math.PI, Math.PI);
            Result res = adam(model, p, xs, ys, settings);
            if (best == null || res.trainMse() < best.trainMse()) best = res;
        }
        model.setParameters(best.parameters());
        return best;
    }

    private static Result adam(ReuploadingModel model, double[] p, double[] xs, double[] ys, Settings s) {
        Adam adam = Adam.withDefaults(s.learningRate(), p.length);
        double[] bestP = p.clone(), df = new double[p.length];
        double bestMse = Double.POSITIVE_INFINITY;
        for (int t = 1; t <= s.iterations() + 1; t++) {
            model.setParameters(p);
            double[] g = new double[p.length];
            double mse = 0;
            for (int i = 0; i < xs.length; i++) {
                // d/dθ (f − y)²/M = 2(f − y)/M · df/dθ
                java.util.Arrays.fill(df, 0);
                double r = model.outputAndGradient(xs[i], df, 1) - ys[i];
                mse += r * r / xs.length;
                for (int j = 0; j < p.length; j++) g[j] += 2 * r / xs.length * df[j];
            }
            if (mse < bestMse) {
                bestMse = mse;
                bestP = p.clone();
            }
            if (t > s.iterations()) break;
            double[] d = adam.step(g);
            for (int j = 0; j < p.length; j++) p[j] += d[j];
        }
        return new Result(bestP, bestMse);
    }
}
