package org.qdl.protocol.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qdl.protocol.Link;
import org.qdl.protocol.Network;
import org.qdl.protocol.NumberEncoding;
import org.qdl.protocol.ProtocolException;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.protocol.model.Layers;
import org.qdl.protocol.model.PauliLayer;
import org.qdl.sim.state.AmplitudeEncoding;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.observable.PauliSum;
import org.qdl.sim.state.StateVector;

class InferenceProtocolTest {
    static final String OBS = "0.7 Z0 Z1 - 0.3 X2";

    /** Alice holds x and the odd layers, Bob the even ones and O; returns the layers in order too. */
    static Network twoParty(int n, int layers, long seed, List<PauliLayer> out) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[1 << n];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
        Network net = new Network();
        var alice = net.addLocalParty("alice").holdData("x", x);
        var bob = net.addLocalParty("bob").holdObservable("O", PauliSum.parse(OBS));
        for (int l = 0; l < layers; l++) {
            PauliLayer u = Layers.hardwareEfficient(n, rnd);
            out.add(u);
            (l % 2 == 0 ? alice : bob).holdLayer("U" + l, u);
        }
        return net;
    }

    static DistributedModel alternating(int layers, boolean rescaled, NumberEncoding enc) {
        var b = DistributedModel.builder("alice", "x");
        for (int l = 0; l < layers; l++) b.layer(l % 2 == 0 ? "alice" : "bob", "U" + l);
        b.observable("bob", "O");
        if (rescaled) b.rescaled(enc);
        return b.build();
    }

    @Test
    void hoeffdingIntervalsCoverAtTheStatedRate() {
        coverage(Estimator.HOEFFDING);
    }

    @Test
    void medianOfMeansIntervalsCoverAtTheStatedRate() {
        coverage(Estimator.MEDIAN_OF_MEANS);
    }

    /** Over T seeds the interval misses f(x) at most δT + 3σ times (binomial tolerance). */
    private void coverage(Estimator est) {
        Network net = twoParty(4, 3, 11, new java.util.ArrayList<>());
        DistributedModel m = alternating(3, false, NumberEncoding.FLOAT64);
        double delta = 0.2, eps = 0.1;
        int trials = 300, misses = 0;
        for (int s = 0; s < trials; s++) {
            InferenceResult r = InferenceProtocol.run(net, m, new InferenceConfig(eps, delta, est, 1000 + s));
            if (!r.covers(r.exact())) misses++;
            assertTrue(r.halfWidth() <= eps * (1 + 1e-12), "half-width " + r.halfWidth() + " exceeds ε");
        }
        double tol = delta * trials + 3 * Math.sqrt(trials * delta * (1 - delta));
        assertTrue(misses <= tol, misses + " misses of " + trials + " exceed " + tol);
    }

    /** Rescaled outputs: the interval on ‖x‖²⟨O⟩ (norm sent at 32 bits) covers the true f(x). */
    @Test
    void rescaledIntervalsCoverTheTrueOutput() {
        Network net = twoParty(4, 2, 14, new java.util.ArrayList<>());
        DistributedModel m = alternating(2, true, NumberEncoding.FLOAT32);
        double delta = 0.2;
        int trials = 200, misses = 0;
        for (int s = 0; s < trials; s++) {
            InferenceResult r = InferenceProtocol.run(net, m, InferenceConfig.hoeffding(2.0, delta, 500 + s));
            if (!r.covers(r.exact())) misses++;
        }
        assertTrue(misses <= delta * trials + 3 * Math.sqrt(trials * delta * (1 - delta)), misses + " misses");
    }

    /** The estimator's RMS error over seeds matches σ/√S, σ² = ‖c‖₁² − ⟨O⟩² for term sampling. */
    @Test
    void errorShrinksAsOneOverRootShots() {
        Network net = twoParty(4, 2, 12, new java.util.ArrayList<>());
        DistributedModel m = alternating(2, false, NumberEncoding.FLOAT64);
        for (double eps : new double[] {0.2, 0.05}) {
            int trials = 400;
            double sq = 0, exact = 0;
            long shots = 0;
            for (int s = 0; s < trials; s++) {
                InferenceResult r = InferenceProtocol.run(net, m, InferenceConfig.hoeffding(eps, 0.05, 77 + s));
                sq += (r.estimate() - r.exact()) * (r.estimate() - r.exact());
                exact = r.exact();
                shots = r.shots();
            }
            double rms = Math.sqrt(sq / trials);
            double predicted = Math.sqrt((1.0 - exact * exact) / shots); // ‖c‖₁ = 0.7 + 0.3 = 1
            assertEquals(1.0, rms / predicted, 0.15, "rms " + rms + " vs σ/√S " + predicted + " at S = " + shots);
        }
    }

    @Test
    void shotBudgetsFollowTheFormulas() {
        ShotBudget h = ShotBudget.plan(Estimator.HOEFFDING, 2, 0.05, 0.01);
        assertEquals((long) Math.ceil(4 * Math.log(200) / (2 * 0.0025)), h.shots());
        assertTrue(h.halfWidth() <= 0.05);
        // one shot fewer would not reach t
        assertTrue(2 * Math.sqrt(Math.log(200) / (2.0 * (h.shots() - 1))) > 0.05);
        ShotBudget mom = ShotBudget.plan(Estimator.MEDIAN_OF_MEANS, 2, 0.05, 0.01);
        assertEquals((long) Math.ceil(8 * Math.log(100)), mom.groups());
        assertEquals(1600, mom.groupSize());
        assertEquals(mom.groups() * mom.groupSize(), mom.shots());
        assertEquals(0.05, mom.halfWidth(), 1e-15);
        // median of consecutive group means: odd and even group counts
        assertEquals(3.0, new ShotBudget(Estimator.MEDIAN_OF_MEANS, 6, 3, 2, 0).estimate(new double[] {9, 9, 1, 1, 3, 3}), 0);
        assertEquals(2.0, new ShotBudget(Estimator.MEDIAN_OF_MEANS, 4, 4, 1, 0).estimate(new double[] {9, 1, 3, -5}), 0);
        assertEquals(2.5, new ShotBudget(Estimator.HOEFFDING, 4, 1, 4, 0).estimate(new double[] {9, 1, 5, -5}), 0);
    }

    @Test
    void rescaledOutputPutsTheScaleIntoTheError() {
        List<PauliLayer> layers = new java.util.ArrayList<>();
        Network net = twoParty(4, 2, 13, layers);
        for (NumberEncoding enc : NumberEncoding.values()) {
            DistributedModel m = alternating(2, true, enc);
            InferenceResult r = InferenceProtocol.run(net, m, InferenceConfig.hoeffding(0.5, 0.05, 5));
            // independent reference: ‖x‖² ⟨O⟩ on the directly simulated state
            SplittableRandom rnd = new SplittableRandom(13);
            double[] x = new double[16];
            double norm2 = 0;
            for (int i = 0; i < 16; i++) {
                x[i] = rnd.nextGaussian();
                norm2 += x[i] * x[i];
            }
            StateVector s = AmplitudeEncoding.encode(x).state();
            for (PauliLayer l : layers) l.apply(s);
            double ref = norm2 * PauliSum.parse(OBS).expectation(s);
            assertEquals(ref, r.exact(), 1e-10);
            double t = (0.5 - (enc == NumberEncoding.FLOAT32 ? r.scale() * 2.1 * 0x1p-24 : r.scale() * 2.1 * 0x1p-53)) / r.scale();
            assertEquals(ShotBudget.plan(Estimator.HOEFFDING, 2, t, 0.05).shots(), r.shots());
            assertTrue(r.scale() > 5, "‖x‖² of 16 Gaussians should be ≈ 16, got " + r.scale());
            assertTrue(r.halfWidth() <= 0.5 + 1e-12);
            assertEquals(enc.bitsPerNumber(), r.classicalBits(), "the norm travels once, not per shot");
        }
    }

    @Test
    void ledgerMatchesAnalyticCountsForAlternatingLayers() {
        int n = 5;
        for (int layers = 1; layers <= 5; layers++) {
            Network net = twoParty(n, layers, 20 + layers, new java.util.ArrayList<>());
            DistributedModel m = alternating(layers, true, NumberEncoding.FLOAT64);
            InferenceResult r = InferenceProtocol.run(net, m, InferenceConfig.hoeffding(20, 0.1, 3));
            long s = r.shots();
            // Layer 0 is Alice's; the register then alternates, and ends at Bob for O.
            long aliceToBob = (layers + 1) / 2, bobToAlice = (layers - 1) / 2;
            assertEquals(s * aliceToBob * n, r.ledger().stats(new Link("alice", "bob")).qubits());
            assertEquals(s * aliceToBob + 1, r.ledger().stats(new Link("alice", "bob")).messages(), "plus the norm");
            assertEquals(s * bobToAlice * n, r.ledger().stats(new Link("bob", "alice")).qubits());
            assertEquals((aliceToBob + bobToAlice) * n, r.qubitsPerShot());
            assertEquals(s * r.qubitsPerShot(), r.totalQubits());
            assertEquals(64, r.classicalBits());
            assertEquals(s, r.ledger().executions() - 1, "S circuit executions plus the norm message");
            // norm A→B then each shot alternates A→B (B→A A→B)*; runs merge across shots when a shot
            // ends (A→B) in the direction the next starts: 1 + (2·bobToAlice + 1)·S − (S − 1), merged with the norm.
            long perShot = 2 * bobToAlice + 1;
            assertEquals(perShot * s - (s - 1), r.rounds());
            assertEquals(r.totalQubits(), net.ledger().totalQubits(), "the network's ledger receives the inference's");
        }
    }

    @Test
    void ledgerMatchesAnalyticCountsForPipelines() {
        int n = 4;
        for (int k = 2; k <= 5; k++) {
            SplittableRandom rnd = new SplittableRandom(k);
            double[] x = new double[1 << n];
            for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
            Network net = new Network();
            var b = DistributedModel.builder("p0", "x");
            for (int i = 0; i < k; i++) {
                var p = net.addLocalParty("p" + i).holdLayer("U", Layers.hardwareEfficient(n, rnd));
                if (i == 0) p.holdData("x", x);
                if (i == k - 1) p.holdObservable("O", PauliString.parse("Z0"));
                b.layer("p" + i, "U");
            }
            DistributedModel m = b.observable("p" + (k - 1), "O").build();
            InferenceResult r = InferenceProtocol.run(net, m, InferenceConfig.hoeffding(0.1, 0.05, 1));
            long s = r.shots();
            assertEquals((long) Math.ceil(4 * Math.log(40) / (2 * 0.01)), s);
            for (int i = 0; i + 1 < k; i++) {
                assertEquals(s * n, r.ledger().stats(new Link("p" + i, "p" + (i + 1))).qubits());
                assertEquals(s, r.ledger().stats(new Link("p" + i, "p" + (i + 1))).messages());
                assertEquals(1, r.ledger().rounds("p" + i, "p" + (i + 1)), "one direction only: a single round");
            }
            assertEquals(s * (k - 1) * n, r.totalQubits());
            assertEquals(0, r.classicalBits());
        }
    }

    @Test
    void aModelCannotUseAnotherPartysLayer() {
        Network net = twoParty(4, 2, 30, new java.util.ArrayList<>());
        DistributedModel m = DistributedModel.builder("alice", "x").layer("alice", "U1").observable("bob", "O").build();
        ProtocolException e = assertThrows(ProtocolException.class, () -> InferenceProtocol.run(net, m, InferenceConfig.hoeffding(0.1, 0.1, 1)));
        assertTrue(e.getMessage().contains("alice holds no layer named U1"), e.getMessage());
        assertEquals(0, net.ledger().total().messages(), "nothing is sent by a rejected model");
    }

    @Test
    void invalidConfigurationsGiveClearErrors() {
        for (double eps : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> InferenceConfig.hoeffding(eps, 0.1, 1));
            assertTrue(e.getMessage().contains("ε"), e.getMessage());
        }
        for (double delta : new double[] {0, 1, -0.5, 2, Double.NaN}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> InferenceConfig.hoeffding(0.1, delta, 1));
            assertTrue(e.getMessage().contains("δ"), e.getMessage());
        }
        // observable on a qubit the register does not have (N = 16: qubits 0..3)
        Network net = twoParty(4, 1, 31, new java.util.ArrayList<>());
        ((org.qdl.protocol.LocalParty) net.party("bob")).holdObservable("far", PauliString.parse("Z6"));
        DistributedModel far = DistributedModel.builder("alice", "x").layer("alice", "U0").observable("bob", "far").build();
        ProtocolException e = assertThrows(ProtocolException.class, () -> InferenceProtocol.run(net, far, InferenceConfig.hoeffding(0.1, 0.1, 1)));
        assertTrue(e.getMessage().contains("qubit 6") && e.getMessage().contains("0..3"), e.getMessage());
        // dimension mismatch: a 6-qubit layer on N = 16 data
        ((org.qdl.protocol.LocalParty) net.party("bob")).holdLayer("wide", Layers.hardwareEfficient(6, new SplittableRandom(1)));
        DistributedModel wide = DistributedModel.builder("alice", "x").layer("bob", "wide").observable("bob", "O").build();
        e = assertThrows(ProtocolException.class, () -> InferenceProtocol.run(net, wide, InferenceConfig.hoeffding(0.1, 0.1, 1)));
        assertTrue(e.getMessage().contains("acts on 6 qubits") && e.getMessage().contains("N = 16"), e.getMessage());
        // an ε the shot limit cannot reach
        DistributedModel ok = DistributedModel.builder("alice", "x").layer("alice", "U0").observable("bob", "O").build();
        InvalidInputException big = assertThrows(InvalidInputException.class, () -> InferenceProtocol.run(net, ok, InferenceConfig.hoeffding(1e-6, 0.1, 1)));
        assertTrue(big.getMessage().contains("raise ε"), big.getMessage());
    }
}
