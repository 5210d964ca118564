package org.qdl.learning.gradient;

/**
 * A gradient estimate of f(x) with respect to every trainable parameter of a model (layers in stage
 * order, parameters in layer order). {@code standardError} and {@code halfWidth} are per component:
 * the interval gradient ± halfWidth is meant to cover the true value with probability
 * {@code confidenceLevel}. {@code copies} counts prepared copies of the (possibly ancilla-extended)
 * input state; {@code communication} is what crossed the links.
 */
public record GradientEstimate(String estimator, double[] gradient, double[] standardError, double[] halfWidth,
        double confidenceLevel, long copies, Communication communication, String note) {
    public int size() {
        return gradient.length;
    }

    /** max_j |gradient_j − reference_j|. */
    public double maxError(double[] reference) {
        double m = 0;
        for (int j = 0; j < gradient.length; j++) m = Math.max(m, Math.abs(gradient[j] - reference[j]));
        return m;
    }
}
