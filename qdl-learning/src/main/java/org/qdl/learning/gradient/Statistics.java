package org.qdl.learning.gradient;

import java.util.Arrays;

/** Shot counts and confidence intervals for the sampling estimators (learning's own utilities). */
public final class Statistics {
    private Statistics() {}

    /**
     * Shots so that the mean of i.i.d. outcomes in an interval of width w lies within ε of its
     * expectation with probability ≥ 1 − δ (Hoeffding: S = ⌈w² ln(2/δ) / (2ε²)⌉).
     */
    public static long hoeffdingShots(double width, double epsilon, double delta) {
        return Math.max(1, (long) Math.ceil(width * width * Math.log(2 / delta) / (2 * epsilon * epsilon)));
    }

    /** The ε that {@code shots} outcomes of width w guarantee at confidence 1 − δ (Hoeffding). */
    public static double hoeffdingHalfWidth(double width, long shots, double delta) {
        return width * Math.sqrt(Math.log(2 / delta) / (2.0 * shots));
    }

    /** Standard normal quantile Φ⁻¹(p) (Acklam's rational approximation, |error| < 1.2e-9). */
    public static double normalQuantile(double p) {
        if (!(p > 0 && p < 1)) throw new IllegalArgumentException("quantile of " + p);
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double lo = 0.02425;
        if (p < lo) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - lo) return -normalQuantile(1 - p);
        double q = p - 0.5, r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    /** z such that a normal interval ±z·se covers with probability {@code level}. */
    public static double z(double level) {
        return normalQuantile(0.5 + level / 2);
    }

    public static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    /** Sample standard deviation (n − 1 in the denominator; 0 for a single value). */
    public static double sd(double[] v) {
        if (v.length < 2) return 0;
        double m = mean(v), s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return Math.sqrt(s / (v.length - 1));
    }

    public static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        int n = c.length;
        return n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2;
    }

    /** Column j of a [rows][cols] table. */
    public static double[] column(double[][] t, int j) {
        double[] c = new double[t.length];
        for (int i = 0; i < t.length; i++) c[i] = t[i][j];
        return c;
    }
}
