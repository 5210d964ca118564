package org.qdl.learning.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qdl.learning.train.Ansatz;
import org.qdl.protocol.Network;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.sim.observable.PauliString;

/** The gradients study on a model it was not written for: a three-party pipeline. */
class GradientStudyTest {
    static GradientModels.Instance pipeline() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        Network net = new Network();
        net.addLocalParty("alice").holdData("x", GradientModels.gaussian(8, rnd)).holdLayer("A", Ansatz.uniform('Z', 3, Math.PI, rnd));
        net.addLocalParty("bob").holdLayer("B", Ansatz.uniform('X', 3, Math.PI, rnd));
        net.addLocalParty("carol").holdLayer("C", Ansatz.uniform('Z', 3, Math.PI, rnd)).holdObservable("O", PauliString.single('Z', 0));
        DistributedModel m = DistributedModel.builder("alice", "x").layer("alice", "A").layer("bob", "B").layer("carol", "C").observable("carol", "O").build();
        return new GradientModels.Instance(net, m, GradientStudy.locality(net, m));
    }

    @Test
    void everySamplerMeetsItsPrecisionOnAThreePartyPipeline() {
        List<GradientStudy.Row> rows = new GradientStudy(1, 10_000_000).errorAgainstCopies(GradientStudyTest::pipeline,
                List.of(new Precision(0.3, 0.05)), (d, t, w) -> {});
        assertEquals(GradientStudy.SAMPLERS.size() + 2, rows.size());
        for (GradientStudy.Row r : rows) {
            assertEquals(15, r.parameters(), r.toString()); // three layers of 2·3 − 1
            assertEquals(2, r.locality());
            if (!r.status().equals("measured")) continue;
            assertTrue(r.maxError() <= 0.3, r.toString());
            assertTrue(r.copies() > 0 && r.qubits() > 0, r.toString());
        }
        assertEquals(4, rows.stream().filter(r -> r.status().equals("measured")).count(), rows.toString());
    }
}
