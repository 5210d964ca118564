package org.qdl.sim.noise;

import org.qdl.sim.InvalidInputException;

/**
 * The register-wide depolarising channel ρ → (1 − p)ρ + p·Tr(ρ)·I/d on all the qubits it is applied
 * to. It commutes with every unitary, so ⟨O⟩ of a traceless O after any circuit shrinks by exactly
 * (1 − p) per application: the case where rescaling the estimate is exact mitigation.
 * Trajectories: with probability p a uniformly random Pauli string on the register (I included;
 * their average is I/d).
 */
public record GlobalDepolarizing(double p) implements Channel {
    public GlobalDepolarizing {
        if (!(p >= 0 && p <= 1)) throw new InvalidInputException("global depolarizing probability must lie in [0, 1], got " + p);
    }

    @Override
    public String describe() {
        return "global-depolarizing(p=" + p + ")";
    }
}
