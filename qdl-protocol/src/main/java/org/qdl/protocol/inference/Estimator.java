package org.qdl.protocol.inference;

/** How single-shot outcomes become an estimate with an (ε, δ) guarantee. */
public enum Estimator {
    /**
     * Sample mean; Hoeffding's inequality for outcomes in [a, b] gives
     * P(|mean − μ| ≥ t) ≤ 2·exp(−2St²/(b−a)²).
     */
    HOEFFDING,
    /**
     * Median of K group means (groups of B shots): Chebyshev makes each group mean miss by ≥ t with
     * probability ≤ 1/4, and the median misses only if half the groups do (≤ exp(−K/8)).
     */
    MEDIAN_OF_MEANS
}
