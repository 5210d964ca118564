package org.qdl.learning.gradient;

import java.util.SplittableRandom;
import org.qdl.protocol.LayerVariant;
import org.qdl.protocol.MeasurementSpec;
import org.qdl.protocol.Network;
import org.qdl.protocol.Party;
import org.qdl.protocol.Register;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.sim.observable.PauliString;

/**
 * Hadamard test with one ancilla that travels with the register: for U = B·exp(−iθG/2)·A,
 * ∂f/∂θ = ⟨Y_a ⊗ O⟩ on the state obtained by putting the ancilla in |+⟩ right after the rotation,
 * applying G controlled on it, then the rest of the model to the data qubits.
 *
 * <p>Party split: the data party encodes x with one ancilla in |0⟩ (n + 1 qubits travel on every
 * hop); the holder of the differentiated layer applies it with H(a) and controlled-G inserted after
 * the rotation, so its generator never leaves it; other holders apply their layers to the data
 * qubits (the ancilla passes through); the observable's holder measures O ⊗ Y_a. One circuit per
 * rotation step, S = Hoeffding(2‖O‖, ε, δ/P) shots each: O(P log P / ε²) copies.
 */
public final class HadamardTest implements GradientEstimator {
    @Override
    public String name() {
        return "hadamard-test";
    }

    public long shotsPerSetting(Network net, DistributedModel m, Precision p) {
        int steps = ParameterLayout.of(net, m).steps();
        return Statistics.hoeffdingShots(2 * ProtocolSteps.outcomeBound(net, m), p.epsilon(), p.delta() / Math.max(1, steps));
    }

    @Override
    public long plannedCopies(Network net, DistributedModel m, Precision p) {
        return ParameterLayout.of(net, m).steps() * shotsPerSetting(net, m, p);
    }

    @Override
    public GradientEstimate estimate(Network net, DistributedModel m, Precision p, long seed) {
        ParameterLayout layout = ParameterLayout.of(net, m);
        int shots = ShotCount.of(shotsPerSetting(net, m, p), p);
        int ancilla = m.dataQubits(net);
        SplittableRandom rng = new SplittableRandom(seed);
        Communication before = Communication.of(net.ledger());
        EstimateAssembly a = new EstimateAssembly(layout.size());
        Party obs = net.party(m.observableParty());
        long copies = 0;
        for (ParameterLayout.Entry e : layout.entries()) {
            Party holder = net.party(e.party());
            int[] param = e.structure().stepParameter();
            for (int step = 0; step < param.length; step++) {
                final int st = step;
                final long s = rng.nextLong();
                double[] out = net.repeated(shots, () -> {
                    Register r = ProtocolSteps.encodeAndApply(net, m, 1, e.stage());
                    net.moveRegister(r, e.party(), "state");
                    holder.apply(e.layer(), r, new LayerVariant.ControlledGenerator(st, ancilla));
                    ProtocolSteps.finishForward(net, m, r, e.stage() + 1);
                    return Statistics.column(obs.measure(MeasurementSpec.sample(m.observableKey(), PauliString.single('Y', ancilla)), r, shots, shots, s), 0);
                });
                copies += shots;
                a.addIndependent(e.offset() + param[step], Statistics.mean(out), Statistics.sd(out) / Math.sqrt(shots));
            }
        }
        return a.finish(name(), net, m, p, copies, before, shots + " shots per rotation step, one ancilla");
    }
}
