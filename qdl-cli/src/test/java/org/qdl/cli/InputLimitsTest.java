package org.qdl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdl.cli.fuzz.CliFuzzTestAccess;

/** The fuzz test's findings, one by one: each is exit 2 with one line naming the value, before any work (no progress line first). */
class InputLimitsTest {
    @TempDir
    Path tmp;

    static List<String> refused(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        List<String> lines = List.of(err.toString().split("\\R|\r")).stream().filter(l -> !l.isBlank()).toList();
        assertEquals(2, code, String.join("\n", lines));
        return lines;
    }

    static void oneLine(String expectedFragment, String... args) {
        List<String> lines = refused(args);
        assertEquals(1, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("qdl ") && lines.get(0).contains(expectedFragment), lines.get(0));
    }

    @Test
    void sizesNoHeapHoldsAreOneLineNamingTheHeap() {
        oneLine("need more memory than the heap's", "linear", "--dims", "8", "--eps", "0.4", "--trials", "2147483647", "--out", "unused");
    }

    @Test
    void hugeOrOverflowingCountsAreRefusedWithTheirLimits() {
        oneLine("--days must lie in 1..36500", "party", "certs", "--out", "unused", "--parties", "a", "--days", "2147483647");
        oneLine("'éé=:' is neither a DNS name nor an IP address", "party", "certs", "--out", "unused", "--parties", "a", "--hosts", "éé=:");
        oneLine("--qubits × --teacher-depth = 2147483647 exceeds 12", "expressivity", "--teacher-depth", "2147483647");
        oneLine("--parameters at most 2^20", "bench", "gradients", "--parameters", "2147483647");
        oneLine("--threads must lie in 1..4096", "bench", "sim", "--threads", "2147483647");
        oneLine("--num-folds must be at least 2", "gnn", "graphs", "--dataset", "synthetic", "--num-folds", "0");
    }

    @Test
    void valuesAreCheckedBeforeTheWorkStarts() {
        oneLine("target precision ε must be positive", "gradients", "--scaling-epsilon", "-1");
        oneLine("--scaling-epsilon must lie in (0, 1]", "gradients", "--scaling-epsilon", "1e308");
        oneLine("--dropout and --input-dropout must be in [0, 1)", "gnn", "train", "--dataset", "csbm", "--dropout", "-1");
        oneLine("unknown", "gnn", "train", "--dataset", "csbm", "--operator", "nonsense");
        oneLine("--delta must lie in (0, 1)", "gnn", "decide", "--dataset", "csbm", "--delta", "0");
        oneLine("--folds must be stratified or file, got 'x'", "gnn", "graphs", "--dataset", "synthetic", "--folds", "x");
    }

    @Test
    void aTinyPrecisionSaysHowManyShotsItWouldNeed() {
        List<String> lines = refused("gradients", "--n", "16", "--epsilons", "0.5", "--scaling-qubits", "5", "--p-max", "8", "--scaling-epsilon", "1e-9",
                "--out", tmp.toString());
        assertTrue(lines.get(lines.size() - 1).contains("shots per setting, more than 2^31 - 1: raise ε or δ"), String.join("\n", lines));
    }

    @Test
    void secretAndStateFilesOfTheWrongKindNameTheFile() throws Exception {
        Path st = tmp.resolve("st");
        assertEquals(0, CliFuzzTestAccess.inProcess("party", "example", "--out", st.toString(), "-n", "4"));
        List<String> base = List.of("party", "infer", "--local", "bob=" + st.resolve("bob"), "--data", "alice:x", "--stages", "alice:U1,bob:U2,alice:U3,bob:U4",
                "--observable", "bob:O", "--shots", "10");
        List<String> a = new java.util.ArrayList<>(base);
        a.addAll(List.of("--local", "alice=" + st.resolve("alice"), "--party", "carol=127.0.0.1:1", "--secret-file", tmp.toString()));
        oneLine(tmp + " is a directory, not a secret file", a.toArray(String[]::new));
        Files.write(st.resolve("alice/party.json"), new byte[] {'{', (byte) 0xff, '}'});
        a = new java.util.ArrayList<>(base);
        a.addAll(List.of("--local", "alice=" + st.resolve("alice")));
        oneLine(st.resolve("alice/party.json") + " is not UTF-8 text", a.toArray(String[]::new));
    }

    @Test
    void aDivergingRunEndsTheProgressLineBeforeItsError(@TempDir Path out) {
        List<String> lines = refused("train", "--n", "64", "--train", "8", "--test", "8", "--batch", "4", "--epochs", "1", "--lr", "1e308", "--out", out.toString());
        assertTrue(lines.get(lines.size() - 1).startsWith("qdl train: "), String.join("\n", lines));
    }
}
