package org.qdl.protocol.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qdl.protocol.CommunicationLedger;
import org.qdl.protocol.Link;
import org.qdl.protocol.LinkStats;
import org.qdl.protocol.ProtocolException;
import org.qdl.protocol.inference.InferenceConfig;
import org.qdl.protocol.inference.InferenceProtocol;
import org.qdl.protocol.inference.InferenceResult;
import org.qdl.protocol.model.AlternatingModel;
import org.qdl.sim.InvalidInputException;

/** Inference over noisy and lossy links against the density matrix and the loss model. */
class NoisyLinksTest {
    private static AlternatingModel.Example example(String linkSpec) {
        AlternatingModel.Example ex = AlternatingModel.build(4, 4, true, false, 3);
        ex.network().setLinkNoise("alice", "bob", LinkNoise.parse(linkSpec));
        return ex;
    }

    /**
     * Trajectories are exact in distribution: over 100 seeds the Hoeffding intervals cover the
     * density matrix's noisy value at the promised rate, and the mean estimate sits within 4
     * standard errors of it, while the noiseless value is far away.
     */
    @Test
    void trajectoriesConvergeToTheDensityMatrix() {
        AlternatingModel.Example ex = example("depolarizing:0.08+amplitude-damping:0.1");
        ex.network().setMemoryNoise("bob", LinkNoise.parse("thermal:t=1,T1=20,T2=15"));
        double noisy = DensityReference.expectation(ex.network(), ex.model());
        int seeds = 100, misses = 0;
        double sum = 0, sq = 0, exact = Double.NaN;
        double delta = 0.05;
        for (int s = 0; s < seeds; s++) {
            InferenceResult r = InferenceProtocol.run(ex.network(), ex.model(), InferenceConfig.hoeffding(0.1, delta, 100 + s));
            if (!r.covers(noisy)) misses++;
            sum += r.estimate();
            sq += r.estimate() * r.estimate();
            exact = r.exact();
        }
        double mean = sum / seeds, sd = Math.sqrt((sq / seeds - mean * mean) / (seeds - 1));
        assertTrue(misses <= delta * seeds + 3 * Math.sqrt(seeds * delta * (1 - delta)), misses + " misses");
        assertTrue(Math.abs(mean - noisy) < 4 * sd, "mean " + mean + " vs noisy exact " + noisy + " (sd " + sd + ")");
        assertTrue(Math.abs(exact - noisy) > 10 * sd, "noise must move the value: exact " + exact + ", noisy " + noisy);
    }

    /** Global depolarising on each of the H hops scales the traceless observable by (1 − p)^H exactly. */
    @Test
    void globalDepolarizingShrinksByOneMinusPPerHop() {
        AlternatingModel.Example ex = example("global-depolarizing:0.1");
        int hops = DensityReference.hops(ex.model()).size();
        assertEquals(3, hops); // A→B, B→A, A→B for four alternating layers and Bob's D and O
        double ideal = ex.model().exactOutput(ex.network());
        assertEquals(Math.pow(0.9, hops) * ideal, DensityReference.expectation(ex.network(), ex.model()), 1e-13);
        ex.network().setLinkNoise("alice", "bob", LinkNoise.NONE);
        assertEquals(ideal, DensityReference.expectation(ex.network(), ex.model()), 1e-13);
    }

    /** Rescaling for known global depolarising noise: unbiased, covering the noiseless value, at 1/F² the shots. */
    @Test
    void rescalingRemovesTheBiasAtItsShotCost() {
        AlternatingModel.Example ex = example("global-depolarizing:0.15");
        double f = Math.pow(0.85, 3);
        InferenceResult plain = InferenceProtocol.run(ex.network(), ex.model(), InferenceConfig.hoeffding(0.1, 0.05, 1));
        int seeds = 40, misses = 0;
        for (int s = 0; s < seeds; s++) {
            NoisyInferenceResult r = NoisyInference.run(ex.network(), ex.model(), InferenceConfig.hoeffding(0.1, 0.05, 500 + s), Mitigation.RESCALE);
            assertEquals(f, r.shrink(), 1e-15);
            if (!r.covers(r.exact())) misses++;
            assertTrue(r.halfWidth() <= 0.1 + 1e-12);
            assertEquals(plain.shots() / (f * f), r.shots(), plain.shots() / (f * f) * 0.01 + 2);
        }
        assertTrue(misses <= 2, misses + " misses of the noiseless value");
        assertThrows(InvalidInputException.class, () -> NoisyInference.run(example("depolarizing:0.1").network(),
                example("depolarizing:0.1").model(), InferenceConfig.hoeffding(0.1, 0.05, 1), Mitigation.RESCALE));
    }

