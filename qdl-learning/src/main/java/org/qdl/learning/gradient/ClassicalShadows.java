package org.qdl.learning.gradient;

import org.qdl.protocol.GeneratorStructure;
import org.qdl.protocol.MeasurementSpec;
import org.qdl.protocol.Network;
import org.qdl.protocol.ObservableRef;
import org.qdl.protocol.Register;
import org.qdl.sim.observable.PauliString;

/**
 * Classical shadows (Huang, Kueng and Preskill, Nature Physics 16, 1050 (2020)): every copy of Φ_ℓ
 * is measured in a random Pauli basis on the generators' qubits (the ancilla always in Y), and the
 * snapshots estimate all P observables Y_a ⊗ G_j of k-local generators at once, with median of
 * means. Shadow norm of a k-local Pauli: 3^k; K = ⌈2 ln(2P/δ)⌉ groups of B = ⌈34·3^k/ε²⌉ copies
 * (their Theorem 1 constants): O(3^k log P / ε²) copies. Needs each generator to commute with the
 * rest of its layer (so its derivative observable is G_j itself), not with the other generators.
 */
public final class ClassicalShadows extends FeatureEstimator {
    @Override
    public String name() {
        return "classical-shadows";
    }

    @Override
    Plan plan(int steps, int locality, Precision p) {
        int k = Math.max(1, (int) Math.ceil(2 * Math.log(2.0 * Math.max(1, steps) / p.delta())));
        k = Math.max(k, 10); // enough groups for a usable spread estimate
        long b = (long) Math.ceil(34 * Math.pow(3, locality) / (p.epsilon() * p.epsilon()));
        return new Plan(ShotCount.of(Math.multiplyHigh(b, k) != 0 || b * k < 0 ? -1 : b * k, p), k);
    }

    @Override
    double[][] measure(Network net, ParameterLayout.Entry e, Register r, int ancilla, Plan plan, long seed) {
        return net.party(e.party()).measure(MeasurementSpec.shadows(ObservableRef.generators(e.layer(), e.structure().steps()), PauliString.single('Y', ancilla)),
                r, plan.copies(), plan.groups(), seed);
    }

    /** Median of the group means; its standard error ≈ √(π/2)·sd/√K for near-normal group means. */
    @Override
    double[] combine(double[] g, int[] sizes, int steps) {
        return new double[] {Statistics.median(g), Math.sqrt(Math.PI / 2) * Statistics.sd(g) / Math.sqrt(g.length)};
    }

    @Override
    boolean supports(GeneratorStructure s) {
        return s.derivativesArePauli();
    }

    @Override
    String requirement() {
        return "each generator must commute with the steps after it in its layer";
    }
}
