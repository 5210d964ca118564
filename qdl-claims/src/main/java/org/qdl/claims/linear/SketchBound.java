package org.qdl.claims.linear;

import org.qdl.sim.InvalidInputException;

/**
 * Sizes of the two inner-product protocols for an additive error ε·‖w‖‖x‖ with probability ≥ 1 − δ.
 *
 * <ul>
 *   <li>Classical sketch, k = ⌈2 ln(4/δ) / (ε²/2 − ε³/3)⌉ = O(log(1/δ)/ε²) numbers: a k×N Rademacher
 *       matrix S/√k keeps a unit vector's squared norm within 1 ± ε except with probability
 *       2exp(−k(ε²/2 − ε³/3)/2) (Achlioptas 2003); polarisation ⟨u,v⟩ = (‖u+v‖² − ‖u−v‖²)/4 for unit
 *       u, v then errs by at most ε except with twice that probability.</li>
 *   <li>Quantum estimate from single-shot outcomes in [−1, 1] with mean ⟨ŵ, x̂⟩: Hoeffding gives
 *       S = ⌈2 ln(2/δ)/ε²⌉ copies.</li>
 * </ul>
 * Neither depends on N; the quantum copies cost ⌈log2(N+1)⌉ qubits each.
 */
public final class SketchBound {
    private SketchBound() {}

    public static int sketchLength(double epsilon, double delta) {
        check(epsilon, delta);
        double k = 2 * Math.log(4 / delta) / (epsilon * epsilon / 2 - epsilon * epsilon * epsilon / 3);
        return (int) Math.ceil(k);
    }

    public static int quantumCopies(double epsilon, double delta) {
        check(epsilon, delta);
        return (int) Math.ceil(2 * Math.log(2 / delta) / (epsilon * epsilon));
    }

    static void check(double epsilon, double delta) {
        if (!(epsilon > 0 && epsilon < 1)) throw new InvalidInputException("ε must be in (0, 1), got " + epsilon);
        if (!(delta > 0 && delta < 1)) throw new InvalidInputException("δ must be in (0, 1), got " + delta);
    }
}
