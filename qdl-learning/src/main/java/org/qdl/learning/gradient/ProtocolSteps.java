package org.qdl.learning.gradient;

import java.util.List;
import org.qdl.protocol.Network;
import org.qdl.protocol.Party;
import org.qdl.protocol.Register;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.sim.gate.Gates;
import org.qdl.sim.gate.MatrixGate;

/**
 * Pieces of the gradient protocols: the forward run of stages, and the forward/backward pipeline
 * that leaves Φ_ℓ = (|0⟩|μ_ℓ⟩ + |1⟩|ν_ℓ⟩)/√2 with the holder of layer ℓ, where μ_ℓ is the state after
 * layer ℓ (forward feature) and ν_ℓ = V†OV μ_ℓ (backward feature, V = the layers after ℓ).
 */
final class ProtocolSteps {
    private ProtocolSteps() {}

    /** Applies stages from..end in order, then delivers the register to the observable's holder. */
    static void finishForward(Network net, DistributedModel m, Register r, int from) {
        List<DistributedModel.Stage> st = m.stages();
        for (int i = from; i < st.size(); i++) {
            net.moveRegister(r, st.get(i).party(), "state");
            net.party(st.get(i).party()).apply(st.get(i).layer(), r);
        }
        net.moveRegister(r, m.observableParty(), "state");
    }

    /** Encodes x with {@code ancillas} ancillas in |0⟩ and applies stages [0, upTo), moving the register. */
    static Register encodeAndApply(Network net, DistributedModel m, int ancillas, int upTo) {
        Register r = net.party(m.dataParty()).encode(m.dataKey(), ancillas);
        List<DistributedModel.Stage> st = m.stages();
        for (int i = 0; i < upTo; i++) {
            net.moveRegister(r, st.get(i).party(), "state");
            net.party(st.get(i).party()).apply(st.get(i).layer(), r);
        }
        return r;
    }

    /**
     * Prepares Φ_ℓ for stage {@code stage} and leaves it with that stage's holder. Party split: the
     * data party encodes x with one ancilla in |0⟩; holders apply their layers as in inference; the
     * holder of ℓ puts the ancilla in |+⟩ after its layer; the register goes on through the later
     * layers to the observable's holder, who applies O controlled on the ancilla; then back through
     * the later layers, each holder applying its inverse, to the holder of ℓ.
     */
    static Register featureState(Network net, DistributedModel m, int stage) {
        int n = m.dataQubits(net);
        List<DistributedModel.Stage> st = m.stages();
        Register r = encodeAndApply(net, m, 1, stage + 1);
        Party holder = net.party(st.get(stage).party());
        holder.applyGate(r, MatrixGate.of("h", Gates.H, n));
        for (int i = stage + 1; i < st.size(); i++) {
            net.moveRegister(r, st.get(i).party(), "mu forward");
            net.party(st.get(i).party()).apply(st.get(i).layer(), r);
        }
        net.moveRegister(r, m.observableParty(), "mu forward");
        net.party(m.observableParty()).applyControlledObservable(m.observableKey(), r, n);
        for (int i = st.size() - 1; i > stage; i--) {
            net.moveRegister(r, st.get(i).party(), "nu backward");
            net.party(st.get(i).party()).applyInverse(st.get(i).layer(), r);
        }
        net.moveRegister(r, holder.name(), "nu backward");
        return r;
    }

    /** Output range width of O (public). */
    static double outcomeWidth(Network net, DistributedModel m) {
        double[] r = net.party(m.observableParty()).observableShape(m.observableKey()).outcomeRange();
        return r[1] - r[0];
    }

    /** Σ|c_k| of O: the largest |outcome| of O ⊗ σ_ancilla. */
    static double outcomeBound(Network net, DistributedModel m) {
        double[] r = net.party(m.observableParty()).observableShape(m.observableKey()).outcomeRange();
        return Math.max(Math.abs(r[0]), Math.abs(r[1]));
    }
}
