package org.qdl.protocol.hard;

import org.qdl.protocol.CommunicationLedger;
import org.qdl.protocol.Network;
import org.qdl.protocol.NumberEncoding;
import org.qdl.protocol.Party;
import org.qdl.protocol.Register;
import org.qdl.protocol.baseline.BaselineResult;
import org.qdl.protocol.baseline.ClassicalBaseline;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.sim.observable.DiagonalObservable;

/**
 * The one-way quantum protocol for vector-in-subspace: Alice amplitude-encodes v on ⌈log2 N⌉ qubits
 * and sends them (one message, one shot); Bob applies U and measures the top qubit. U·v has top
 * qubit |0⟩ exactly when v ∈ W and |1⟩ exactly when v ∈ W⊥, so under the promise the outcome is
 * the answer with certainty.
 */
public final class VectorInSubspaceProtocol {
    public static final String ALICE = "alice";
    public static final String BOB = "bob";

    private VectorInSubspaceProtocol() {}

    /** Alice holds v; Bob holds U and the projector onto top qubit = 1 (the W⊥ test). */
    public static Network network(VectorInSubspaceInstance inst) {
        Network net = new Network();
        net.addLocalParty(ALICE).holdData("v", inst.v());
        net.addLocalParty(BOB).holdLayer("U", inst.bobUnitary())
                .holdObservable("W-perp", DiagonalObservable.projector(new int[] {inst.numQubits() - 1}, 1));
        return net;
    }

    public static DistributedModel model() {
        return DistributedModel.builder(ALICE, "v").layer(BOB, "U").observable(BOB, "W-perp").build();
    }

    /** Runs the protocol once; also costs the classical alternatives (vector sent at 64 bits). */
    public static SubspaceDecision decide(VectorInSubspaceInstance inst, long seed) {
        Network net = network(inst);
        DistributedModel m = model();
        m.validate(net);
        Party bob = net.party(BOB);
        CommunicationLedger ledger = new CommunicationLedger();
        double[] pPerp = new double[1];
        double outcome = net.recordingInto(ledger, () -> net.repeated(1, () -> {
            Register r = m.forward(net, 0);
            pPerp[0] = net.offTheRecord(() -> bob.exactExpectation("W-perp", r));
            return bob.measure("W-perp", r, 1, seed)[0];
        }));
        boolean answer = outcome == 0;
        double wrong = inst.inSubspace() ? pPerp[0] : 1 - pPerp[0];
        BaselineResult classical = ClassicalBaseline.compare(net, m, NumberEncoding.FLOAT64);
        return new SubspaceDecision(inst, answer, inst.inSubspace(), wrong, ledger, classical,
                ClassicalLowerBound.klartagRegevBits(inst.dimension()));
    }
}
