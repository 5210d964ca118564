package org.qdl.learning.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdl.learning.checkpoint.Checkpoint;
import org.qdl.learning.checkpoint.CheckpointIO;
import org.qdl.protocol.Link;
import org.qdl.protocol.LocalParty;
import org.qdl.protocol.Network;
import org.qdl.protocol.PartyCheckpoints;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.protocol.model.Layer;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.observable.PauliString;

/**
 * The trainer on a task it was not written for: three parties in a pipeline (alice holds the data
 * and a Z-type layer, bob an X-type layer, carol a Z-type layer and O = Z0), the labelled vectors of
 * the embedded task's distribution.
 */
class GenericTrainerTest {
    static final int N = 8;

    /** alice → bob → carol; with {@code bobTwice} bob's U2 is applied at two stages (one parameter set). */
    static TrainingTask threeParty(long seed, int trainCount, int testCount, boolean bobTwice) {
        SplittableRandom rng = new SplittableRandom(seed);
        SyntheticTask train = SyntheticTask.generate(N, trainCount, 0.8, rng.nextLong());
        SyntheticTask test = SyntheticTask.generate(N, testCount, 0.8, rng.nextLong());
        Network net = new Network();
        LocalParty alice = net.addLocalParty("alice");
        for (int e = 0; e < trainCount; e++) alice.holdData(TrainingTask.trainKey(e), train.x()[e]);
        for (int e = 0; e < testCount; e++) alice.holdData(TrainingTask.testKey(e), test.x()[e]);
        alice.holdLayer("U1", Ansatz.uniform('Z', 3, 0.5, rng));
        net.addLocalParty("bob").holdLayer("U2", Ansatz.uniform('X', 3, 0.5, rng));
        net.addLocalParty("carol").holdLayer("U3", Ansatz.uniform('Z', 3, 0.5, rng)).holdObservable("O", PauliString.single('Z', 0));
        DistributedModel.Builder b = DistributedModel.builder("alice", "x").layer("alice", "U1").layer("bob", "U2");
        if (bobTwice) b.layer("bob", "U2");
        DistributedModel m = b.layer("carol", "U3").observable("carol", "O").build();
        return TrainingTask.of(net, m, train.y(), test.y());
    }

    static TrainOptions options(String estimator, String optimizer, int batch, int epochs) {
        return new TrainOptions(5, estimator, "logistic", optimizer, 0.2, batch, epochs, 0.25, 0.2);
    }

    @Test
    void threePartyPipelineLearnsASeparableTask() throws Exception {
        TrainingTask task = threeParty(3, 12, 16, false);
        Trainer t = new Trainer(task, options("simultaneous", "adam", 4, 4), PartyCheckpoints.NONE, null);
        List<EpochRecord> h = t.run(Long.MAX_VALUE, 0, null, new Trainer.Listener() {});
        assertEquals(5, h.size());
        EpochRecord first = h.get(0), last = h.get(4);
        assertTrue(last.trainLoss() < first.trainLoss() * 0.6, "loss " + first.trainLoss() + " -> " + last.trainLoss());
        assertTrue(last.testAccuracy() >= 0.9, "test accuracy " + last.testAccuracy());
        assertEquals(3, task.layers().size());
        // the register crosses alice→bob→carol; carol sends f̂ to alice, alice sends w to bob and carol
        assertEquals(2, task.hops());
        assertEquals(4L * 12 * 2 * 2 * N * 64, last.baselineBits());
        var byLink = task.network().ledger().byLink();
        assertTrue(byLink.get(new Link("alice", "bob")).qubits() > 0 && byLink.get(new Link("bob", "carol")).qubits() > 0, byLink.toString());
        assertEquals(4L * 12 * 64, byLink.get(new Link("carol", "alice")).classicalBits(), "one f estimate per example");
        assertEquals(4L * 12 * 64, byLink.get(new Link("alice", "bob")).classicalBits(), "one loss weight per example to bob");
    }

