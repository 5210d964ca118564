package org.qdl.sim.noise;

import java.util.List;
import org.qdl.sim.state.Complex;
import org.qdl.sim.state.ComplexMatrix;
import org.qdl.sim.InvalidInputException;

/**
 * A single-qubit channel ρ → Σ_k K_k ρ K_k† given by its Kraus operators (2×2, Σ K_k†K_k = I),
 * applied to each qubit independently. For non-unital channels (amplitude damping) the branch
 * probabilities ‖K_k ψ‖² depend on the state; trajectories sample them from it.
 */
public record KrausChannel(String name, List<ComplexMatrix> operators) implements Channel {
    public KrausChannel {
        operators = List.copyOf(operators);
        if (operators.isEmpty()) throw new InvalidInputException(name + ": a channel needs at least one Kraus operator");
        ComplexMatrix sum = null;
        for (ComplexMatrix k : operators) {
            if (k.dim() != 2) throw new InvalidInputException(name + ": Kraus operators must be 2×2, got " + k.dim() + "×" + k.dim());
            ComplexMatrix kk = k.dagger().times(k);
            sum = sum == null ? kk : sum.plus(kk);
        }
        if (sum.distance(ComplexMatrix.identity(2)) > 1e-9) {
            throw new InvalidInputException(name + ": the Kraus operators are not trace preserving (Σ K†K ≠ I)");
        }
    }

    /**
     * Amplitude damping with decay probability γ: K0 = [[1, 0], [0, √(1−γ)]], K1 = [[0, √γ], [0, 0]].
     * P(1) scales by (1 − γ); for a storage time t, γ = 1 − e^{−t/T1}.
     */
    public static KrausChannel amplitudeDamping(double gamma) {
        if (!(gamma >= 0 && gamma <= 1)) throw new InvalidInputException("amplitude damping γ must lie in [0, 1], got " + gamma);
        ComplexMatrix k0 = ComplexMatrix.of2(Complex.ONE, Complex.ZERO, Complex.ZERO, new Complex(Math.sqrt(1 - gamma), 0));
        ComplexMatrix k1 = ComplexMatrix.of2(Complex.ZERO, new Complex(Math.sqrt(gamma), 0), Complex.ZERO, Complex.ZERO);
        return new KrausChannel("amplitude-damping(γ=" + gamma + ")", List.of(k0, k1));
    }

    @Override
    public String describe() {
        return name;
    }
}
