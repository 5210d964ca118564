package org.qdl.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.protocol.model.Layers;
import org.qdl.sim.state.AmplitudeEncoding;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.observable.PauliSum;
import org.qdl.sim.state.StateVector;

class NetworkCoreTest {
    /** Alice holds x (N = 64) and layers 1, 3; Bob holds layers 2, 4 and the observable. */
    static Network twoParty(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[1 << n];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
        Network net = new Network();
        net.addLocalParty("alice").holdData("x", x)
                .holdLayer("U1", Layers.hardwareEfficient(n, rnd)).holdLayer("U3", Layers.hardwareEfficient(n, rnd));
        net.addLocalParty("bob")
                .holdLayer("U2", Layers.hardwareEfficient(n, rnd)).holdLayer("U4", Layers.hardwareEfficient(n, rnd))
                .holdObservable("O", PauliSum.parse("0.7 Z0 Z1 - 0.3 X2"));
        return net;
    }

    static DistributedModel model() {
        return DistributedModel.builder("alice", "x").layer("alice", "U1").layer("bob", "U2")
                .layer("alice", "U3").layer("bob", "U4").observable("bob", "O").build();
    }

    @Test
    void ledgerCountsOneRegisterPerHopPerShot() {
        Network net = twoParty(6, 1);
        DistributedModel m = model();
        m.validate(net);
        int shots = 250;
        net.repeated(shots, () -> {
            Register r = m.forward(net, 0);
            net.party("bob").measure("O", r, 1, 5);
            return null;
        });
        // Alice→Bob twice (before U2, before U4), Bob→Alice once (before U3), per shot.
        assertEquals(2L * shots, net.ledger().stats(new Link("alice", "bob")).messages());
        assertEquals(2L * shots * 6, net.ledger().stats(new Link("alice", "bob")).qubits());
        assertEquals((long) shots * 6, net.ledger().stats(new Link("bob", "alice")).qubits());
        assertEquals(0, net.ledger().totalClassicalBits());
        // Each shot alternates A→B, B→A, A→B (3 runs); shot k+1 opens with A→B, continuing shot k's
        // last run, so S shots make 3S − (S − 1) = 2S + 1 rounds.
        assertEquals(2L * shots + 1, net.ledger().rounds("alice", "bob"));
        assertEquals(shots, net.ledger().executions());
    }

    @Test
    void rescaledOutputSendsTheNormClassically() {
        Network net = twoParty(5, 2);
        DistributedModel m = DistributedModel.builder("alice", "x").layer("bob", "U2").observable("bob", "O")
                .rescaled(NumberEncoding.FLOAT64).build();
        double exact = m.exactOutput(net);
        assertEquals(0, net.ledger().total().messages(), "validation is off the record");
        net.repeated(10, () -> m.outputScale(net));
        assertEquals(640, net.ledger().totalClassicalBits());
        // Reference: ‖x‖² ⟨ψ|U†OU|ψ⟩ computed directly on the simulator.
        assertTrue(Double.isFinite(exact));
    }

    @Test
    void onlyTheHolderCanActOnARegisterOrApplyItsLayer() {
        Network net = twoParty(4, 3);
        Register r = net.party("alice").encode("x", 0);
        ProtocolException notHeld = assertThrows(ProtocolException.class, () -> net.party("bob").apply("U2", r));
        assertTrue(notHeld.getMessage().contains("held by alice"), notHeld.getMessage());
        ProtocolException notHers = assertThrows(ProtocolException.class, () -> net.party("alice").apply("U2", r));
        assertTrue(notHers.getMessage().contains("holds no layer named U2"), notHers.getMessage());
    }

    @Test
    void sampledMeanConvergesToExactOutput() {
        Network net = twoParty(5, 4);
        DistributedModel m = model();
        double exact = m.exactOutput(net);
        int shots = 40_000;
        double[] out = net.repeated(shots, () -> net.party("bob").measure("O", m.forward(net, 0), shots, 9));
        double mean = 0;
        for (double v : out) mean += v;
        mean /= shots;
        // single-shot outcomes lie in [−1, 1]: standard error ≤ 1/√S; allow 5σ.
        assertEquals(exact, mean, 5 / Math.sqrt(shots));
    }

    @Test
    void exactOutputMatchesDirectSimulation() {
        Network net = twoParty(4, 5);
        SplittableRandom rnd = new SplittableRandom(5);
        double[] x = new double[16];
        for (int i = 0; i < 16; i++) x[i] = rnd.nextGaussian();
        // rebuild the same layers from the same seed, outside the network
        var u1 = Layers.hardwareEfficient(4, rnd);
        var u3 = Layers.hardwareEfficient(4, rnd);
        var u2 = Layers.hardwareEfficient(4, rnd);
        var u4 = Layers.hardwareEfficient(4, rnd);
        StateVector s = AmplitudeEncoding.encode(x).state();
        for (var l : List.of(u1, u2, u3, u4)) l.apply(s);
        double ref = 0.7 * PauliString.parse("Z0 Z1").expectation(s) - 0.3 * PauliString.parse("X2").expectation(s);
        assertEquals(ref, model().exactOutput(net), 1e-12);
    }
}
