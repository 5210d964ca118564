package org.qdl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qdl run} end to end through Main: tables, JSON, exit codes. */
class RunCommandTest {
    record Outcome(int code, String out, String err) {}

    static Outcome qdl(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    /** The repository root: the nearest ancestor holding .ci. */
    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve(".ci"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("no .ci directory above " + Path.of("").toAbsolutePath());
        return p;
    }

    @Test
    void bellExamplePrintsCountsAndExactExpectations() {
        Outcome o = qdl("run", repoRoot().resolve("examples/bell.qasm").toString(), "--shots", "2000", "--seed", "3",
                "--expect", "Z0 Z1", "--expect", "0.5 X0 X1 - Z0");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("00") && o.out().contains("11") && !o.out().contains("01 "), o.out());
        assertTrue(o.out().contains("Z0 Z1") && o.out().contains(" 1.000000000000"), o.out());
        assertTrue(o.out().contains("0.500000000000"), o.out());
        assertEquals("", o.err());
    }

    @Test
    void jsonParsesAndIsConsistent() throws IOException {
        Outcome o = qdl("run", repoRoot().resolve("examples/teleport.qasm").toString(), "--shots", "3000", "--seed", "7", "--json",
                "--expect", "Z2");
        assertEquals(0, o.code(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertEquals(3, j.get("qubits").asInt());
        assertEquals(3000, j.get("shots").asInt());
        assertEquals("last-shot", j.get("state").asText());
        int total = 0, ones = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = j.get("counts").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            total += e.getValue().asInt();
            if (e.getKey().startsWith("1")) ones += e.getValue().asInt();
        }
        assertEquals(3000, total);
        double p1 = 0.25; // sin²(π/6)
        assertTrue(Math.abs(ones - 3000 * p1) < 5 * Math.sqrt(3000 * p1 * (1 - p1)), "teleported |1⟩ count " + ones);
        double z2 = j.get("expectations").get(0).get("value").asDouble();
        assertTrue(Math.abs(Math.abs(z2) - 1) < 1e-12, "q2 was measured in the last shot, so ⟨Z2⟩ = ±1: " + z2);
        // same seed, same output
        assertEquals(o.out(), qdl("run", repoRoot().resolve("examples/teleport.qasm").toString(), "--shots", "3000", "--seed", "7", "--json",
                "--expect", "Z2").out());
    }

    @Test
    void fusedAndComplex64RunsAgreeWithGateByGate() throws IOException {
        String qft = repoRoot().resolve("examples/qft3.qasm").toString();
        double exact = Math.cos(2 * Math.PI * 5 / 8);
        for (String[] mode : new String[][] {{"--fuse"}, {"--precision", "single"}}) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", qft, "--json", "--shots", "0", "--expect", "X0"));
            args.addAll(java.util.List.of(mode));
            Outcome o = qdl(args.toArray(String[]::new));
            assertEquals(0, o.code(), o.err());
            JsonNode j = new ObjectMapper().readTree(o.out());
            double tol = mode.length > 1 ? 1e-6 : 1e-12;
            assertEquals(exact, j.get("expectations").get(0).get("value").asDouble(), tol, String.join(" ", mode));
            assertEquals(mode.length > 1 ? "complex64" : "complex128", j.get("precision").asText());
        }
        // complex64 needs a static program; a bad precision is a usage error
        Outcome dyn = qdl("run", repoRoot().resolve("examples/teleport.qasm").toString(), "--precision", "single");
        assertEquals(2, dyn.code());
        assertTrue(dyn.err().contains("complex64 runs only programs without mid-circuit"), dyn.err());
        Outcome bad = qdl("run", qft, "--precision", "half");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--precision must be double or single, got 'half'"), bad.err());
    }

