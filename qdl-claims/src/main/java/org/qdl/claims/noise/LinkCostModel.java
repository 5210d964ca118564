package org.qdl.claims.noise;

import org.qdl.sim.InvalidInputException;

/**
 * Qubits the quantum protocol needs on noisy, lossy links, for a model whose one execution sends H
 * registers of n qubits (hops) and needs S₀ shots noiselessly.
 *
 * <ul>
 *   <li>Noise: depolarising p per qubit per hop (ρ → (1 − p)ρ + p·I/2). A register crosses
 *       unharmed with probability F_hop = (1 − 3p/4)^n; the white-noise model treats a hit register
 *       as carrying no information about ⟨O⟩ (the later layers scramble it), so
 *       ⟨O⟩_noisy = c₀ + F(⟨O⟩ − c₀) with F = F_hop^H. This is exact for a global depolarising link
 *       of p_g = 1 − F_hop; {@link NoiseStudy} measures how close local noise comes to it.</li>
 *   <li>Mitigation by rescaling: reaching ε on ⟨O⟩ needs error εF on the noisy mean, S = S₀/F²
 *       shots (Hoeffding: exactly the budget for t = εF).</li>
 *   <li>Heralded loss: each qubit arrives with η = 10^{−αL/10}; a hop delivers with a = η^n, a shot
 *       with a^H, so a delivered shot costs n·Σ_{h<H} a^h / a^H qubits sent.</li>
 * </ul>
 * As N = 2^n grows, 1/F² = N^{−2H·log2(1 − 3p/4)} and 1/a^H = N^{H·αL·log2(10)/10}: noise and
 * loss turn into powers of N; the classical cost grows as N, so the advantage survives at large N
 * only while the two exponents sum to less than 1.
 */
public final class LinkCostModel {
    private LinkCostModel() {}

    /** F_hop = (1 − 3p/4)^n. */
    public static double hopFidelity(double p, int n) {
        if (!(p >= 0 && p <= 4.0 / 3)) throw new InvalidInputException("depolarizing p must lie in [0, 4/3], got " + p);
        return Math.pow(1 - 0.75 * p, n);
    }

    /** Expected qubits sent per delivered shot: n·Σ_{h=0}^{H−1} a^h / a^H with a = η^n. */
    public static double sentPerDeliveredShot(int n, int hops, double transmission) {
        double a = Math.pow(transmission, n);
        double sum = 0;
        for (int h = 0; h < hops; h++) sum += Math.pow(a, h);
        return n * sum / Math.pow(a, hops);
    }

    /** Exponent e of the overhead N^e from noise (rescaled) and loss. */
    public static double overheadExponent(double p, int hops, double dbPerKm, double km) {
        return -2 * hops * Math.log(1 - 0.75 * p) / Math.log(2) + hops * dbPerKm * km * Math.log(10) / 10 / Math.log(2);
    }
}
