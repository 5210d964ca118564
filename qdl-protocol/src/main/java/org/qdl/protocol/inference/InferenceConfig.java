package org.qdl.protocol.inference;

import org.qdl.sim.InvalidInputException;

/**
 * What an inference must achieve: |estimate − f(x)| ≤ ε with probability ≥ 1 − δ, where f(x) is the
 * model's output (rescaled outputs included: ε is on f, not on ⟨O⟩).
 *
 * @param seed seeds the measurement outcomes (runs are reproducible)
 */
public record InferenceConfig(double epsilon, double delta, Estimator estimator, long seed) {
    public InferenceConfig {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new InvalidInputException("the target error ε must be a positive finite number, got " + epsilon);
        }
        if (!(delta > 0 && delta < 1)) {
            throw new InvalidInputException("the failure probability δ must lie strictly between 0 and 1, got " + delta);
        }
        if (estimator == null) throw new InvalidInputException("no estimator given (HOEFFDING or MEDIAN_OF_MEANS)");
    }

    public static InferenceConfig hoeffding(double epsilon, double delta, long seed) {
        return new InferenceConfig(epsilon, delta, Estimator.HOEFFDING, seed);
    }

    public static InferenceConfig medianOfMeans(double epsilon, double delta, long seed) {
        return new InferenceConfig(epsilon, delta, Estimator.MEDIAN_OF_MEANS, seed);
    }
}
