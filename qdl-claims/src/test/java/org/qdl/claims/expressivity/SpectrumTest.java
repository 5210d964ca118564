package org.qdl.claims.expressivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpectrumTest {
    @Test
    void fftMatchesTheDefiningSum() {
        SplittableRandom r = new SplittableRandom(3);
        double[] f = new double[64];
        for (int i = 0; i < f.length; i++) f[i] = r.nextGaussian();
        SampledSpectrum sp = SampledSpectrum.of(f);
        for (int k = -31; k < 32; k++) {
            double re = 0, im = 0;
            for (int m = 0; m < 64; m++) {
                re += f[m] * Math.cos(2 * Math.PI * k * m / 64) / 64;
                im -= f[m] * Math.sin(2 * Math.PI * k * m / 64) / 64;
            }
            assertEquals(Math.hypot(re, im), sp.magnitude(k), 1e-12);
        }
    }

    @Test
    void numericalSpectrumEqualsTheAnalyticFrequencies() {
        int[][] shapes = {{1, 1}, {1, 2}, {1, 3}, {1, 4}, {2, 1}, {2, 2}, {2, 3}, {3, 2}};
        for (EncodingDesign d : EncodingDesign.values()) {
            for (int[] sh : shapes) {
                ReuploadingModel m = ReuploadingModel.random(sh[0], sh[1], d, new SplittableRandom(7 + sh[0] * 10 + sh[1]));
                FrequencySpectrum omega = m.analyticSpectrum();
                SampledSpectrum sp = ExpressivityStudy.spectrum(m, omega);
                int[] support = sp.support(1e-9 * sp.maxMagnitude());
                assertArrayEquals(omega.integers(), support, d + " n=" + sh[0] + " L=" + sh[1]);
                // and nothing at all outside Ω, beyond rounding
                java.util.Set<Integer> in = new java.util.HashSet<>();
                for (int k : omega.integers()) in.add(k);
                for (int k = -sp.gridSize() / 2 + 1; k < sp.gridSize() / 2; k++) {
                    if (!in.contains(k)) assertTrue(sp.magnitude(k) < 1e-13, "c_" + k + " = " + sp.magnitude(k));
                }
            }
        }
    }

    @Test
    void exponentialDesignGrowsAsThreeToTheDepthLinearAsTwoLPlusOne() {
        for (int n = 1; n <= 2; n++) {
            for (int L = 1; L <= 5; L++) {
                if (n * L > 8) continue;
                assertEquals((int) Math.pow(3, n * L), new ReuploadingModel(n, L, EncodingDesign.EXPONENTIAL,
                        new double[n == 1 ? 3 * (L + 1) : 4 * n * (L + 1)]).analyticSpectrum().size());
                assertEquals(2 * n * L + 1, new ReuploadingModel(n, L, EncodingDesign.LINEAR,
                        new double[n == 1 ? 3 * (L + 1) : 4 * n * (L + 1)]).analyticSpectrum().size());
            }
        }
    }

    @Test
    void overlappingScalesAreCountedOnce() {
        // Blocks with eigenvalues ±1/2 · 2^ℓ: sums a·2^ℓ, a ∈ {−1,0,1}, cover every |k| < 2^L once.
        java.util.List<double[]> eig = new java.util.ArrayList<>();
        for (int l = 0; l < 4; l++) eig.add(new double[] {-Math.pow(2, l) / 2, Math.pow(2, l) / 2});
        FrequencySpectrum f = FrequencySpectrum.of(eig);
        assertEquals(2 * 15 + 1, f.size());
        assertEquals(15, f.maxFrequency(), 0);
    }
}
