package org.qdl.cli.gnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qdl gnn graphs --checkpoint}: a run stopped mid-way and rerun gives the uninterrupted run's curves. */
class GnnGraphsResumeTest {
    static String[] args(Path tmp, String json, String... extra) {
        String[] base = {"gnn", "graphs", "--dataset", "synthetic", "--model", "both", "--run-folds", "2", "--epochs", "5", "--set", "hidden=8",
            "--set", "norm=batch", "--set", "dropout=0.2", "--json", tmp.resolve(json).toString()};
        String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void stoppedRunResumesToTheUninterruptedCurves(@TempDir Path tmp) throws Exception {
        GnnCliTest.Run plain = GnnCliTest.run(args(tmp, "plain.json"));
        assertEquals(0, plain.code(), plain.err());
        String ck = tmp.resolve("ck").toString();
        GnnCliTest.Run first = GnnCliTest.run(args(tmp, "resumed.json", "--checkpoint", ck, "--epochs-this-session", "3"));
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("rerun the same command to continue"), first.out());
        assertFalse(Files.exists(tmp.resolve("resumed.json")), "no results from a stopped run");
        GnnCliTest.Run second = GnnCliTest.run(args(tmp, "resumed.json", "--checkpoint", ck));
        assertEquals(0, second.code(), second.err());
        assertTrue(second.err().contains("resumed after epoch 3/5"), second.err());
        ObjectMapper m = new ObjectMapper();
        JsonNode a = m.readTree(tmp.resolve("plain.json").toFile()), b = m.readTree(tmp.resolve("resumed.json").toFile());
        for (String model : new String[] {"poly", "prelu"}) {
            assertEquals(a.get(model).get("curves"), b.get(model).get("curves"), model);
            assertEquals(a.get(model).get("perFoldBest"), b.get(model).get("perFoldBest"), model);
        }
        GnnCliTest.Run bad = GnnCliTest.run(args(tmp, "x.json", "--epochs-this-session", "2"));
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--epochs-this-session needs --checkpoint"), bad.err());
    }
}
