package org.qdl.claims.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qdl.protocol.Network;
import org.qdl.protocol.NumberEncoding;
import org.qdl.protocol.Register;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.protocol.model.Layers;
import org.qdl.sim.observable.PauliString;

class PrivacyTest {
    /**
     * A model inference: Alice holds x (n qubits) and U1, U3; Bob holds U2, U4 and measures. Each
     * shot the register goes A→B, B→A, A→B: Bob receives 2n qubits per shot, Alice n; the rescaled
     * output sends ‖x‖ (64 bits) to Bob once.
     */
    @Test
    void holevoAccountingEqualsTheQubitsEachPartyReceived() {
        int n = 5, shots = 300;
        SplittableRandom rnd = new SplittableRandom(1);
        double[] x = new double[1 << n];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
        Network net = new Network();
        net.addLocalParty("alice").holdData("x", x)
                .holdLayer("U1", Layers.hardwareEfficient(n, rnd)).holdLayer("U3", Layers.hardwareEfficient(n, rnd));
        net.addLocalParty("bob").holdLayer("U2", Layers.hardwareEfficient(n, rnd)).holdLayer("U4", Layers.hardwareEfficient(n, rnd))
                .holdObservable("O", PauliString.parse("Z0"));
        net.addLocalParty("carol");
        DistributedModel m = DistributedModel.builder("alice", "x").layer("alice", "U1").layer("bob", "U2")
                .layer("alice", "U3").layer("bob", "U4").observable("bob", "O").rescaled(NumberEncoding.FLOAT64).build();
        m.outputScale(net);
        net.repeated(shots, () -> {
            Register r = m.forward(net, 0);
            return net.party("bob").measure("O", r, shots, 3);
        });
        PrivacyReport bob = PrivacyAccount.of(net.ledger(), "bob");
        assertEquals(2L * n * shots, bob.qubitsReceived());
        assertEquals(bob.qubitsReceived(), bob.holevoBoundBits());
        assertEquals(64, bob.classicalBitsReceived());
        assertEquals(2L * n * shots + 64, bob.informationBoundBits());
        assertEquals((long) n * shots, bob.qubitsSent());
        PrivacyReport alice = PrivacyAccount.of(net.ledger(), "alice");
        assertEquals((long) n * shots, alice.holevoBoundBits());
        assertEquals(0, alice.classicalBitsReceived());
        assertEquals(0, PrivacyAccount.of(net.ledger(), "carol").informationBoundBits());
        assertTrue(bob.summary().contains("Holevo χ ≤ " + 2L * n * shots));
    }

    @Test
    void exactStatisticsReconstructXExactly() {
        SplittableRandom r = new SplittableRandom(2);
        int n = 4, dim = 1 << n;
        double[] x = new double[dim];
        for (int i = 0; i < dim; i++) x[i] = r.nextGaussian();
        double[] u = AmplitudeReconstruction.unit(x);
        double[] mag = new double[dim];
        for (int i = 0; i < dim; i++) mag[i] = Math.abs(u[i]);
        double[][] prod = new double[n][dim];
        for (int q = 0; q < n; q++) for (int j = 0; j < dim; j++) if ((j >>> q & 1) == 0) prod[q][j] = u[j] * u[j | 1 << q];
        assertEquals(0, AmplitudeReconstruction.errorUpToSign(AmplitudeReconstruction.withSigns(mag, prod, n), u), 1e-14);
    }

    /** RMS error ∝ 1/√S: 16× the copies gives ¼ the error, and the level matches √((N−1)/(4m₀)). */
    @Test
    void attackErrorFallsAsOneOverRootCopies() {
        var rows = AttackStudy.run(new AttackStudy.Settings(8, new int[] {2000, 32000}, 200, 5), i -> {});
        double ratio = rows.get(0).meanError() / rows.get(1).meanError();
        assertEquals(4, ratio, 0.6);
        for (var row : rows) {
            assertEquals(1, row.meanError() / row.predictedError(), 0.15, "copies " + row.copies());
            assertEquals((long) row.copies() * 3, row.report().qubitsReceived());
        }
    }

    @Test
    void clearTextRevealsEverything() {
        AttackStudy.Clear c64 = AttackStudy.clearText(16, NumberEncoding.FLOAT64, 1);
        assertEquals(16L * 64, c64.bits());
        assertEquals(0, c64.error(), 1e-15);
        AttackStudy.Clear c32 = AttackStudy.clearText(16, NumberEncoding.FLOAT32, 1);
        assertEquals(16L * 32, c32.bits());
        assertTrue(c32.error() < 1e-6);
        // partial disclosure: ‖x‖ plus k numbers; E‖x_{>k}‖²/‖x‖² = (N − k)/N for i.i.d. entries
        double[][] curve = AttackStudy.clearTextCurve(16, 400, NumberEncoding.FLOAT64, 2);
        for (int k = 0; k < 16; k++) assertEquals(64L * (k + 2), (long) curve[0][k]);
        assertEquals(0, curve[1][15], 1e-15);
        assertEquals(Math.sqrt(8.0 / 16), curve[1][7], 0.05);
    }
}
