package org.qdl.claims.linear;

/**
 * One run of an inner-product protocol: Bob's estimate of ⟨w, x⟩, the exact value (for
 * validation only), and what crossed the links.
 */
public record InnerProductResult(double estimate, double exact, double scale, long qubits, long classicalBits) {
    /** |estimate − exact| / (‖w‖‖x‖): the error the bounds are stated for. */
    public double normalizedError() {
        return Math.abs(estimate - exact) / scale;
    }
}
