package org.qdl.learning.gradient;

import java.util.SplittableRandom;
import org.qdl.protocol.Network;
import org.qdl.protocol.Register;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.sim.measurement.ShotGroups;

/**
 * Common part of the estimators that measure all derivatives of a layer on copies of the feature
 * state Φ_ℓ = (|0⟩|μ_ℓ⟩ + |1⟩|ν_ℓ⟩)/√2 (see {@link ProtocolSteps#featureState}): when each generator
 * G_j commutes with the rest of its layer, ∂f/∂θ_j = −Im⟨μ_ℓ|G_j|ν_ℓ⟩ = −⟨Φ_ℓ| Y_a ⊗ G_j |Φ_ℓ⟩. The
 * holder of ℓ measures these P observables itself, so its generators and the estimates stay with it
 * (it needs them to update its parameters anyway).
 */
abstract class FeatureEstimator implements GradientEstimator {
    /** Copies of Φ_ℓ and how they are grouped, for one layer with {@code steps} rotation steps and locality k. */
    record Plan(int copies, int groups) {}

    abstract Plan plan(int steps, int locality, Precision p);

    /** Measures a group table [groups][steps] of Y_a ⊗ G_j estimates on one held Φ_ℓ. */
    abstract double[][] measure(Network net, ParameterLayout.Entry e, Register r, int ancilla, Plan plan, long seed);

    /**
     * Combines a column of group values into (estimate, standard error); {@code sizes} are the group
     * sizes and {@code steps} how many rotation steps share the parameter.
     */
    abstract double[] combine(double[] groupValues, int[] sizes, int steps);

    abstract boolean supports(org.qdl.protocol.GeneratorStructure s);

    abstract String requirement();

    @Override
    public String notApplicable(Network net, DistributedModel m) {
        double[] range = net.party(m.observableParty()).observableShape(m.observableKey()).outcomeRange();
        if (range[0] != -1 || range[1] != 1) return "the observable must be a single Pauli string (applied controlled on the ancilla to make ν)";
        for (ParameterLayout.Entry e : ParameterLayout.of(net, m).entries()) {
            if (!supports(e.structure())) return "layer " + e.layer() + " of " + e.party() + ": " + requirement();
        }
        return null;
    }

    @Override
    public long plannedCopies(Network net, DistributedModel m, Precision p) {
        ParameterLayout layout = ParameterLayout.of(net, m);
        double dl = p.delta() / Math.max(1, layout.entries().size());
        long c = 0;
        for (ParameterLayout.Entry e : layout.entries()) {
            c += plan(e.structure().steps(), e.structure().maxLocality(), new Precision(p.epsilon(), dl)).copies();
        }
        return c;
    }

    @Override
    public GradientEstimate estimate(Network net, DistributedModel m, Precision p, long seed) {
        requireApplicable(net, m);
        ParameterLayout layout = ParameterLayout.of(net, m);
        int ancilla = m.dataQubits(net);
        double dl = p.delta() / Math.max(1, layout.entries().size());
        SplittableRandom rng = new SplittableRandom(seed);
        Communication before = Communication.of(net.ledger());
        EstimateAssembly a = new EstimateAssembly(layout.size());
        long copies = 0;
        StringBuilder note = new StringBuilder();
        for (ParameterLayout.Entry e : layout.entries()) {
            Plan plan = plan(e.structure().steps(), e.structure().maxLocality(), new Precision(p.epsilon(), dl));
            long s = rng.nextLong();
            double[][] table = net.repeated(plan.copies(), () -> {
                Register r = ProtocolSteps.featureState(net, m, e.stage());
                return measure(net, e, r, ancilla, plan, s);
            });
            copies += plan.copies();
            int[] param = e.structure().stepParameter();
            // per group, the derivative of each parameter: −Σ over its steps
            double[][] perParam = new double[table.length][e.parameters()];
            for (int g = 0; g < table.length; g++) {
                for (int step = 0; step < param.length; step++) perParam[g][param[step]] -= table[g][step];
            }
            int[] sizes = ShotGroups.sizes(plan.copies(), plan.groups());
            int[] stepsOf = new int[e.parameters()];
            for (int q : param) stepsOf[q]++;
            for (int j = 0; j < e.parameters(); j++) {
                double[] c = combine(Statistics.column(perParam, j), sizes, stepsOf[j]);
                a.value[e.offset() + j] = c[0];
                a.se[e.offset() + j] = c[1];
            }
            note.append(note.length() == 0 ? "" : "; ").append(e.layer()).append(": ").append(plan.copies())
                    .append(" copies in ").append(plan.groups()).append(" groups");
        }
        return a.finish(name(), net, m, p, copies, before, note.toString());
    }
}
