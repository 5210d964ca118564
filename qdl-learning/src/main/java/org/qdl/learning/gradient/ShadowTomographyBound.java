package org.qdl.learning.gradient;

/**
 * Copy and qubit counts of shadow tomography by quantum threshold search (Bădescu and O'Donnell,
 * "Improved quantum data analysis", STOC 2021, arXiv:2011.10908), which the paper uses for the
 * gradients of general layers. Their shadow tomography estimates m observables on a d-dimensional
 * state to ±ε with probability 1 − δ from n = Õ(log²m · log d / ε⁴) copies; threshold search itself
 * uses O((log²m + ℓ)·ℓ / ε²) copies with ℓ = log(1/δ). Evaluated here with every hidden constant and
 * log-log factor set to 1, so the numbers show the scaling, not a calibrated cost:
 *
 * <pre>
 *   copies per layer  n_ST = ⌈(ln²P + ln(L/δ)) · log₂(2N) · ln(L/δ) / ε⁴⌉   (m = P, d = 2N with the ancilla)
 *   copies per step   L · n_ST
 *   qubits per copy   (log₂N + 1) on every hop of the μ/ν pipeline
 *   quantum memory    the measurements are entangled across the copies of a batch: n_ST·(log₂N + 1) qubits
 * </pre>
 *
 * Simulating it would need a joint state of n_ST·(log₂N + 1) qubits, far beyond any state vector, so
 * qdl reports these counts and never pretends to have run it.
 */
public final class ShadowTomographyBound {
    private ShadowTomographyBound() {}

    /** The analytic counts for one gradient step. */
    public record Counts(long copiesPerLayer, long copiesPerStep, int qubitsPerCopy, double jointMemoryQubits, boolean simulable, String reason) {}

    public static Counts of(long n, long parameters, int layers, double epsilon, double delta) {
        int nq = 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1)); // ⌈log₂ N⌉
        double lnP = Math.log(Math.max(2, parameters));
        double ell = Math.log(layers / delta);
        double copies = Math.ceil((lnP * lnP + ell) * (nq + 1) * ell / Math.pow(epsilon, 4));
        long perLayer = (long) Math.min(copies, Long.MAX_VALUE / Math.max(1, layers));
        double memory = copies * (nq + 1);
        boolean simulable = memory <= 30;
        String reason = simulable ? "small enough to simulate" : String.format(
                "not simulated: the joint measurement acts on %.3g qubits (a state vector holds at most 30)", memory);
        return new Counts(perLayer, perLayer * layers, nq + 1, memory, simulable, reason);
    }
}
