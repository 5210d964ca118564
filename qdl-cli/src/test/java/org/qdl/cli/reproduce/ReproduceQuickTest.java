package org.qdl.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdl.cli.Main;

/**
 * The CI check of the paper's claims: {@code qdl reproduce --quick} over the shared data sets,
 * every study's headline must hold, and the report must carry every table, plot and file.
 */
class ReproduceQuickTest {
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
    void quickReportHoldsEveryHeadline(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("quick");
        Run r = run("reproduce", "--quick", "--data", shared().toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode doc = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertTrue(doc.get("allHeadlinesHold").asBoolean());
        List<String> names = new ArrayList<>();
        for (JsonNode s : doc.get("studies")) {
            String name = s.get("name").asText();
            names.add(name);
            assertEquals("ok", s.get("status").asText(), name);
            // a study that checks nothing would pass vacuously
            assertFalse(s.get("headlines").isEmpty(), name + " has no headline");
            for (JsonNode h : s.get("headlines")) {
                assertTrue(h.get("holds").asBoolean(), name + ": " + h.get("claim").asText() + " — " + h.get("measured").asText());
            }
            assertFalse(s.get("commands").isEmpty(), name);
            for (JsonNode f : s.get("plots")) {
                assertTrue(Files.size(out.resolve(f.asText())) > 1000, name + ": plot " + f.asText());
            }
            for (JsonNode f : s.get("files")) {
                assertTrue(Files.isRegularFile(out.resolve(f.asText())), name + ": file " + f.asText());
            }
            assertTrue(Files.isRegularFile(out.resolve(name).resolve("result.json")), name);
        }
        assertEquals(Studies.all().stream().map(Study::name).toList(), names);
        String md = Files.readString(out.resolve("report.md"));
        for (String n : names) {
            assertTrue(md.contains("<a id=\"" + n + "\"></a>"), n);
        }
        // the node and graph tables name their data sets beside the published figures
        assertTrue(md.contains("| cora |") && md.contains("78.69 ± 0.26") && md.contains("| MUTAG |") && md.contains("92.0 ± 6.5"), md);
        assertTrue(md.contains("| pubmed |") && md.contains("skipped: data missing"), md);
        assertTrue(md.contains("commit") && md.contains("JDK") && md.contains("threads"), md);

        // --resume keeps finished studies (no command runs again) and rewrites the report
        Run again = run("reproduce", "--quick", "--only", "linear,privacy", "--resume", out.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("kept from the earlier run"), again.err());
        JsonNode kept = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(2, kept.get("studies").size());
    }

    @Test
    void unknownStudyIsOneLineAndExitTwo(@TempDir Path tmp) {
        Run r = run("reproduce", "--only", "nosuch", "--out", tmp.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("unknown study 'nosuch'") && r.err().contains("gnn-graphs"), r.err());
        Run m = run("reproduce", "--resume", tmp.resolve("missing").toString());
        assertEquals(2, m.code());
        assertTrue(m.err().contains("no report directory"), m.err());
    }
}
