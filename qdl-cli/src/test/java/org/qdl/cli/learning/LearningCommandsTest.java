package org.qdl.cli.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdl.cli.Main;

class LearningCommandsTest {
    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void trainWritesTablesFilesAndResumesIdentically(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a"), b = dir.resolve("b");
        Result r = run("train", "--n", "64", "--train", "8", "--test", "8", "--batch", "4", "--epochs", "2",
                "--checkpoint-every", "2", "--out", a.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("test.acc"), r.out());
        for (String f : new String[] {"train-epochs.csv", "train.json", "train-curves.png", "train-curves.svg", "train-communication.png", "train-communication.svg"}) {
            assertTrue(Files.size(a.resolve(f)) > 0, f);
        }
        assertTrue(Files.readString(a.resolve("train-curves.svg")).contains("<svg"));
        Result resumed = run("train", "--resume", a.resolve("checkpoints/checkpoint-2.json").toString(), "--out", b.toString());
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(Files.readString(a.resolve("train-epochs.csv")), Files.readString(b.resolve("train-epochs.csv")));
    }

    @Test
    void userMistakesExitTwoWithOneLine(@TempDir Path dir) {
        Result r = run("train", "--estimator", "nope", "--out", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("qdl train: unknown gradient estimator 'nope'"), r.err());
        Result notPow2 = run("train", "--n", "100", "--out", dir.toString());
        assertEquals(2, notPow2.code());
        assertTrue(notPow2.err().contains("power of two"), notPow2.err());
        Result missing = run("train", "--resume", dir.resolve("none.json").toString(), "--out", dir.toString());
        assertEquals(2, missing.code());
        Result general = run("gradients", "--p-max", "2", "--out", dir.toString());
        assertEquals(2, general.code());
    }

    @Test
    void gradientsSmallRunShowsEveryEstimator(@TempDir Path dir) throws Exception {
        Result r = run("gradients", "--n", "16", "--epsilons", "0.5", "--scaling-qubits", "5", "--p-max", "8", "--scaling-epsilon", "0.5",
                "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        for (String name : new String[] {"parameter-shift", "hadamard-test", "simultaneous", "classical-shadows", "shadow-tomography"}) {
            assertTrue(r.out().contains(name), name + " missing in\n" + r.out());
        }
        assertTrue(r.out().contains("not simulated"), r.out());
        assertTrue(Files.size(dir.resolve("gradients-scaling.svg")) > 0);
    }
}
