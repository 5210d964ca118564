package org.qdl.protocol.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qdl.protocol.Link;
import org.qdl.protocol.Network;
import org.qdl.protocol.NumberEncoding;
import org.qdl.protocol.ObservableShape;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.protocol.model.FixedUnitaryLayer;
import org.qdl.protocol.model.Layers;
import org.qdl.sim.state.ComplexMatrix;
import org.qdl.sim.observable.PauliSum;

class ClassicalBaselineTest {
    static final PauliSum OBS = PauliSum.parse("0.7 Z0 Z1 - 0.3 X2");

    /** Alice: x, U0, U2; Bob: U1, U3, O. Hardware-efficient layers have 2n parameters each. */
    static Network net(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[1 << n];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
        Network net = new Network();
        net.addLocalParty("alice").holdData("x", x).holdLayer("U0", Layers.hardwareEfficient(n, rnd)).holdLayer("U2", Layers.hardwareEfficient(n, rnd));
        net.addLocalParty("bob").holdLayer("U1", Layers.hardwareEfficient(n, rnd)).holdLayer("U3", Layers.hardwareEfficient(n, rnd)).holdObservable("O", OBS);
        return net;
    }

    @Test
    void vectorProtocolSendsOneVectorPerHop() {
        int n = 6;
        long dim = 1L << n;
        for (NumberEncoding enc : NumberEncoding.values()) {
            Network net = net(n, 1);
            DistributedModel m = DistributedModel.builder("alice", "x").layer("alice", "U0").layer("bob", "U1")
                    .layer("alice", "U2").layer("bob", "U3").observable("bob", "O").rescaled(enc).build();
            BaselineResult r = ClassicalBaseline.compare(net, m, enc);
            int b = enc.bitsPerNumber();
            // three hops (A→B, B→A, A→B), each a complex vector: 2N reals
            assertEquals(3 * 2 * dim * b, r.vectorBits());
            assertEquals(2 * 2 * dim * b, r.vectorLedger().stats(new Link("alice", "bob")).classicalBits());
            assertEquals(0, r.vectorLedger().totalQubits());
            double exact = m.exactOutput(net);
            assertEquals(exact, r.vectorOutput(), enc == NumberEncoding.FLOAT64 ? 1e-10 : 1e-4 * Math.abs(exact) + 1e-4);
            // gather at alice: Bob's two layers (2n parameters each), the observable, the result back
            long obsBits = 2L * b + 2 * 2 * 3; // two coefficients, two Pauli strings over 3 qubits
            ClassicalOption atAlice = r.options().stream().filter(o -> o.name().equals("gather at alice")).findFirst().orElseThrow();
            assertEquals(2 * 2L * n * b + obsBits + b, atAlice.bits());
            ClassicalOption atBob = r.options().stream().filter(o -> o.name().equals("gather at bob")).findFirst().orElseThrow();
            assertEquals(dim * b + 2 * 2L * n * b, atBob.bits());
            assertEquals(atAlice, r.cheapest(), "few parameters: shipping them beats shipping data");
            assertFalse(atAlice.executed());
        }
    }

    @Test
    void rawDataTravelsAsRealsUntilALayerMakesItComplex() {
        int n = 5;
        long dim = 1L << n;
        Network net = net(n, 2);
        // Bob applies the first layer: Alice must send x itself (real: N reals), then Bob keeps it.
        DistributedModel m = DistributedModel.builder("alice", "x").layer("bob", "U1").observable("bob", "O").build();
        BaselineResult r = ClassicalBaseline.compare(net, m, NumberEncoding.FLOAT32);
        assertEquals(dim * 32, r.vectorBits());
        assertEquals(m.exactOutput(net), r.vectorOutput(), 1e-5);
    }

    @Test
    void denseLayersAndObservablesAreCostedByTheirEntries() {
        int n = 3;
        long d = 1L << n;
        Network net = net(n, 3);
        double[][] id = new double[(int) d][(int) d];
        for (int i = 0; i < d; i++) id[i][(i + 1) % (int) d] = 1; // a cyclic shift: a fixed permutation unitary
        net.addLocalParty("carol").holdLayer("P", new FixedUnitaryLayer(ComplexMatrix.real(id)));
        assertEquals(2 * d * d, net.party("carol").layerDescriptionReals("P"));
        assertEquals(2 * n, net.party("bob").layerDescriptionReals("U1"));
        ObservableShape s = net.party("bob").observableShape("O");
        assertEquals(-1, s.minOutcome(), 1e-15);
        assertEquals(1, s.maxOutcome(), 1e-15);
        assertEquals(2, s.descriptionReals());
        assertEquals(12, s.structureBits());
    }
}
