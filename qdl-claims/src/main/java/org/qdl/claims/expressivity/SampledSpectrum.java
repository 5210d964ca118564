package org.qdl.claims.expressivity;

import java.util.ArrayList;
import java.util.List;
import org.qdl.sim.InvalidInputException;

/**
 * Fourier coefficients of a 2π-periodic function from M equispaced samples f(2πm/M): a radix-2 FFT
 * (M a power of two). If f has integer frequencies |k| < M/2 only, c_k = (1/M) Σ_m f_m e^{−2πikm/M}
 * is exact (no aliasing), so the numerically non-zero c_k are f's actual spectrum.
 */
public final class SampledSpectrum {
    private final int m;
    private final double[] re;
    private final double[] im;

    private SampledSpectrum(int m, double[] re, double[] im) {
        this.m = m;
        this.re = re;
        this.im = im;
    }

    /** Grid points x_m = 2πm/M. */
    public static double[] grid(int m) {
        double[] x = new double[m];
        for (int i = 0; i < m; i++) x[i] = 2 * Math.PI * i / m;
        return x;
    }

    /** Smallest power of two M with M/2 > maxFrequency (so every frequency is resolved). */
    public static int gridSizeFor(double maxFrequency) {
        int m = 2;
        while (m / 2 <= maxFrequency) {
            if (m >= 1 << 24) throw new InvalidInputException("maximum frequency " + maxFrequency + " needs a grid beyond 2^24 points");
            m <<= 1;
        }
        return m;
    }

    public static SampledSpectrum of(double[] samples) {
        int m = samples.length;
        if (m < 2 || Integer.bitCount(m) != 1) throw new InvalidInputException("the sample count must be a power of two ≥ 2, got " + m);
        double[] re = samples.clone(), im = new double[m];
        fft(re, im);
        for (int i = 0; i < m; i++) {
            re[i] /= m;
            im[i] /= m;
        }
        return new SampledSpectrum(m, re, im);
    }

    /** In-place iterative radix-2 FFT with the e^{−2πi km/M} sign. */
    static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) { // bit-reversal permutation
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double ang = -2 * Math.PI / len;
            for (int i = 0; i < n; i += len) {
                for (int k = 0; k < len / 2; k++) {
                    double wr = Math.cos(ang * k), wi = Math.sin(ang * k);
                    int a = i + k, b = a + len / 2;
                    double br = re[b] * wr - im[b] * wi, bi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - br;
                    im[b] = im[a] - bi;
                    re[a] += br;
                    im[a] += bi;
                }
            }
        }
    }

    /** |c_k| for integer k with |k| < M/2. */
    public double magnitude(int k) {
        if (Math.abs(k) >= m / 2) throw new InvalidInputException("frequency " + k + " is outside the grid's range |k| < " + m / 2);
        int i = Math.floorMod(k, m);
        return Math.hypot(re[i], im[i]);
    }

    public double maxMagnitude() {
        double mx = 0;
        for (int k = -m / 2 + 1; k < m / 2; k++) mx = Math.max(mx, magnitude(k));
        return mx;
    }

    /** Frequencies k (ascending, |k| < M/2) with |c_k| > threshold. */
    public int[] support(double threshold) {
        List<Integer> ks = new ArrayList<>();
        for (int k = -m / 2 + 1; k < m / 2; k++) if (magnitude(k) > threshold) ks.add(k);
        return ks.stream().mapToInt(Integer::intValue).toArray();
    }

    public int gridSize() {
        return m;
    }
}
