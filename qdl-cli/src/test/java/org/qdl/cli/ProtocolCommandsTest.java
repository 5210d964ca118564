package org.qdl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** The demo, scaling and bench protocol commands end to end at small sizes, with exit codes. */
class ProtocolCommandsTest {
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void demoPrintsInferenceLedgerAndComparison() {
        Run r = run("demo", "-n", "6");
        assertEquals(0, r.code(), r.err());
        for (String s : List.of("Inference", "HOEFFDING", "MEDIAN_OF_MEANS", "Ledger", "alice→bob", "classical vectors, 32-bit",
                "classical vectors, 64-bit", "(cheapest)", "Hard instance")) {
            assertTrue(r.out().contains(s), "missing '" + s + "' in\n" + r.out());
        }
    }

    @Test
    void demoJsonIsConsistentWithItsLedger() throws Exception {
        Run r = run("demo", "-n", "5", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        JsonNode h = doc.get("inference").get(0);
        assertEquals(h.get("shots").asLong() * h.get("qubitsPerShot").asLong(), h.get("totalQubits").asLong());
        // U1@alice, U2@bob, U3@alice, U4@bob, D@bob, O@bob: three hops of 5 qubits per shot
        assertEquals(15, h.get("qubitsPerShot").asLong());
        long ledgerQubits = 0;
        for (JsonNode l : doc.get("ledger")) ledgerQubits += l.get("qubits").asLong();
        assertEquals(h.get("totalQubits").asLong(), ledgerQubits);
        assertTrue(doc.get("hardInstance").get("correct").asBoolean());
    }

    @Test
    void scalingWritesTableCsvJsonAndPlots(@TempDir Path dir) throws Exception {
        Run r = run("scaling", "--min-k", "4", "--max-k", "6", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Fitted log-log slopes"), r.out());
        assertTrue(r.err().contains("N = 2^6 done"), "progress on stderr: " + r.err());
        for (String f : List.of("scaling.csv", "scaling.json", "scaling.png", "scaling.svg")) {
            assertTrue(Files.size(dir.resolve(f)) > 100, f);
        }
        assertTrue(Files.readString(dir.resolve("scaling.svg")).contains("<svg"));
        List<String> csv = Files.readAllLines(dir.resolve("scaling.csv"));
        assertEquals(4, csv.size(), "header + k = 4, 5, 6");
        for (String line : csv.subList(1, csv.size())) {
            String[] c = line.split(",");
            int k = Integer.parseInt(c[0]);
            long n = Long.parseLong(c[1]), perShot = Long.parseLong(c[2]), shots = Long.parseLong(c[3]), total = Long.parseLong(c[4]);
            assertEquals(1L << k, n);
            assertEquals(3L * k, perShot, "three hops of k qubits");
            assertEquals(shots * perShot, total);
            assertEquals(3 * 2 * n * 32, Long.parseLong(c[5]), "three complex N-vectors at 32 bits");
            assertEquals(3 * 2 * n * 64, Long.parseLong(c[6]));
        }
        JsonNode doc = new ObjectMapper().readTree(dir.resolve("scaling.json").toFile());
        assertEquals(1.0, doc.get("slopes").get("classicalVectors64").asDouble(), 1e-9, "vector bits are exactly ∝ N");
    }

    @Test
    void hardScalingDecidesEveryInstance(@TempDir Path dir) throws Exception {
        Run r = run("scaling", "--hard", "--min-k", "2", "--max-k", "10", "--instances", "3", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        List<String> csv = Files.readAllLines(dir.resolve("hard-scaling.csv"));
        assertEquals(10, csv.size());
        for (String line : csv.subList(1, csv.size())) {
            String[] c = line.split(",");
            assertEquals(c[3], c[4], "all instances correct: " + line);
            assertEquals(c[0], c[5], "one message of log2 N qubits");
            assertEquals(Integer.parseInt(c[0]) <= 8 ? "HAAR" : "RANDOM_CIRCUIT", c[2]);
        }
        assertTrue(Files.exists(dir.resolve("hard-scaling.svg")));
        assertTrue(r.out().contains("Klartag"), r.out());
    }

    @Test
    void benchProtocolRunsAtSmallSize() {
        Run r = run("bench", "protocol", "-n", "8", "--reps", "2", "--warmup", "0", "--shots", "50");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("identical outcomes"), r.out());
    }

    @Test
    void benchSimRunsBothKernelSetsAtSmallSize() {
        for (String kernels : new String[] {"simd", "scalar"}) {
            Run r = run("bench", "sim", "--qubits", "10", "--circuit-qubits", "8", "--depth", "2", "--repeats", "1", "--kernels", kernels);
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains(kernels.equals("simd") ? "SIMD" : "scalar"), r.out());
            assertTrue(r.out().contains("2q dense"), r.out());
            assertTrue(r.out().contains("fused c64 s"), r.out());
        }
        // complex64 only: the complex128 columns are null in JSON, the complex64 time and no fidelity
        Run r = run("bench", "sim", "--qubits", "8", "--circuit-qubits", "8", "--depth", "2", "--repeats", "1", "--precision", "single", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"fusedSeconds\" : null") && r.out().contains("\"fidelityComplex64VsComplex128\" : null"), r.out());
        assertFalse(r.out().contains("NaN"), r.out());
        assertTrue(r.out().matches("(?s).*\"fusedComplex64Seconds\" : [0-9.eE-]+.*"), r.out());
    }

    @Test
    void userMistakesExitWithCodeTwoAndOneLine() {
        for (String[] args : List.of(new String[] {"scaling", "--max-k", "27"}, new String[] {"scaling", "--min-k", "8", "--max-k", "6"},
                new String[] {"demo", "-e", "0"}, new String[] {"demo", "-d", "1"}, new String[] {"demo", "-n", "2"},
                new String[] {"scaling", "--hard", "--family", "HAAR", "--min-k", "9", "--max-k", "9"},
                new String[] {"bench", "protocol", "-n", "2"}, new String[] {"scaling", "--estimator", "MEAN"},
                new String[] {"bench", "sim", "--kernels", "avx"}, new String[] {"bench", "sim", "--qubits", "4"},
                new String[] {"bench", "sim", "--precision", "half"}, new String[] {"bench", "sim", "--block-bits", "3"})) {
            Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
            assertTrue(r.err().startsWith("qdl "), r.err());
        }
    }
}
