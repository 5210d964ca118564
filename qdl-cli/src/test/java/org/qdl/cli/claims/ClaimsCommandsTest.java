package org.qdl.cli.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdl.cli.Main;

class ClaimsCommandsTest {
    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void expressivityPrintsTheTableAndWritesPlots(@TempDir Path dir) throws Exception {
        Run r = run("expressivity", "--max-depth", "2", "--teacher-depth", "1", "--train-points", "8", "--iterations", "20",
                "--restarts", "1", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("exponential"), r.out());
        for (String f : new String[] {"expressivity.csv", "expressivity-frequencies.png", "expressivity-frequencies.svg", "expressivity-fit.png"}) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        // the CSV's analytic counts: linear 3, 5; exponential 3, 9
        String csv = Files.readString(dir.resolve("expressivity.csv"));
        assertTrue(csv.contains("\nexponential,2,9,4,9,0,"), csv);
    }

    @Test
    void linearAndPrivacyRunAndReportTheHolevoBound(@TempDir Path dir) throws Exception {
        Run l = run("linear", "--dims", "8,64", "--eps", "0.4,0.3", "--trials", "2", "--out", dir.toString());
        assertEquals(0, l.code(), l.err());
        assertTrue(l.out().contains("Holevo χ ≤"), l.out());
        assertTrue(Files.size(dir.resolve("linear-vs-n.svg")) > 0);
        Run p = run("privacy", "--n", "8", "--copies", "40,400", "--trials", "2", "--out", dir.toString());
        assertEquals(0, p.code(), p.err());
        assertTrue(p.out().contains("clear text: 8 numbers = 512 bits"), p.out());
        assertTrue(Files.size(dir.resolve("privacy-attack.png")) > 0);
    }

    @Test
    void badInputIsAOneLineUsageError(@TempDir Path dir) {
        Run r = run("linear", "--eps", "1.5", "--out", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("ε must be in (0, 1)"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        Run p = run("privacy", "--n", "8", "--copies", "2", "--trials", "1", "--out", dir.toString());
        assertEquals(2, p.code());
        assertTrue(p.err().contains("at least 4 copies"), p.err());
    }
}
