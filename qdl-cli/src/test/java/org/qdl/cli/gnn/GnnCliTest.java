package org.qdl.cli.gnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdl.cli.Main;

/** The gnn and datasets commands end to end: tables, files, exit codes. */
class GnnCliTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static Path shared() {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(p.resolve(".ci"))) {
            p = p.getParent();
        }
        return p.resolveSibling("shared").resolve("datasets");
    }

    @Test
    void datasetsListsTheSharedFolder() {
        Run r = run("datasets", "--data", shared().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("MUTAG") && r.out().contains("gin_format,tu_raw") && r.out().contains("planetoid_text"), r.out());
    }

    @Test
    void trainOnCsbmWritesJsonCsvAndExport(@TempDir Path tmp) throws Exception {
        Run r = run("gnn", "train", "--dataset", "csbm", "--seeds", "1", "--epochs", "10", "--hidden", "8", "--hops", "2",
                "--json", tmp.resolve("r.json").toString(), "--csv", tmp.resolve("r.csv").toString(),
                "--export", tmp.resolve("m.json").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("poly") && r.out().contains("prelu") && r.out().contains("decision"), r.out());
        assertEquals(3, Files.readAllLines(tmp.resolve("r.csv")).size());
        assertTrue(Files.readString(tmp.resolve("m.json")).contains("\"hopWeight\""));
    }

    @Test
    void userMistakesExitWithTwoAndOneLine(@TempDir Path tmp) throws Exception {
        Run r = run("gnn", "train", "--dataset", "nosuch", "--data", shared().toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no data set 'nosuch'"), r.err());
        Path bad = tmp.resolve("BAD/gin_format");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("BAD.txt"), "1\n2 0\n0 1 9\n0 0\n");
        Run g = run("gnn", "graphs", "--dataset", "BAD", "--data", tmp.toString());
        assertEquals(2, g.code());
        assertTrue(g.err().contains("BAD.txt:3: neighbour 9 outside 0..1"), g.err());
        assertEquals(1, g.err().strip().lines().count(), g.err());
    }

    /** Only offline cases: an unknown name, and a complete data set already present (nothing fetched). */
    @Test
    void downloadRefusesUnknownNamesAndKeepsVerifiedFiles(@TempDir Path tmp) throws Exception {
        Run r = run("datasets", "download", "NOPE", "--data", tmp.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no download known for data set 'NOPE'"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        Run ok = run("datasets", "download", "PROTEINS", "--data", shared().toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("0 fetched and verified, 21 already present"), ok.out());
    }
}
