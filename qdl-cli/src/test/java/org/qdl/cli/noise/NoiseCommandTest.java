package org.qdl.cli.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdl.cli.Main;

/** {@code qdl noise} and {@code qdl scaling --noise} end to end at small sizes, with exit codes. */
class NoiseCommandTest {
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void studyWritesTablesFilesAndAgreesWithTheExecutedRun(@TempDir Path dir) throws Exception {
        Run r = run("noise", "--max-k", "8", "--at-k", "8", "--levels", "0,0.01", "--link-km", "0,1", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        for (String s : List.of("crossover", "largest p with advantage", "density matrix", "Executed")) assertTrue(r.out().contains(s), s + " in\n" + r.out());
        for (String f : List.of("noise.csv", "noise.json", "noise.png", "noise.svg")) assertTrue(Files.size(dir.resolve(f)) > 100, f);
        JsonNode doc = new ObjectMapper().readTree(dir.resolve("noise.json").toFile());
        assertEquals(5 * 2 * 2, doc.get("rows").size());
        for (JsonNode row : doc.get("rows")) {
            if (row.get("p").asDouble() == 0 && row.get("km").asDouble() == 0) {
                // Noiseless rows are the executed scaling budget: 4,239 shots of 3 hops × n qubits.
                assertEquals(4239, row.get("shots").asLong());
                assertEquals(4239.0 * 3 * row.get("qubitsPerHop").asInt(), row.get("totalQubits").asDouble(), 1e-6);
            }
            assertEquals(row.get("classicalBits").asDouble() / row.get("totalQubits").asDouble(), row.get("ratio").asDouble(), 1e-9);
        }
        JsonNode e = doc.get("executed");
        assertEquals(e.get("predictedShots").asLong(), e.get("shots").asLong(), "rescaled run uses the model's shot count");
        assertTrue(e.get("lostQubits").asLong() > 0, "1 km of fibre loses qubits");
        double expected = e.get("expectedSentQubits").asDouble(), sent = e.get("sentQubits").asDouble();
        assertEquals(expected, sent, 0.05 * expected, "sent qubits against the loss model");
    }

    @Test
    void scalingTakesLinkNoise() throws Exception {
        Run clean = run("scaling", "--min-k", "4", "--max-k", "5", "--json");
        Run noisy = run("scaling", "--min-k", "4", "--max-k", "5", "--json", "--noise", "depolarizing:0.02", "--link-loss", "0.05");
        assertEquals(0, noisy.code(), noisy.err());
        JsonNode a = new ObjectMapper().readTree(clean.out()), b = new ObjectMapper().readTree(noisy.out());
        assertTrue(b.get("noise").asText().contains("depolarizing:0.02"));
        for (int i = 0; i < 2; i++) {
            JsonNode ra = a.get("rows").get(i), rb = b.get("rows").get(i);
            assertEquals(ra.get("shots").asLong(), rb.get("shots").asLong());
            assertTrue(rb.get("totalQubits").asLong() > ra.get("totalQubits").asLong(), "lost attempts cost qubits");
            assertEquals(ra.get("exact").asDouble(), rb.get("exact").asDouble(), 1e-15, "exact stays the noiseless value");
        }
    }

    @Test
    void badNoiseOptionsExitTwoWithOneLine() {
        for (String[] args : List.of(new String[] {"scaling", "--noise", "foo:1"}, new String[] {"scaling", "--link-km", "1", "--link-loss", "0.1"},
                new String[] {"scaling", "--noise", "depolarizing:2"}, new String[] {"noise", "--levels", "2"},
                new String[] {"noise", "--link-km", "-3"}, new String[] {"bench", "noise", "--noise", "dephasing:x"},
                new String[] {"scaling", "--hard", "--noise", "dephasing:0.1"})) {
            Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            String last = r.err().strip().lines().reduce((x, y) -> y).orElse("");
            assertTrue(last.startsWith("qdl "), String.join(" ", args) + ": " + r.err());
            assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), r.err());
        }
    }
}
