package org.qdl.protocol.inference;

import org.qdl.sim.InvalidInputException;

/**
 * How many shots an estimator needs so that the estimate of a mean μ of outcomes in an interval of
 * width w is within t of μ with probability ≥ 1 − δ, and the half-width that many shots achieve.
 *
 * <ul>
 *   <li>Hoeffding: S = ⌈w²·ln(2/δ) / (2t²)⌉, half-width w·√(ln(2/δ)/(2S)) ≤ t.</li>
 *   <li>Median of means: K = ⌈8·ln(1/δ)⌉ groups of B = ⌈w²/t²⌉ shots (variance ≤ w²/4 by
 *       Popoviciu, so Chebyshev gives P(|group mean − μ| ≥ w/√B) ≤ 1/4), half-width w/√B ≤ t.</li>
 * </ul>
 *
 * @param groups    K (1 for Hoeffding)
 * @param groupSize B (S for Hoeffding)
 * @param halfWidth the guaranteed half-width on μ for these shots
 */
public record ShotBudget(Estimator estimator, long shots, long groups, long groupSize, double halfWidth) {
    /** Most shots one inference will sample (their outcomes are held in memory). */
    public static final long MAX_SHOTS = 1L << 27;

    public static ShotBudget plan(Estimator estimator, double width, double t, double delta) {
        if (!(t > 0)) throw new InvalidInputException("the error allowed on ⟨O⟩ must be positive, got " + t);
        if (!(width >= 0) || Double.isInfinite(width)) throw new InvalidInputException("outcome range width must be finite, got " + width);
        if (width == 0) return new ShotBudget(estimator, 1, 1, 1, 0); // a constant: one shot reads it
        ShotBudget b;
        if (estimator == Estimator.HOEFFDING) {
            double s = Math.ceil(width * width * Math.log(2 / delta) / (2 * t * t));
            long shots = checked(s, t);
            b = new ShotBudget(estimator, shots, 1, shots, width * Math.sqrt(Math.log(2 / delta) / (2.0 * shots)));
        } else {
            long k = (long) Math.ceil(8 * Math.log(1 / delta));
            double group = Math.ceil(width * width / (t * t));
            long shots = checked(k * group, t);
            long g = (long) group;
            b = new ShotBudget(estimator, shots, k, g, width / Math.sqrt(g));
        }
        return b;
    }

    private static long checked(double shots, double t) {
        if (!(shots <= MAX_SHOTS)) {
            throw new InvalidInputException(String.format(
                    "reaching error %.3g on ⟨O⟩ needs %.3g shots, more than the limit of %d: raise ε or δ", t, shots, MAX_SHOTS));
        }
        return Math.max(1, (long) shots);
    }

    /** The estimate from the outcomes (mean, or median of consecutive group means). */
    public double estimate(double[] outcomes) {
        if (outcomes.length != shots) throw new IllegalArgumentException("expected " + shots + " outcomes, got " + outcomes.length);
        if (estimator == Estimator.HOEFFDING || groups == 1) {
            double s = 0;
            for (double v : outcomes) s += v;
            return s / outcomes.length;
        }
        double[] means = new double[(int) groups];
        for (int g = 0; g < groups; g++) {
            double s = 0;
            for (long i = g * groupSize, e = (g + 1) * groupSize; i < e; i++) s += outcomes[(int) i];
            means[g] = s / groupSize;
        }
        java.util.Arrays.sort(means);
        int k = means.length;
        return k % 2 == 1 ? means[k / 2] : 0.5 * (means[k / 2 - 1] + means[k / 2]);
    }
}
