package org.qdl.learning.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdl.learning.checkpoint.PartyCheckpoints;
import org.qdl.protocol.model.QdlModel;
import org.qdl.protocol.model.file.ModelFile;
import org.qdl.sim.InvalidInputException;

/** Training the shipped model files on their data sets; data-set files with mistakes are refused by file and line. */
class ModelTrainingTest {
    static final Path MODELS = Path.of("../examples/models");

    @Test
    void theFourDevicePipelineTrainsOnItsDataSet() throws Exception {
        Path dir = MODELS.resolve("pipeline");
        QdlModel m = ModelFile.load(dir.resolve("model.json"));
        LabelledData d = LabelledData.read(dir.resolve("data.csv"), null);
        assertEquals(18, d.trainY().length);
        assertEquals(6, d.testY().length);
        TrainingTask task = ModelTasks.inProcess(m, d, "data.csv");
        assertEquals(4, task.layers().size(), "D is frozen: L0..L3 train");
        assertEquals(3, task.hops());
        Trainer t = new Trainer(task, new TrainOptions(1, "hadamard-test", "logistic", "adam", 0.1, 6, 1, 0.3, 0.2), PartyCheckpoints.NONE, null);
        List<EpochRecord> h = t.run(Long.MAX_VALUE, 0, null, new Trainer.Listener() {});
        assertTrue(h.get(1).trainLoss() < h.get(0).trainLoss() / 2, h.toString());
        // rescaled output: d0 sends ‖x‖ to d3 before each f estimate, then d3 sends f̂ back
        assertTrue(task.network().ledger().byLabel().containsKey("norm"), task.network().ledger().byLabel().keySet().toString());
    }

    @Test
    void theTutorialModelTrainsAndItsSplitIsEveryFourthRow() throws Exception {
        Path dir = MODELS.resolve("tutorial");
        LabelledData d = LabelledData.read(dir.resolve("data.csv"), null);
        LabelledData.Rows all = LabelledData.rows(dir.resolve("data.csv"));
        assertEquals(24, all.y().length);
        assertEquals(all.x()[3][0], d.testX()[0][0]);
        assertEquals(all.x()[4][0], d.trainX()[3][0]);
        TrainingTask task = ModelTasks.inProcess(ModelFile.load(dir.resolve("model.json")), d, "data.csv");
        Trainer t = new Trainer(task, new TrainOptions(1, "simultaneous", "logistic", "adam", 0.1, 6, 3, 0.15, 0.1), PartyCheckpoints.NONE, null);
        List<EpochRecord> h = t.run(Long.MAX_VALUE, 0, null, new Trainer.Listener() {});
        assertTrue(h.get(3).testAccuracy() == 1.0 && h.get(3).trainLoss() < h.get(0).trainLoss() / 4, h.toString());
    }

    @Test
    void badDataSetFilesNameTheFileAndLine(@TempDir Path dir) throws Exception {
        String[][] cases = {
            {"1,2,3,1\n1,2,1\n", "bad.csv:2: 2 numbers before the label; the first row has 3"},
            {"1,2,3,0\n", "bad.csv:1: label 0 must be 1 or -1"},
            {"1,2,x,1\n", "bad.csv:1: 'x' is not a number"},
            {"1,NaN,3,1\n", "bad.csv:1: value 'NaN' is not finite"},
            {"# only a comment\n", "bad.csv: holds no rows"},
            {"5\n", "bad.csv:1: a row needs N numbers and a label, got 1 number"},
        };
        for (String[] c : cases) {
            Path f = dir.resolve("bad.csv");
            Files.writeString(f, c[0]);
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> LabelledData.read(f, null), c[0]);
            assertEquals(f + c[1].substring("bad.csv".length()), e.getMessage());
        }
        Path ok = dir.resolve("ok.csv");
        Files.writeString(ok, "1 2 3 4 5 6 7 1\n");
        QdlModel tutorial = ModelFile.load(MODELS.resolve("tutorial/model.json"));
        InvalidInputException wrongN = assertThrows(InvalidInputException.class,
                () -> ModelTasks.inProcess(tutorial, LabelledData.read(ok, null), ok.toString()));
        assertEquals(ok + ": rows have 7 numbers before the label; the model's input needs N = 8", wrongN.getMessage());
    }
}
