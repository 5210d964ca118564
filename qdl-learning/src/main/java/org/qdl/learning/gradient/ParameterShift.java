package org.qdl.learning.gradient;

import java.util.SplittableRandom;
import org.qdl.protocol.LayerVariant;
import org.qdl.protocol.Network;
import org.qdl.protocol.Party;
import org.qdl.protocol.Register;
import org.qdl.protocol.model.DistributedModel;

/**
 * Parameter shift: for a rotation exp(−iθG/2) with G² = 1, ∂f/∂θ = [f(θ + π/2) − f(θ − π/2)] / 2.
 * Two circuits per rotation step, S shots each, so 2·S·P copies with S = Hoeffding(width of O, ε,
 * δ/P): copies grow as O(P log P / ε²). Party split: the holder of the layer applies it with the one
 * angle shifted; everyone else runs the ordinary forward pass; the observable's holder measures.
 */
public final class ParameterShift implements GradientEstimator {
    @Override
    public String name() {
        return "parameter-shift";
    }

    /** Shots per shifted circuit. */
    public long shotsPerSetting(Network net, DistributedModel m, Precision p) {
        int steps = ParameterLayout.of(net, m).steps();
        return Statistics.hoeffdingShots(ProtocolSteps.outcomeWidth(net, m), p.epsilon(), p.delta() / Math.max(1, steps));
    }

    @Override
    public long plannedCopies(Network net, DistributedModel m, Precision p) {
        return 2L * ParameterLayout.of(net, m).steps() * shotsPerSetting(net, m, p);
    }

    @Override
    public GradientEstimate estimate(Network net, DistributedModel m, Precision p, long seed) {
        ParameterLayout layout = ParameterLayout.of(net, m);
        int shots = ShotCount.of(shotsPerSetting(net, m, p), p);
        SplittableRandom rng = new SplittableRandom(seed);
        Communication before = Communication.of(net.ledger());
        EstimateAssembly a = new EstimateAssembly(layout.size());
        Party obs = net.party(m.observableParty());
        long copies = 0;
        for (ParameterLayout.Entry e : layout.entries()) {
            Party holder = net.party(e.party());
            int[] param = e.structure().stepParameter();
            for (int step = 0; step < param.length; step++) {
                double[][] out = new double[2][];
                for (int sign = 0; sign < 2; sign++) {
                    final int st = step;
                    final double shift = sign == 0 ? Math.PI / 2 : -Math.PI / 2;
                    final long s = rng.nextLong();
                    out[sign] = net.repeated(shots, () -> {
                        Register r = ProtocolSteps.encodeAndApply(net, m, 0, e.stage());
                        net.moveRegister(r, e.party(), "state");
                        holder.apply(e.layer(), r, new LayerVariant.Shifted(st, shift));
                        ProtocolSteps.finishForward(net, m, r, e.stage() + 1);
                        return obs.measure(m.observableKey(), r, shots, s);
                    });
                    copies += shots;
                }
                double d = (Statistics.mean(out[0]) - Statistics.mean(out[1])) / 2;
                double se = Math.sqrt(var(out[0]) / shots + var(out[1]) / shots) / 2;
                a.addIndependent(e.offset() + param[step], d, se);
            }
        }
        return a.finish(name(), net, m, p, copies, before, shots + " shots per shifted circuit, 2 circuits per rotation step");
    }

    static double var(double[] v) {
        double sd = Statistics.sd(v);
        return sd * sd;
    }
}
