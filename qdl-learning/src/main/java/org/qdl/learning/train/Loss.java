package org.qdl.learning.train;

import org.qdl.sim.InvalidInputException;

/**
 * Per-example losses on the model output f = ⟨O⟩ with labels y = ±1: squared error (f − y)², and
 * logistic log(1 + e^{−β y f}) with margin scale β = {@value #BETA} (f lies in [−1, 1], so an
 * unscaled logistic loss could barely separate the classes).
 */
public enum Loss {
    SQUARED,
    LOGISTIC;

    public static final double BETA = 5;

    public double value(double f, double y) {
        return switch (this) {
            case SQUARED -> (f - y) * (f - y);
            case LOGISTIC -> softplus(-BETA * y * f);
        };
    }

    /** dℓ/df. */
    public double derivative(double f, double y) {
        return switch (this) {
            case SQUARED -> 2 * (f - y);
            case LOGISTIC -> -BETA * y * sigmoid(-BETA * y * f);
        };
    }

    static double softplus(double a) {
        return a > 30 ? a : Math.log1p(Math.exp(a));
    }

    static double sigmoid(double a) {
        return 1 / (1 + Math.exp(-a));
    }

    public static Loss parse(String s) {
        return switch (s) {
            case "squared" -> SQUARED;
            case "logistic" -> LOGISTIC;
            default -> throw new InvalidInputException("unknown loss '" + s + "': use squared or logistic");
        };
    }
}
