package org.qdl.learning.gradient;

import java.util.List;
import java.util.SplittableRandom;
import org.qdl.learning.train.Ansatz;
import org.qdl.protocol.LocalParty;
import org.qdl.protocol.Network;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.protocol.model.Layer;
import org.qdl.protocol.model.Layers;
import org.qdl.protocol.model.PauliLayer;
import org.qdl.sim.gate.Gates;
import org.qdl.sim.gate.MatrixGate;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.observable.PauliSum;

/** Small networks shared by the gradient tests. */
final class Fixtures {
    private Fixtures() {}

    static double[] data(int n, SplittableRandom rnd) {
        double[] x = new double[1 << n];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
        return x;
    }

    /**
     * General layers: alice holds x and a hardware-efficient layer and a layer with a shared
     * parameter and a fixed dense gate; bob holds a hardware-efficient layer and a Pauli-sum observable.
     */
    static Network general(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Network net = new Network();
        PauliLayer shared = new PauliLayer(n, List.of(
                PauliLayer.Step.rotation(PauliString.parse("X0 Y1"), 0),
                PauliLayer.Step.fixed(MatrixGate.of("h", Gates.H, 1)),
                PauliLayer.Step.rotation(PauliString.parse("Z1 Z2"), 1),
                PauliLayer.Step.rotation(PauliString.parse("Y2"), 0)), new double[] {0.7, -1.3});
        net.addLocalParty("alice").holdData("x", data(n, rnd)).holdLayer("U1", Layers.hardwareEfficient(n, rnd)).holdLayer("U3", shared);
        net.addLocalParty("bob").holdLayer("U2", Layers.hardwareEfficient(n, rnd))
                .holdObservable("O", PauliSum.parse("0.6 Z0 Z1 - 0.4 X2 + 0.2 Y0"));
        return net;
    }

    static DistributedModel generalModel() {
        return DistributedModel.builder("alice", "x").layer("alice", "U1").layer("bob", "U2").layer("alice", "U3").observable("bob", "O").build();
    }

    /** Commuting layers (every estimator applies): alice Z-type U1, bob X-type U2, observable Z0 at bob. */
    static Network commuting(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Network net = new Network();
        net.addLocalParty("alice").holdData("x", data(n, rnd)).holdLayer("U1", Ansatz.uniform('Z', n, Math.PI, rnd));
        net.addLocalParty("bob").holdLayer("U2", Ansatz.uniform('X', n, Math.PI, rnd)).holdObservable("O", PauliString.parse("Z0"));
        return net;
    }

    static DistributedModel commutingModel() {
        return DistributedModel.builder("alice", "x").layer("alice", "U1").layer("bob", "U2").observable("bob", "O").build();
    }

    static Layer own(Network net, String party, String key) {
        return ((LocalParty) net.party(party)).ownLayer(key);
    }

    static double[] exact(Network net, DistributedModel m) {
        return new AdjointDifferentiation().estimate(net, m, new Precision(0.1, 0.1), 0).gradient();
    }
}
