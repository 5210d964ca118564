package org.qdl.learning.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.qdl.learning.checkpoint.Checkpoint;
import org.qdl.learning.checkpoint.CheckpointIO;

class TrainerTest {
    /** N = 16, two layers (alice Z-type, bob X-type), 16 training and 32 test vectors, batches of 4. */
    static TrainConfig config(String estimator, String loss, String optimizer, int epochs) {
        double eps = estimator.equals("classical-shadows") ? 0.4 : 0.15;
        return new TrainConfig(16, 2, 16, 32, 1.0, 7, estimator, loss, optimizer, 0.1, 4, epochs, eps, 0.1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"adjoint", "parameter-shift", "hadamard-test", "simultaneous", "classical-shadows"})
    void shortRunReachesNinetyPercentTestAccuracy(String estimator) throws Exception {
        Trainer t = new Trainer(config(estimator, "logistic", "adam", 3));
        List<EpochRecord> h = t.run(Long.MAX_VALUE, 0, null, new Trainer.Listener() {});
        assertEquals(4, h.size());
        assertTrue(h.get(0).testAccuracy() < 0.7, "the untrained model should not already solve the task: " + h.get(0));
        EpochRecord last = h.get(h.size() - 1);
        assertTrue(last.testAccuracy() >= 0.9, estimator + " reached only " + last.testAccuracy());
        assertTrue(last.trainLoss() < h.get(0).trainLoss() / 2, "loss fell from " + h.get(0).trainLoss() + " to " + last.trainLoss());
        if (!estimator.equals("adjoint")) {
            assertTrue(last.qubits() > 0 && last.copies() > 0);
            assertTrue(last.classicalBits() > 0, "f estimates and loss weights travel classically");
        }
        // the baseline: per example, N float64 forward and backward over the one alice→bob crossing
        assertEquals(12L * 4 * 2 * 16 * 64, last.baselineBits());
    }

    @Test
    void sgdWithMomentumOnSquaredLossAlsoTrains() throws Exception {
        TrainConfig c = new TrainConfig(16, 2, 16, 32, 1.0, 7, "simultaneous", "squared", "sgd", 0.3, 4, 3, 0.15, 0.1);
        List<EpochRecord> h = new Trainer(c).run(Long.MAX_VALUE, 0, null, new Trainer.Listener() {});
        assertTrue(h.get(h.size() - 1).testAccuracy() >= 0.9, "SGD reached " + h.get(h.size() - 1));
    }

    @Test
    void resumedRunEqualsUninterruptedRunBitForBit(@TempDir Path dir) throws Exception {
        TrainConfig c = config("simultaneous", "logistic", "adam", 3);
        Trainer whole = new Trainer(c);
        List<EpochRecord> expected = whole.run(Long.MAX_VALUE, 0, null, new Trainer.Listener() {});

        Trainer first = new Trainer(c);
        first.run(6, 3, dir, new Trainer.Listener() {}); // stops mid-epoch 2, checkpoints at steps 3 and 6
        Checkpoint cp = CheckpointIO.read(dir.resolve("checkpoint-6.json"));
        assertEquals(6, cp.nextStep());
        Trainer resumed = Trainer.resume(cp);
        List<EpochRecord> got = resumed.run(Long.MAX_VALUE, 0, null, new Trainer.Listener() {});

        assertEquals(expected, got);
        for (int l = 0; l < c.layers(); l++) {
            assertArrayEquals(whole.setup().layer(l).parameters(), resumed.setup().layer(l).parameters(), 0.0);
        }
        assertEquals(whole.communication(), resumed.communication());
        assertEquals(CheckpointIO.toJson(whole.checkpoint()), CheckpointIO.toJson(resumed.checkpoint()));
    }
}
