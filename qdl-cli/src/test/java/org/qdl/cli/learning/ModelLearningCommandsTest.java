package org.qdl.cli.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train / gradients / scaling --model on the shipped examples; every mistake one line and exit 2. */
class ModelLearningCommandsTest {
    static final String MODEL = "../examples/models/tutorial/model.json", DATA = "../examples/models/tutorial/data.csv";

    static LearningCommandsTest.Result run(String... args) {
        return LearningCommandsTest.run(args);
    }

    static void oneLineExitTwo(LearningCommandsTest.Result r, String contains) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(contains), r.err());
    }

    @Test
    void trainModelResumesIdentically(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a"), b = dir.resolve("b");
        LearningCommandsTest.Result r = run("train", "--model", MODEL, "--data", DATA, "--epochs", "2", "--batch", "6", "--checkpoint-every", "4", "--out", a.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("model " + MODEL + ": N = 8 (3 qubits), parties [alice, bob, carol], 3 trainable layers, 18 train / 6 test"), r.out());
        Path cp = a.resolve("checkpoints/checkpoint-4.json");
        LearningCommandsTest.Result resumed = run("train", "--model", MODEL, "--data", DATA, "--resume", cp.toString(), "--out", b.toString());
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(Files.readString(a.resolve("train-epochs.csv")), Files.readString(b.resolve("train-epochs.csv")));
        oneLineExitTwo(run("train", "--resume", cp.toString(), "--out", b.toString()), "is a checkpoint of a model run");
        oneLineExitTwo(run("train", "--model", "../examples/models/fig2/model.json", "--data", DATA, "--resume", cp.toString(), "--out", b.toString()),
                "rows have 8 numbers before the label; the model's input needs N = 64");
    }

    @Test
    void mistakesAreOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        String out = dir.toString();
        oneLineExitTwo(run("train", "--model", MODEL, "--out", out), "--model and --data go together");
        oneLineExitTwo(run("train", "--model", MODEL, "--data", "../examples/models/pipeline/data.csv", "--out", out), "the model's input needs N = 8");
        oneLineExitTwo(run("train", "--model", MODEL, "--data", DATA, "--batch", "19", "--out", out), "batch size must lie in 1..18, got 19");
        oneLineExitTwo(run("train", "--model", MODEL, "--data", dir.resolve("none.csv").toString(), "--out", out), "none.csv");
        oneLineExitTwo(run("party", "serve", "--model", MODEL, "--as", "bob", "--data", DATA, "--listen", "127.0.0.1:0", "--secret-file", DATA),
                "the data set belongs to the model's input party alice, not bob");
        oneLineExitTwo(run("scaling", "--model", MODEL), "not a family in N");
        oneLineExitTwo(run("gradients", "--model", dir.resolve("none.json").toString(), "--out", out), "none.json");
    }

    @Test
    void gradientsAndScalingRunOnModelFiles(@TempDir Path dir) throws Exception {
        LearningCommandsTest.Result g = run("gradients", "--model", MODEL, "--epsilons", "0.3", "--p-max", "4", "--scaling-qubits", "3", "--out", dir.toString());
        assertEquals(0, g.code(), g.err());
        assertTrue(g.out().startsWith("Part 1: error against copies on " + MODEL + ", N = 8"), g.out());
        assertEquals(4, g.out().lines().filter(l -> l.endsWith("  measured") && l.contains("   7   2 ")).count(), g.out());
        LearningCommandsTest.Result s = run("scaling", "--model", "../examples/models/family.json", "--min-k", "3", "--max-k", "5", "--json");
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("\"model\" : \"../examples/models/family.json\""), s.out());
        assertTrue(s.out().contains("\"k\" : 5"), s.out());
    }
}
