package org.qdl.sim.noise;

import org.qdl.sim.InvalidInputException;

/**
 * A single-qubit Pauli channel ρ → (1 − px − py − pz)ρ + px XρX + py YρY + pz ZρZ, applied to each
 * qubit independently. Unital, so trajectories sample the Pauli of each qubit independently of the
 * state.
 *
 * <p>Convention of the named families (p is the shrink of the affected Bloch components):
 * <ul>
 *   <li>{@link #depolarizing}(p): ρ → (1 − p)ρ + p·I/2, i.e. px = py = pz = p/4; ⟨X⟩, ⟨Y⟩, ⟨Z⟩ of
 *       the qubit each scale by (1 − p), so a weight-w Pauli string scales by (1 − p)^w.</li>
 *   <li>{@link #dephasing}(p): pz = p/2; ⟨X⟩ and ⟨Y⟩ scale by (1 − p), ⟨Z⟩ is untouched.</li>
 * </ul>
 */
public record PauliChannel(String name, double px, double py, double pz) implements Channel {
    public PauliChannel {
        for (double v : new double[] {px, py, pz}) {
            if (!(v >= 0 && v <= 1)) throw new InvalidInputException(name + ": Pauli probabilities must lie in [0, 1], got " + v);
        }
        if (px + py + pz > 1 + 1e-12) throw new InvalidInputException(name + ": Pauli probabilities sum to " + (px + py + pz) + " > 1");
    }

    /** ρ → (1 − p)ρ + p·I/2 on each qubit, 0 ≤ p ≤ 4/3 (p = 1: fully depolarised). */
    public static PauliChannel depolarizing(double p) {
        if (!(p >= 0 && p <= 4.0 / 3)) throw new InvalidInputException("depolarizing probability must lie in [0, 4/3], got " + p);
        return new PauliChannel("depolarizing(p=" + p + ")", p / 4, p / 4, p / 4);
    }

    /** ρ → (1 − p/2)ρ + (p/2)ZρZ: coherences (⟨X⟩, ⟨Y⟩) shrink by (1 − p), 0 ≤ p ≤ 2. */
    public static PauliChannel dephasing(double p) {
        if (!(p >= 0 && p <= 2)) throw new InvalidInputException("dephasing parameter must lie in [0, 2], got " + p);
        return new PauliChannel("dephasing(p=" + p + ")", 0, 0, p / 2);
    }

    /** Probabilities of I, X, Y, Z, in that order (the branch order trajectories use). */
    public double[] probabilities() {
        return new double[] {Math.max(0, 1 - px - py - pz), px, py, pz};
    }

    /** Factor by which ⟨σ⟩ of the qubit scales, σ ∈ {X, Y, Z}: 1 − 2·(sum of the two anticommuting probabilities). */
    public double shrink(char sigma) {
        return switch (sigma) {
            case 'X' -> 1 - 2 * (py + pz);
            case 'Y' -> 1 - 2 * (px + pz);
            case 'Z' -> 1 - 2 * (px + py);
            default -> throw new IllegalArgumentException("not a Pauli letter: " + sigma);
        };
    }

    @Override
    public String describe() {
        return name;
    }
}