    @Test
    void aLayerAppliedTwiceGetsTheSumOfBothDerivatives() {
        TrainingTask task = threeParty(4, 4, 2, true);
        Network net = task.network();
        Layer u2 = ((LocalParty) net.party("bob")).ownLayer("U2");
        double[] before = u2.parameters();
        double lr = 0.2;
        // expected: Δθ = −lr · mean_e ℓ'(f_e, y_e) ∂f_e/∂θ, ∂f/∂θ by central differences through both stages
        double[] y = task.trainLabels();
        double[] expected = new double[before.length];
        double h = 1e-5;
        for (int e = 0; e < 4; e++) {
            DistributedModel m = task.model(TrainingTask.trainKey(e));
            double w = Loss.LOGISTIC.derivative(m.exactOutput(net), y[e]);
            for (int j = 0; j < before.length; j++) {
                double[] p = before.clone();
                p[j] += h;
                u2.setParameters(p);
                double up = m.exactOutput(net);
                p[j] -= 2 * h;
                u2.setParameters(p);
                double down = m.exactOutput(net);
                u2.setParameters(before);
                expected[j] += -lr * w * (up - down) / (2 * h) / 4;
            }
        }
        Trainer t = new Trainer(task, new TrainOptions(5, "adjoint", "logistic", "sgd", lr, 4, 1, 0.25, 0.2), PartyCheckpoints.NONE, null);
        assertThrows(InvalidInputException.class, () -> new Trainer(task, new TrainOptions(5, "adjoint", "logistic", "sgd", lr, 5, 1, 0.25, 0.2),
                PartyCheckpoints.NONE, null), "a batch larger than the training set");
        try {
            t.run(1, 0, null, new Trainer.Listener() {});
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        double[] after = u2.parameters();
        for (int j = 0; j < before.length; j++) assertEquals(expected[j], after[j] - before[j], 1e-8, "parameter " + j);
    }

    @Test
    void resumedRunEqualsUninterruptedAndAnotherTaskIsRefused(@TempDir Path dir) throws Exception {
        TrainOptions o = options("parameter-shift", "adam", 3, 2);
        Trainer whole = new Trainer(threeParty(6, 6, 4, false), o, PartyCheckpoints.NONE, null);
        List<EpochRecord> expected = whole.run(Long.MAX_VALUE, 0, null, new Trainer.Listener() {});

        Trainer first = new Trainer(threeParty(6, 6, 4, false), o, PartyCheckpoints.NONE, null);
        first.run(3, 3, dir, new Trainer.Listener() {}); // stops mid-epoch 2
        Checkpoint cp = CheckpointIO.read(dir.resolve("checkpoint-3.json"));
        assertEquals(null, cp.config());
        Trainer resumed = Trainer.resume(cp, threeParty(6, 6, 4, false), PartyCheckpoints.NONE);
        assertEquals(expected, resumed.run(Long.MAX_VALUE, 0, null, new Trainer.Listener() {}));
        assertEquals(whole.communication(), resumed.communication());
        for (int l = 0; l < 3; l++) assertArrayEquals(whole.task().layer(l).parameters(), resumed.task().layer(l).parameters(), 0.0);
        assertEquals(CheckpointIO.toJson(whole.checkpoint()), CheckpointIO.toJson(resumed.checkpoint()));

        InvalidInputException other = assertThrows(InvalidInputException.class, () -> Trainer.resume(cp, threeParty(6, 6, 4, true), PartyCheckpoints.NONE));
        assertTrue(other.getMessage().startsWith("the checkpoint is of another task"), other.getMessage());
        assertThrows(InvalidInputException.class, () -> Trainer.resume(cp), "a model-file checkpoint is not the embedded task's");
    }

    @Test
    void badTasksAreRefusedByName() {
        TrainingTask ok = threeParty(7, 4, 2, false);
        DistributedModel m = ok.model("x");
        InvalidInputException label = assertThrows(InvalidInputException.class,
                () -> TrainingTask.of(ok.network(), m, new double[] {1, -1, 0, 1}, new double[] {1, 1}));
        assertEquals("training label 2 is 0.0; labels must be +1 or -1", label.getMessage());
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> TrainingTask.of(ok.network(), m, new double[] {1, -1, 1, 1, 1}, new double[] {1, 1}));
        assertTrue(missing.getMessage().startsWith("alice holds no data train4"), missing.getMessage());
    }
}
