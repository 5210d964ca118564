package org.qdl.learning.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.qdl.protocol.Link;
import org.qdl.protocol.Network;
import org.qdl.protocol.model.DistributedModel;

/**
 * Communication of each estimator on the commuting model (alice: x and U1; bob: U2 and O = Z0;
 * n data qubits, 2n − 1 rotation steps per layer) against counts worked out by hand.
 */
class LedgerCountsTest {
    static final int N_QUBITS = 4;
    static final int STEPS = 2 * N_QUBITS - 1;

    @Test
    void parameterShiftSendsOneRegisterPerCopy() {
        Network net = Fixtures.commuting(N_QUBITS, 1);
        DistributedModel m = Fixtures.commutingModel();
        Precision p = new Precision(0.2, 0.05);
        ParameterShift ps = new ParameterShift();
        long s = Statistics.hoeffdingShots(2, 0.2, 0.05 / (2 * STEPS));
        assertEquals(s, ps.shotsPerSetting(net, m, p));
        GradientEstimate e = ps.estimate(net, m, p, 3);
        assertEquals(2L * 2 * STEPS * s, e.copies());
        assertEquals(e.copies(), ps.plannedCopies(net, m, p));
        // every copy: encoded at alice, one hop to bob (before U2 or before the shifted U2)
        assertEquals(e.copies() * N_QUBITS, e.communication().qubits());
        assertEquals(e.copies(), e.communication().messages());
        assertEquals(0, e.communication().classicalBits());
    }

    @Test
    void hadamardTestCarriesTheAncillaOnEveryHop() {
        Network net = Fixtures.commuting(N_QUBITS, 2);
        DistributedModel m = Fixtures.commutingModel();
        Precision p = new Precision(0.2, 0.05);
        GradientEstimate e = new HadamardTest().estimate(net, m, p, 3);
        long s = Statistics.hoeffdingShots(2, 0.2, 0.05 / (2 * STEPS));
        assertEquals(2L * STEPS * s, e.copies());
        assertEquals(e.copies() * (N_QUBITS + 1), e.communication().qubits());
    }

    @Test
    void simultaneousUsesLogarithmicCopiesAndTheForwardBackwardPipeline() {
        Network net = Fixtures.commuting(N_QUBITS, 3);
        DistributedModel m = Fixtures.commutingModel();
        Precision p = new Precision(0.2, 0.05);
        GradientEstimate e = new SimultaneousEstimation().estimate(net, m, p, 3);
        // per layer: ⌈2 ln(2P/δ_layer)/ε²⌉ with δ_layer = δ/2
        long perLayer = Math.max(SimultaneousEstimation.GROUPS, (long) Math.ceil(2 * Math.log(2.0 * STEPS / 0.025) / 0.04));
        assertEquals(2 * perLayer, e.copies());
        // U1's copies go alice→bob (μ forward) and bob→alice (ν backward); U2's copies one hop to bob
        long q = N_QUBITS + 1;
        assertEquals(perLayer * 2 * q + perLayer * q, e.communication().qubits());
        assertEquals(perLayer * 2 * q, net.ledger().stats(new Link("alice", "bob")).qubits());
        assertEquals(perLayer * q, net.ledger().stats(new Link("bob", "alice")).qubits());
        assertEquals(perLayer * q, net.ledger().byLabel().get("nu backward").qubits());
    }

    @Test
    void shadowsFollowTheMedianOfMeansPlan() {
        Network net = Fixtures.commuting(N_QUBITS, 4);
        DistributedModel m = Fixtures.commutingModel();
        Precision p = new Precision(0.5, 0.05);
        GradientEstimate e = new ClassicalShadows().estimate(net, m, p, 3);
        int k = Math.max(10, (int) Math.ceil(2 * Math.log(2.0 * STEPS / 0.025)));
        long b = (long) Math.ceil(34 * 9 / 0.25); // 2-local generators: 3² per snapshot
        assertEquals(2 * k * b, e.copies());
        assertEquals(k * b * 3L * (N_QUBITS + 1), e.communication().qubits());
    }
}
