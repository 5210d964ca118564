package org.qdl.learning.gradient;

import org.qdl.protocol.GeneratorStructure;
import org.qdl.protocol.MeasurementSpec;
import org.qdl.protocol.Network;
import org.qdl.protocol.ObservableRef;
import org.qdl.protocol.Register;
import org.qdl.sim.observable.PauliString;

/**
 * All P derivatives of a layer with qubit-wise commuting generators from the same shots: the holder
 * measures every Y_a ⊗ G_j jointly in their shared product eigenbasis, each shot giving ±1 for all j
 * at once. Hoeffding plus a union bound over P: S = ⌈2 ln(2P/δ) / ε²⌉ copies per layer, O(log P / ε²).
 * Standard errors: exact binomial ones per ±1 observable; {@value #GROUPS} groups of shots for shared parameters.
 */
public final class SimultaneousEstimation extends FeatureEstimator {
    static final int GROUPS = 64;

    @Override
    public String name() {
        return "simultaneous";
    }

    @Override
    Plan plan(int steps, int locality, Precision p) {
        long s = Statistics.hoeffdingShots(2, p.epsilon(), p.delta() / Math.max(1, steps));
        s = Math.max(s, GROUPS);
        return new Plan(ShotCount.of(s, p), GROUPS);
    }

    @Override
    double[][] measure(Network net, ParameterLayout.Entry e, Register r, int ancilla, Plan plan, long seed) {
        return net.party(e.party()).measure(MeasurementSpec.commuting(ObservableRef.generators(e.layer(), e.structure().steps()), PauliString.single('Y', ancilla)),
                r, plan.copies(), plan.groups(), seed);
    }

    /**
     * Mean over all shots. A parameter with one step is a mean of ±1 outcomes, whose variance is
     * exactly 1 − m²; a shared parameter sums correlated steps, so its spread comes from the groups.
     */
    @Override
    double[] combine(double[] g, int[] sizes, int steps) {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < g.length; i++) {
            sum += g[i] * sizes[i];
            n += sizes[i];
        }
        double m = sum / n;
        double se = steps == 1 ? Math.sqrt(Math.max(0, 1 - m * m) / n) : Statistics.sd(g) / Math.sqrt(g.length);
        return new double[] {m, se};
    }

    @Override
    boolean supports(GeneratorStructure s) {
        return s.qubitWiseCommuting();
    }

    @Override
    String requirement() {
        return "its generators must be qubit-wise commuting and commute with the layer's fixed gates after them";
    }
}