    /**
     * Zero-noise extrapolation: its intervals cover the Richardson combination of the exact noisy
     * values at λ = 1, 2, 3 (what it converges to), which is far closer to the noiseless value
     * than the raw noisy value; the shots are (Σ|γ|)² = 49 times those of one run.
     */
    @Test
    void zeroNoiseExtrapolationCoversItsTargetAndCostsItsShots() {
        AlternatingModel.Example ex = example("depolarizing:0.03");
        double[] dm = new double[3];
        for (int j = 0; j < 3; j++) {
            ex.network().setLinkNoise("alice", "bob", LinkNoise.parse("depolarizing:0.03").scaled(NoisyInference.ZNE_SCALES[j]));
            dm[j] = DensityReference.expectation(ex.network(), ex.model());
        }
        ex.network().setLinkNoise("alice", "bob", LinkNoise.parse("depolarizing:0.03"));
        double target = 3 * dm[0] - 3 * dm[1] + dm[2];
        double exact = ex.model().exactOutput(ex.network());
        assertTrue(Math.abs(target - exact) < 0.2 * Math.abs(dm[0] - exact), "extrapolation target " + target + ", exact " + exact + ", raw " + dm[0]);
        InferenceResult one = InferenceProtocol.run(ex.network(), ex.model(), InferenceConfig.hoeffding(0.15, 0.05, 1));
        int seeds = 12, misses = 0;
        for (int s = 0; s < seeds; s++) {
            NoisyInferenceResult r = NoisyInference.run(ex.network(), ex.model(), InferenceConfig.hoeffding(0.15, 0.05, 900 + s), Mitigation.ZNE);
            assertEquals(3, r.runs().size());
            if (!r.covers(target)) misses++;
            assertEquals(49.0 * one.shots(), r.shots(), 49.0 * one.shots() * 0.01 + 3);
            assertEquals(dm[0], r.exactNoisy(), 1e-15);
        }
        assertTrue(misses <= 1, misses + " misses");
        assertEquals("depolarizing:0.03", ex.network().linkNoise("alice", "bob").spec(), "the link's noise is restored");
    }

    /** Heralded loss costs attempts, never accuracy: same seed, same estimate bit for bit. */
    @Test
    void lossOnlyChangesTheShotCountNeverTheEstimate() {
        InferenceConfig c = InferenceConfig.hoeffding(0.05, 0.01, 42);
        AlternatingModel.Example clean = example("none");
        InferenceResult a = InferenceProtocol.run(clean.network(), clean.model(), c);
        double eta = LinkNoise.fibreTransmission(2, 0.2); // 0.4 dB
        AlternatingModel.Example lossy = example("fibre:km=2,dbPerKm=0.2");
        InferenceResult b = InferenceProtocol.run(lossy.network(), lossy.model(), c);
        assertEquals(Double.doubleToLongBits(a.estimate()), Double.doubleToLongBits(b.estimate()));
        assertEquals(a.exact(), b.exact());
        assertEquals(a.shots(), b.shots());
        assertEquals(a.qubitsPerShot(), b.qubitsPerShot());
        CommunicationLedger l = b.ledger();
        assertEquals(a.totalQubits(), l.byLabel().get("state").qubits(), "delivered executions send what the lossless run sends");
        assertTrue(l.totalLostQubits() > 0);
        assertEquals(l.totalQubits() - l.totalLostQubits(), l.totalDeliveredQubits());
        // Expected qubits per delivered shot: Σ_h m·a^{h−1} / a^H with a = η^m (m = 4 qubits, H = 3 hops).
        double aHop = Math.pow(eta, 4), p = Math.pow(aHop, 3);
        double perShot = 4 * (1 + aHop + aHop * aHop) / p;
        double attempts = a.shots() / p, sd = Math.sqrt(a.shots() * (1 - p)) / p * 12; // generous: qubits per attempt ≤ 12
        assertEquals(perShot * a.shots(), l.totalQubits(), 5 * sd, "sent qubits against the loss model");
        assertTrue(attempts > a.shots());
        // The ledger splits sent/lost per direction.
        LinkStats ab = l.stats(new Link("alice", "bob"));
        assertTrue(ab.lostQubits() > 0 && ab.deliveredQubits() < ab.qubits());
    }

    @Test
    void oneExecutionForManyShotsIsRefusedOnNoisyLinks() {
        AlternatingModel.Example ex = example("dephasing:0.1");
        assertThrows(ProtocolException.class, () -> ex.network().repeated(10, () -> ex.model().forward(ex.network(), 0)));
    }

    @Test
    void noisyRunsAreSeeded() {
        AlternatingModel.Example ex = example("depolarizing:0.05+amplitude-damping:0.05+fibre:km=1,dbPerKm=0.3");
        InferenceResult a = InferenceProtocol.run(ex.network(), ex.model(), InferenceConfig.hoeffding(0.1, 0.05, 9));
        InferenceResult b = InferenceProtocol.run(ex.network(), ex.model(), InferenceConfig.hoeffding(0.1, 0.05, 9));
        InferenceResult c = InferenceProtocol.run(ex.network(), ex.model(), InferenceConfig.hoeffding(0.1, 0.05, 10));
        assertEquals(a.estimate(), b.estimate());
        assertEquals(a.totalQubits(), b.totalQubits());
        assertEquals(a.ledger().totalLostQubits(), b.ledger().totalLostQubits());
        assertNotEquals(a.estimate(), c.estimate());
    }
}