    @Test
    void complex64OnAnEightQubitCircuitSamplesLikeComplex128(@TempDir Path dir) throws IOException {
        // 8 qubits: fusion blocks of 2^6 amplitudes, so the single-precision SIMD kernels run
        StringBuilder q = new StringBuilder("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[8];\ncreg c[8];\n");
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        for (int layer = 0; layer < 10; layer++) {
            for (int i = 0; i < 8; i++) q.append(String.format(java.util.Locale.ROOT, "u3(%.6f,%.6f,%.6f) q[%d];%n", rnd.nextDouble(6), rnd.nextDouble(6), rnd.nextDouble(6), i));
            for (int i = layer % 2; i + 1 < 8; i += 2) q.append("cz q[").append(i).append("],q[").append(i + 1).append("];\n");
        }
        q.append("measure q -> c;\n");
        Path file = dir.resolve("random8.qasm");
        Files.writeString(file, q.toString());
        JsonNode d = new ObjectMapper().readTree(qdl("run", file.toString(), "--shots", "4000", "--seed", "9", "--json", "--expect", "Z0 Z5").out());
        Outcome o = qdl("run", file.toString(), "--shots", "4000", "--seed", "9", "--json", "--expect", "Z0 Z5", "--precision", "single");
        assertEquals(0, o.code(), o.err());
        JsonNode f = new ObjectMapper().readTree(o.out());
        assertEquals("complex64", f.get("precision").asText());
        assertEquals(d.get("expectations").get(0).get("value").asDouble(), f.get("expectations").get(0).get("value").asDouble(), 1e-5);
        // the same uniform draws against probabilities that differ by ~1e-7: at most a shot or two moves
        int moved = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = d.get("counts").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            moved += Math.abs(e.getValue().asInt() - (f.get("counts").has(e.getKey()) ? f.get("counts").get(e.getKey()).asInt() : 0));
        }
        assertTrue(moved <= 4, moved + " shots differ");
        assertTrue(d.get("counts").size() > 100, "a spread distribution: " + d.get("counts").size() + " outcomes");
    }

    @Test
    void exactExpectationOfQftExample() throws IOException {
        Outcome o = qdl("run", repoRoot().resolve("examples/qft3.qasm").toString(), "--json", "--shots", "0", "--expect", "X0");
        assertEquals(0, o.code(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        // QFT|5⟩ has amplitudes e^{2πi·5k/8}/√8, so ⟨X0⟩ = 2 Re Σ_k even conj(ψ_k) ψ_{k+1} = cos(2π·5/8)
        assertEquals(Math.cos(2 * Math.PI * 5 / 8), j.get("expectations").get(0).get("value").asDouble(), 1e-12);
        assertEquals(0, j.get("counts").size());
    }

    @Test
    void missingFileAndParseErrorsExitTwoWithOneLine(@TempDir Path dir) throws IOException {
        Outcome missing = qdl("run", dir.resolve("none.qasm").toString());
        assertEquals(2, missing.code());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().contains("no such file"), missing.err());

        Path bad = dir.resolve("bad.qasm");
        Files.writeString(bad, "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncx q[0] q[1];\n");
        Outcome parse = qdl("run", bad.toString());
        assertEquals(2, parse.code());
        assertEquals(1, parse.err().strip().lines().count(), parse.err());
        assertTrue(parse.err().contains("bad.qasm:4:9: expected ';'"), parse.err());
        assertEquals("", parse.out());

        Path ok = dir.resolve("ok.qasm");
        Files.writeString(ok, "OPENQASM 2.0;\nqreg q[2];\n");
        Outcome badObs = qdl("run", ok.toString(), "--expect", "Z5");
        assertEquals(2, badObs.code());
        assertTrue(badObs.err().contains("Z5") && badObs.err().contains("qubits 0..1"), badObs.err());
        assertEquals(2, qdl("run", ok.toString(), "--shots", "-3").code());
        assertEquals(2, qdl("run", ok.toString(), "--expect", "Q1").code());
        assertEquals(2, qdl("run").code(), "missing FILE is a usage error");
    }
}
