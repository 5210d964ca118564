package org.qdl.protocol.noise;

/** How a noisy inference corrects the bias the noise puts on ⟨O⟩. */
public enum Mitigation {
    /** Report the biased estimate as it is, beside the exact noisy and noiseless values. */
    NONE,
    /**
     * Known global depolarising links: ⟨O⟩_noisy = c₀ + F·(⟨O⟩ − c₀) with F = Π(1 − p) over the hops
     * and c₀ = Tr(O)/d, so the observer divides the traceless part by F. The error is divided by F
     * too, so reaching ε costs 1/F² times the shots.
     */
    RESCALE,
    /**
     * Zero-noise extrapolation: estimates at noise scales λ = 1, 2, 3 combined with Richardson
     * weights γ = (3, −3, 1) (exact for a bias quadratic in λ). Shots are split S_j ∝ |γ_j| so
     * the Hoeffding error of Σγ_j·m_j is that of S shots, which costs (Σ|γ|)² = 49 times the shots.
     */
    ZNE
}
