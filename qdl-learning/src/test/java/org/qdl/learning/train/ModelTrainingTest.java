package org.qdl.learning.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdl.protocol.PartyCheckpoints;
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

    /** A .npy file as numpy.save writes it (version 1, little-endian float64, C order). */
    static void npy(Path f, double[] values, String shape) throws Exception {
        String h = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }";
        int pad = 64 - (10 + h.length() + 1) % 64;
        h = h + " ".repeat(pad % 64) + "\n";
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(10 + h.length() + 8 * values.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).put((byte) 1).put((byte) 0).putShort((short) h.length());
        b.put(h.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        for (double v : values) b.putDouble(v);
        Files.write(f, b.array());
    }

    @Test
    void npyExamplesWithALabelFileEqualTheTextRows(@TempDir Path dir) throws Exception {
        LabelledData.Rows rows = LabelledData.rows(MODELS.resolve("tutorial/data.csv"));
        int m = rows.y().length, n = rows.x()[0].length;
        double[] flat = new double[m * n];
        for (int e = 0; e < m; e++) System.arraycopy(rows.x()[e], 0, flat, e * n, n);
        npy(dir.resolve("x.npy"), flat, "(" + m + ", " + n + ")");
        npy(dir.resolve("y.npy"), rows.y(), "(" + m + ",)");
        LabelledData fromNpy = LabelledData.read(dir.resolve("x.npy"), dir.resolve("y.npy"), null, null);
        LabelledData fromCsv = LabelledData.read(MODELS.resolve("tutorial/data.csv"), null);
        assertEquals(java.util.Arrays.deepToString(fromCsv.trainX()), java.util.Arrays.deepToString(fromNpy.trainX()));
        assertEquals(java.util.Arrays.toString(fromCsv.testY()), java.util.Arrays.toString(fromNpy.testY()));
        InvalidInputException noLabels = assertThrows(InvalidInputException.class, () -> LabelledData.read(dir.resolve("x.npy"), null));
        assertTrue(noLabels.getMessage().endsWith("x.npy: a .npy file holds the examples only: give their labels in a second file (--labels)"), noLabels.getMessage());
        npy(dir.resolve("short.npy"), new double[] {1, -1}, "(2,)");
        InvalidInputException count = assertThrows(InvalidInputException.class,
                () -> LabelledData.read(dir.resolve("x.npy"), dir.resolve("short.npy"), null, null));
        assertEquals(dir.resolve("short.npy") + ": 2 labels for the 24 examples of " + dir.resolve("x.npy"), count.getMessage());
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
