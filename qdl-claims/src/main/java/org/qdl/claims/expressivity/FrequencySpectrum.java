package org.qdl.claims.expressivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.qdl.sim.InvalidInputException;

/**
 * The frequencies a re-uploading model f(x) = ⟨0|U(x)† O U(x)|0⟩ can contain, with
 * U(x) = W_L S_L(x) ⋯ W_1 S_1(x) W_0 and S_ℓ(x) = exp(−i x H_ℓ): f(x) = Σ_{ω∈Ω} c_ω e^{iωx} with
 * Ω = {Σ_ℓ (λ_{ℓ,j} − λ_{ℓ,k})}, the differences of sums of the H_ℓ eigenvalues (Schuld, Sweke and
 * Meyer 2021). Which c_ω are non-zero depends on the trainable W_ℓ; Ω bounds them.
 *
 * @param frequencies Ω, ascending, distinct (symmetric about 0)
 */
public record FrequencySpectrum(double[] frequencies) {
    /** Values closer than this (relative) are one frequency. */
    static final double TOLERANCE = 1e-9;

    public FrequencySpectrum {
        frequencies = frequencies.clone();
    }

    /** Ω from each encoding block's distinct eigenvalues. */
    public static FrequencySpectrum of(List<double[]> blockEigenvalues) {
        double[] omega = {0};
        for (double[] eig : blockEigenvalues) {
            double[] d = differences(eig);
            double[] next = new double[omega.length * d.length];
            int k = 0;
            for (double a : omega) for (double b : d) next[k++] = a + b;
            omega = distinctSorted(next);
        }
        return new FrequencySpectrum(omega);
    }

    /** {λ_j − λ_k}: one block's frequencies. */
    public static double[] differences(double[] eigenvalues) {
        double[] d = new double[eigenvalues.length * eigenvalues.length];
        int k = 0;
        for (double a : eigenvalues) for (double b : eigenvalues) d[k++] = a - b;
        return distinctSorted(d);
    }

    static double[] distinctSorted(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        List<Double> out = new ArrayList<>();
        for (double a : s) {
            if (out.isEmpty() || Math.abs(a - out.get(out.size() - 1)) > TOLERANCE * (1 + Math.abs(a))) out.add(a);
        }
        double[] r = new double[out.size()];
        for (int i = 0; i < r.length; i++) r[i] = out.get(i);
        return r;
    }

    /** |Ω|, counting ±ω and 0 separately (the number of complex exponentials). */
    public int size() {
        return frequencies.length;
    }

    public double maxFrequency() {
        return frequencies[frequencies.length - 1];
    }

    /** Ω as integers; fails unless every frequency is an integer (then f has period 2π). */
    public int[] integers() {
        int[] k = new int[frequencies.length];
        for (int i = 0; i < k.length; i++) {
            double r = Math.rint(frequencies[i]);
            if (Math.abs(frequencies[i] - r) > TOLERANCE * (1 + Math.abs(r))) {
                throw new InvalidInputException("frequency " + frequencies[i] + " is not an integer: a grid DFT over one period cannot resolve it");
            }
            k[i] = (int) r;
        }
        return k;
    }
}
