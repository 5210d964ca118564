package org.qdl.gnn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdl.gnn.data.GraphDataset;
import org.qdl.gnn.data.SyntheticGraphs;
import org.qdl.sim.InvalidInputException;

/** A fold stopped after k epochs and resumed from its checkpoint equals the uninterrupted fold, bit for bit. */
class GraphCheckpointTest {
    // batch norm (running statistics), dropout (per-epoch generator), a step schedule crossed mid-run
    static final GraphConfig CFG = GraphConfig.authors("synthetic").with("epochs", "7").with("hidden", "8").with("norm", "batch")
            .with("gcn", "3").with("batch", "16").with("dropout", "0.3").with("step-size", "3");

    @Test
    void interruptedAndResumedFoldEqualsUninterrupted(@TempDir Path tmp) {
        GraphDataset ds = SyntheticGraphs.defaults(3);
        GraphTrainer.Prepared p = GraphTrainer.prepare(ds, CFG);
        int[] test = StratifiedKFold.testFolds(ds.labels(), 5, 0).get(1);
        GraphTrainer.FoldRun plain = GraphTrainer.trainFold(p, CFG, test, 11, 1, null, GraphTrainer.Checkpointing.NONE);
        assertTrue(plain.complete());
        GraphTrainer.FoldRun straight = GraphTrainer.trainFold(p, CFG, test, 11, 1, null, new GraphTrainer.Checkpointing(tmp.resolve("a"), 0));

        // sessions of 2, 2 and 3 epochs, each with a fresh model that only the checkpoint connects
        GraphTrainer.Checkpointing two = new GraphTrainer.Checkpointing(tmp.resolve("b"), 2);
        GraphTrainer.FoldRun s1 = GraphTrainer.trainFold(p, CFG, test, 11, 1, null, two);
        assertFalse(s1.complete());
        assertEquals(2, FoldCheckpoint.read(tmp.resolve("b/poly-fold2.ckpt")).epochsDone());
        GraphTrainer.FoldRun s2 = GraphTrainer.trainFold(p, CFG, test, 11, 1, null, two);
        assertFalse(s2.complete());
        GraphTrainer.FoldRun s3 = GraphTrainer.trainFold(p, CFG, test, 11, 1, null, new GraphTrainer.Checkpointing(tmp.resolve("b"), 3));
        assertTrue(s3.complete());
        for (GraphTrainer.FoldRun r : List.of(straight, s3)) {
            assertArrayEquals(plain.losses(), r.losses(), 0.0);
            assertArrayEquals(plain.curve(), r.curve(), 0.0);
        }
        // the losses change from epoch to epoch: the comparison is not between constants
        assertTrue(plain.losses()[0] != plain.losses()[6], java.util.Arrays.toString(plain.losses()));
        // a finished fold keeps only its curve, and a rerun returns it without training
        assertTrue(FoldCheckpoint.read(tmp.resolve("b/poly-fold2.ckpt")).finished());
        assertArrayEquals(plain.curve(), GraphTrainer.trainFold(p, CFG, test, 11, 1, null, two).curve(), 0.0);
    }

    @Test
    void crossValidationResumesToTheSameResult(@TempDir Path tmp) throws InterruptedException {
        GraphDataset ds = SyntheticGraphs.defaults(4);
        GraphTrainer.Prepared p = GraphTrainer.prepare(ds, CFG);
        List<int[]> folds = StratifiedKFold.testFolds(ds.labels(), 5, 0).subList(0, 3);
        GraphCvResult plain = GraphTrainer.crossValidate(p, CFG, folds, 2, 2, null);
        GraphTrainer.Checkpointing four = new GraphTrainer.Checkpointing(tmp, 4);
        assertNull(GraphTrainer.crossValidate(p, CFG, folds, 2, 2, null, four));
        GraphCvResult resumed = GraphTrainer.crossValidate(p, CFG, folds, 2, 1, null, four);
        assertArrayEquals(plain.foldBest(), resumed.foldBest(), 0.0);
        for (int f = 0; f < folds.size(); f++) {
            assertArrayEquals(plain.curves()[f], resumed.curves()[f], 0.0);
        }
    }

    @Test
    void foreignOrDamagedCheckpointsAreOneLineErrors(@TempDir Path tmp) throws Exception {
        GraphDataset ds = SyntheticGraphs.defaults(3);
        GraphTrainer.Prepared p = GraphTrainer.prepare(ds, CFG);
        int[] test = StratifiedKFold.testFolds(ds.labels(), 5, 0).get(0);
        GraphTrainer.Checkpointing one = new GraphTrainer.Checkpointing(tmp, 1);
        GraphTrainer.trainFold(p, CFG, test, 1, 0, null, one);
        GraphConfig other = CFG.with("lr", "0.02");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> GraphTrainer.trainFold(p, other, test, 1, 0, null, one));
        assertTrue(e.getMessage().contains("poly-fold1.ckpt") && e.getMessage().contains("other settings"), e.getMessage());
        Path f = tmp.resolve("poly-fold1.ckpt");
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        e = assertThrows(InvalidInputException.class, () -> GraphTrainer.trainFold(p, CFG, test, 1, 0, null, one));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        Files.writeString(f, "hello");
        e = assertThrows(InvalidInputException.class, () -> FoldCheckpoint.read(f));
        assertTrue(e.getMessage().contains("not a qdl fold checkpoint"), e.getMessage());
    }
}
