package org.qdl.sim.noise;

import java.util.random.RandomGenerator;

/**
 * Exact binomial and multinomial sampling. The binomial counts geometric gaps between successes
 * (O(np) draws, no table, no underflow for large n), on the rarer of success and failure.
 */
public final class Binomial {
    private Binomial() {}

    public static long sample(long n, double p, RandomGenerator rng) {
        if (n <= 0 || p <= 0) return 0;
        if (p >= 1) return n;
        if (p > 0.5) return n - sample(n, 1 - p, rng);
        double logQ = Math.log1p(-p);
        long count = 0, pos = 0;
        while (true) {
            // Trials up to and including the next success: geometric on {1, 2, …}.
            double u = 1 - rng.nextDouble(); // (0, 1]
            double gap = Math.floor(Math.log(u) / logQ) + 1;
            if (pos + gap > n) return count;
            pos += (long) gap;
            count++;
        }
    }

    /** Splits n over the categories with the given probabilities (sequential conditional binomials). */
    public static long[] multinomial(long n, double[] probabilities, RandomGenerator rng) {
        long[] out = new long[probabilities.length];
        double rest = 0;
        for (double p : probabilities) rest += p;
        long left = n;
        for (int k = 0; k < probabilities.length && left > 0; k++) {
            if (k == probabilities.length - 1 || rest <= 0) {
                out[k] = left;
                break;
            }
            double q = Math.min(1, Math.max(0, probabilities[k] / rest));
            out[k] = sample(left, q, rng);
            left -= out[k];
            rest -= probabilities[k];
        }
        return out;
    }
}
