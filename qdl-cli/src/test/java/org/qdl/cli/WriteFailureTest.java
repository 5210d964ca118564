package org.qdl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdl.cli.fuzz.CliFuzzTestAccess;

/** Output that cannot be written is never lost silently: exit 1 with one line; output paths are checked before any work. */
class WriteFailureTest {
    @TempDir
    Path tmp;

    record Run(int code, List<String> err) {}

    static Run run(PrintWriter out, String... args) {
        StringWriter err = new StringWriter();
        int code = Main.execute(args, out, new PrintWriter(err, true));
        return new Run(code, err.toString().lines().filter(l -> !l.isBlank()).toList());
    }

    @Test
    void stdoutOnAFullDiskIsExit1() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/full")), "no /dev/full on this platform");
        String bell = CliFuzzTestAccess.repositoryRoot().resolve("examples/bell.qasm").toString();
        try (PrintWriter full = new PrintWriter(new FileOutputStream("/dev/full"), true)) {
            Run r = run(full, "run", bell, "--json");
            assertEquals(1, r.code(), r.err().toString());
            assertEquals(List.of("qdl: writing standard output failed (disk full, or its reader closed it); the output is incomplete"), r.err());
        }
    }

    @Test
    void aResultFileOnAFullDiskIsExit1NamingIt() {
        assumeTrue(Files.exists(Path.of("/dev/full")), "no /dev/full on this platform");
        Run r = run(new PrintWriter(new StringWriter()), "gnn", "train", "--dataset", "csbm", "--seeds", "1", "--epochs", "1", "--hidden", "8",
                "--hops", "1", "--model", "poly", "--csv", "/dev/full");
        assertEquals(1, r.code(), r.err().toString());
        assertEquals("qdl gnn train: cannot write /dev/full: No space left on device", r.err().get(r.err().size() - 1));
        assertFalse(r.err().stream().anyMatch(l -> l.startsWith("\tat ")), r.err().toString());
    }

    @Test
    void outputPathsAreCheckedBeforeTheWorkStarts() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Run r = run(new PrintWriter(new StringWriter()), "gnn", "train", "--dataset", "csbm", "--json", tmp.resolve("no/such/x.json").toString());
        assertEquals(new Run(2, List.of("qdl gnn train: --json " + tmp.resolve("no/such/x.json") + ": no directory " + tmp.resolve("no/such"))), r);
        r = run(new PrintWriter(new StringWriter()), "train", "--out", file.toString());
        assertEquals(new Run(2, List.of("qdl train: --out " + file + ": is a file, not a directory")), r);
        r = run(new PrintWriter(new StringWriter()), "gnn", "train", "--data", tmp.resolve("missing").toString());
        assertEquals(new Run(2, List.of("qdl gnn train: no directory " + tmp.resolve("missing") + " (--data DIR, else $QDL_DATA, else ./data)")), r);
        r = run(new PrintWriter(new StringWriter()), "gnn", "train", "--data", file.toString());
        assertEquals(new Run(2, List.of("qdl gnn train: " + file + " is a file, not a directory (--data DIR, else $QDL_DATA, else ./data)")), r);
    }

    @Test
    void runNamesTheCircuitsQubitsAndANonTextFile() throws Exception {
        String bell = CliFuzzTestAccess.repositoryRoot().resolve("examples/bell.qasm").toString();
        Run r = run(new PrintWriter(new StringWriter()), "run", bell, "--expect", "Z99");
        assertEquals(new Run(2, List.of("qdl run: --expect \"Z99\": qubit 99 is outside the circuit's qubits 0..1 (" + bell + " has 2 qubit(s))")), r);
        Path bin = Files.write(tmp.resolve("x.qasm"), new byte[] {'O', 'P', (byte) 0xc3, '(', 0});
        r = run(new PrintWriter(new StringWriter()), "run", bin.toString());
        assertEquals(new Run(2, List.of("qdl run: " + bin + " is not UTF-8 text: invalid byte 0xc3 at byte offset 2")), r);
        r = run(new PrintWriter(new StringWriter()), "run", bell, "--shots", "2147483647");
        assertEquals(0, r.code(), r.err().toString());
    }
}
