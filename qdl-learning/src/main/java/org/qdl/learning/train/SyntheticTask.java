package org.qdl.learning.train;

import java.util.SplittableRandom;
import org.qdl.sim.InvalidInputException;

/**
 * The embedded classification task: vectors of length N from two distributions that differ only in
 * a sign pattern, x = s_c + σ·g with g standard normal, s_0 = (1, 1, …, 1) and s_1 = ((−1)^{i_0})_i
 * (alternating signs). After amplitude encoding, ⟨X_0⟩ ≈ +1/(1+σ²) for class 0 and −1/(1+σ²) for
 * class 1 while every Z-type quantity is the same for both, so the model must learn a basis change.
 * Labels: y = +1 for class 0, −1 for class 1.
 */
public record SyntheticTask(double[][] x, double[] y) {
    public static SyntheticTask generate(int n, int count, double noise, long seed) {
        if (n < 2 || Integer.bitCount(n) != 1) throw new InvalidInputException("vector length N must be a power of two ≥ 2, got " + n);
        if (count < 2) throw new InvalidInputException("need at least 2 examples, got " + count);
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[count][n];
        double[] y = new double[count];
        for (int e = 0; e < count; e++) {
            int c = e % 2; // balanced classes
            y[e] = c == 0 ? 1 : -1;
            for (int i = 0; i < n; i++) {
                double s = c == 0 ? 1 : ((i & 1) == 0 ? 1 : -1);
                x[e][i] = s + noise * rng.nextGaussian();
            }
        }
        return new SyntheticTask(x, y);
    }

    public int size() {
        return y.length;
    }
}
