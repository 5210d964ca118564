package org.qdl.sim.measurement;

import org.qdl.sim.state.StateVector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Binomial draws against their exact law, and multinomial counts against |ψ|², up to 2^31 − 1 shots. */
class CountSamplerTest {
    /** Pearson's χ² of observed counts against expected ones (cells with expectation below 5 pooled). */
    static double chiSquare(long[] observed, double[] expected) {
        double chi = 0, po = 0, pe = 0;
        for (int i = 0; i < observed.length; i++) {
            if (expected[i] < 5) {
                po += observed[i];
                pe += expected[i];
            } else {
                chi += (observed[i] - expected[i]) * (observed[i] - expected[i]) / expected[i];
            }
        }
        if (pe > 0) chi += (po - pe) * (po - pe) / pe;
        return chi;
    }

    static double[] binomialPmf(int n, double p) {
        double[] pmf = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            double logC = 0;
            for (int j = 1; j <= k; j++) logC += Math.log(n - k + j) - Math.log(j);
            pmf[k] = Math.exp(logC + k * Math.log(p) + (n - k) * Math.log1p(-p));
        }
        return pmf;
    }

    @Test
    void smallBinomialsFollowTheExactLaw() {
        // n p < 32: inversion; n p ≥ 32: one or more beta splits first; p > 1/2 by symmetry
        int[] ns = {20, 200, 400};
        double[] ps = {0.1, 0.4, 0.85};
        for (int n : ns) {
            for (double p : ps) {
                SplittableRandom rng = new SplittableRandom(n * 31L + (long) (p * 100));
                int draws = 20_000;
                long[] obs = new long[n + 1];
                for (int d = 0; d < draws; d++) obs[(int) CountSampler.binomial(n, p, rng)]++;
                double[] exp = binomialPmf(n, p);
                int cells = 0;
                for (int k = 0; k <= n; k++) {
                    exp[k] *= draws;
                    if (exp[k] >= 5) cells++;
                }
                double chi = chiSquare(obs, exp);
                // χ² with ≤ cells degrees of freedom: mean = dof, sd = √(2 dof); 6 sd is a failure rate far below 1e-6
                assertTrue(chi < cells + 6 * Math.sqrt(2.0 * cells), "n=" + n + " p=" + p + ": χ²=" + chi + " over " + cells + " cells");
            }
        }
    }

    @Test
    void hugeBinomialsHaveTheRightMeanAndVariance() {
        long n = 2_000_000_000L;
        for (double p : new double[] {1e-7, 0.3, 0.5, 0.999}) {
            SplittableRandom rng = new SplittableRandom(7);
            int draws = 4000;
            double sum = 0, sq = 0;
            for (int d = 0; d < draws; d++) {
                long k = CountSampler.binomial(n, p, rng);
                assertTrue(k >= 0 && k <= n);
                sum += k;
                sq += (double) k * k;
            }
            double mean = sum / draws, var = sq / draws - mean * mean, v = n * p * (1 - p);
            assertEquals(n * p, mean, 6 * Math.sqrt(v / draws), "mean at p=" + p);
            assertEquals(v, var, 0.15 * v, "variance at p=" + p);
        }
    }

    @Test
    void countsFollowTheBornRuleOverManyChunks() {
        int n = 16; // 4 chunks of the fixed reduction size
        SplittableRandom init = new SplittableRandom(3);
        double[] re = new double[1 << n], im = new double[1 << n];
        for (int i = 0; i < re.length; i++) {
            if (i % 7 == 3) continue; // exact zeros must never be drawn
            re[i] = init.nextGaussian();
            im[i] = init.nextGaussian();
        }
        StateVector s = StateVector.of(re, im);
        long shots = 50_000_000L;
        Map<Integer, Long> c = CountSampler.counts(s, shots, new SplittableRandom(11));
        double norm = 0;
        for (int i = 0; i < re.length; i++) norm += re[i] * re[i] + im[i] * im[i];
        long[] obs = new long[re.length];
        double[] exp = new double[re.length];
        long total = 0;
        for (Map.Entry<Integer, Long> e : c.entrySet()) {
            assertTrue(e.getKey() % 7 != 3, "drew outcome " + e.getKey() + " of amplitude 0");
            obs[e.getKey()] = e.getValue();
            total += e.getValue();
        }
        assertEquals(shots, total);
        int cells = 0;
        for (int i = 0; i < re.length; i++) {
            exp[i] = shots * (re[i] * re[i] + im[i] * im[i]) / norm;
            if (exp[i] >= 5) cells++;
        }
        double chi = chiSquare(obs, exp);
        assertTrue(chi < cells + 6 * Math.sqrt(2.0 * cells), "χ²=" + chi + " over " + cells + " cells");
        assertEquals(c, CountSampler.counts(s, shots, new SplittableRandom(11)), "same seed, same counts");
    }

    @Test
    void theLargestIntShotCountNeedsNoPerShotMemory() {
        double r = Math.sqrt(0.5);
        StateVector bell = StateVector.of(new double[] {r, 0, 0, r}, new double[4]);
        long shots = Integer.MAX_VALUE;
        Map<Integer, Long> c = CountSampler.counts(bell, shots, new SplittableRandom(5));
        assertEquals(java.util.Set.of(0, 3), c.keySet());
        assertEquals(shots, c.get(0) + c.get(3));
        assertEquals(shots / 2.0, c.get(0), 6 * Math.sqrt(shots / 4.0));
    }
}
