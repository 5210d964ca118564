package org.qdl.sim.qasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qdl.sim.gate.Circuit;
import org.qdl.sim.gate.Gates;
import org.qdl.sim.Parallel;
import org.qdl.sim.state.StateVector;

/** What programs mean: expressions, register layout, broadcasting, user gates, measure/reset/if. */
class QasmSemanticsTest {
    private static final String H = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n";

    private static QasmProgram parse(String body) {
        return QasmProgram.parse(H + body, "t.qasm");
    }

    @Test
    void parameterExpressions() {
        Object[][] cases = {
            {"-2^2", -4.0}, {"2^3^2", 512.0}, {"-pi/2+3*2", -Math.PI / 2 + 6}, {"sin(pi/6)*2", 1.0},
            {"sqrt(16)-ln(exp(2))", 2.0}, {"tan(pi/4)", 1.0}, {"1.5e1/3", 5.0}, {"(1+2)*3", 9.0}, {"2*-3", -6.0},
            {"-(1-3)", 2.0}, {"cos(0)+.5", 1.5}, {"8/2/2", 2.0}, {"2-3-4", -5.0}, {"+3", 3.0}, {"1E-1", 0.1},
        };
        for (Object[] c : cases) {
            QasmProgram p = parse("qreg q[1];\nU(" + c[0] + ", 0, 0) q[0];");
            double expected = (Double) c[1];
            assertTrue(((Op.Apply) p.ops().get(0)).gate().matrix().distance(Gates.u3(expected, 0, 0)) < 1e-12, c[0] + " should be " + expected);
        }
    }

    private static int[][] qubitsOf(QasmProgram p) {
        return p.ops().stream().map(o -> ((Op.Apply) o).gate().qubits()).toArray(int[][]::new);
    }

    @Test
    void registersAreLaidOutInDeclarationOrderAndBroadcast() {
        QasmProgram p = parse("qreg a[2];\nqreg b[3];\nh b;\ncx a, b[2];");
        assertEquals(5, p.numQubits());
        assertEquals(List.of(new Register("a", 0, 2), new Register("b", 2, 3)), p.qregs());
        // h b → h on 2, 3, 4 ; cx a, b[2] → cx(0, 4), cx(1, 4)   (gate qubits(): target first, then controls)
        assertArrayEquals(new int[][] {{2}, {3}, {4}, {4, 0}, {4, 1}}, qubitsOf(p));
        QasmProgram q = parse("qreg a[2];\nqreg b[2];\ncx a, b;\nbarrier a, b[1];\nswap a, b;");
        assertArrayEquals(new int[][] {{2, 0}, {3, 1}, {0, 2}, {1, 3}}, qubitsOf(q));
    }

    @Test
    void userGatesWithParametersExpandToTheirBodies() {
        QasmProgram p = parse("gate my(t, s) x, y { rx(t/2) x; cx x, y; barrier x, y; u1(s*t) y; }\n"
                + "gate twice(t) a, b { my(t, 1) a, b; my(-t, 2) b, a; }\n"
                + "qreg q[3];\nh q;\ntwice(pi/3) q[2], q[0];");
        Circuit ref = new Circuit(3).h(0).h(1).h(2);
        double t = Math.PI / 3;
        ref.rx(2, t / 2).cx(2, 0).u1(0, t).rx(0, -t / 2).cx(0, 2).u1(2, -2 * t);
        StateVector a = QasmRunner.run(p, 0, 1).state(), b = ref.run();
        assertEquals(1.0, a.inner(b).re(), 1e-12);
    }

    @Test
    void staticProgramSamplesTheFinalStateAndKeepsItUnmeasured() {
        QasmProgram p = parse("qreg q[2];\ncreg c[2];\nh q[0];\ncx q[0], q[1];\nmeasure q -> c;");
        assertFalse(p.isDynamic());
        QasmRunner.Result r = QasmRunner.run(p, 4000, 5);
        assertTrue(r.stateIsExact());
        assertEquals(0.5, r.state().probability(0), 1e-14, "state before measurement");
        assertEquals(2, r.counts().size());
        int c00 = r.counts().get("00"), c11 = r.counts().get("11");
        assertEquals(4000, c00 + c11);
        assertTrue(Math.abs(c00 - 2000) < 5 * Math.sqrt(1000), "counts " + r.counts());
    }

    @Test
    void countKeysListRegistersLastDeclaredFirst() {
        QasmProgram p = parse("qreg q[3];\ncreg a[2];\ncreg b[1];\nx q[0];\nx q[2];\nmeasure q[0] -> a[1];\nmeasure q[1] -> a[0];\nmeasure q[2] -> b[0];");
        assertEquals(Map.of("1 10", 7), QasmRunner.run(p, 7, 1).counts());
        QasmProgram full = parse("qreg q[3];\nx q[1];"); // no measure: full-register bitstrings, qubit 2 first
        assertEquals(Map.of("010", 3), QasmRunner.run(full, 3, 1).counts());
    }

    @Test
    void measureResetAndIfAreSimulatedShotByShot() {
        QasmProgram p = parse("qreg q[2];\ncreg c[1];\ncreg d[1];\nx q[0];\nmeasure q[0] -> c[0];\nif (c == 1) x q[1];\n"
                + "if (c == 0) x q[0];\nmeasure q[1] -> d[0];\nreset q[0];");
        assertTrue(p.isDynamic());
        QasmRunner.Result r = QasmRunner.run(p, 50, 1);
        assertEquals(Map.of("1 1", 50), r.counts());
        assertFalse(r.stateIsExact());
        assertEquals(1.0, r.state().probability(2), 1e-14, "q0 reset to 0, q1 flipped to 1");
        // a multi-bit condition compares the whole register as an integer (bit 0 = c[0])
        QasmProgram multi = parse("qreg q[3];\ncreg c[2];\ncreg d[1];\nx q[1];\nmeasure q[0] -> c[0];\nmeasure q[1] -> c[1];\n"
                + "if (c == 2) x q[2];\nif (c == 1) h q[2];\nmeasure q[2] -> d[0];");
        assertEquals(Map.of("1 10", 20), QasmRunner.run(multi, 20, 4).counts());
        // reset of a superposition always gives 0
        QasmRunner.Result z = QasmRunner.run(parse("qreg q[1];\ncreg c[1];\nh q[0];\nreset q[0];\nmeasure q[0] -> c[0];"), 200, 2);
        assertEquals(Map.of("0", 200), z.counts());
    }

    /** Teleportation with feed-forward: P(m = 1) = sin²(θ/2) whatever the intermediate outcomes. */
    @Test
    void teleportationStatistics() {
        double theta = 1.1, p1 = Math.pow(Math.sin(theta / 2), 2);
        QasmProgram p = parse("qreg q[3];\ncreg c0[1];\ncreg c1[1];\ncreg m[1];\nry(" + theta + ") q[0];\nh q[1];\ncx q[1], q[2];\n"
                + "cx q[0], q[1];\nh q[0];\nmeasure q[0] -> c0[0];\nmeasure q[1] -> c1[0];\nif (c1 == 1) x q[2];\nif (c0 == 1) z q[2];\n"
                + "measure q[2] -> m[0];");
        int shots = 4000;
        QasmRunner.Result r = QasmRunner.run(p, shots, 11);
        int ones = 0, total = 0;
        int[] branch = new int[4];
        for (Map.Entry<String, Integer> e : r.counts().entrySet()) {
            total += e.getValue();
            if (e.getKey().startsWith("1")) ones += e.getValue();
            branch[(e.getKey().charAt(2) - '0') * 2 + (e.getKey().charAt(4) - '0')] += e.getValue();
        }
        assertEquals(shots, total);
        double sd = Math.sqrt(shots * p1 * (1 - p1));
        assertTrue(Math.abs(ones - shots * p1) < 5 * sd, ones + " vs " + shots * p1);
        for (int b : branch) assertTrue(Math.abs(b - shots / 4.0) < 5 * Math.sqrt(shots * 0.25 * 0.75), "Bell outcomes uniform");
    }

    @Test
    void sameSeedSameCountsWhateverTheThreadCount() {
        QasmProgram dynamic = parse("qreg q[16];\ncreg c[16];\nh q;\ncx q[0], q[15];\nmeasure q[0] -> c[0];\nif (c == 1) ry(0.3) q;\nmeasure q -> c;");
        QasmProgram stat = parse("qreg q[17];\ncreg c[17];\nry(0.4) q;\ncz q[0], q[9];\nmeasure q -> c;");
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            Map<String, Integer> d1 = QasmRunner.run(dynamic, 30, 9).counts(), s1 = QasmRunner.run(stat, 3000, 9).counts();
            Parallel.setThreads(2);
            Map<String, Integer> d2 = QasmRunner.run(dynamic, 30, 9).counts(), s2 = QasmRunner.run(stat, 3000, 9).counts();
            assertEquals(d1, d2);
            assertEquals(s1, s2);
            assertTrue(!s1.equals(QasmRunner.run(stat, 3000, 10).counts()), "another seed gives other counts");
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void commentsAndFormattingAreFree() {
        QasmProgram p = QasmProgram.parse("// header next\nOPENQASM 2.0; /* block\ncomment */ include \"qelib1.inc\";\n"
                + "qreg q[1]; creg c[1]; x q[0]; measure q[0]->c[0];", "t.qasm");
        assertEquals(Map.of("1", 5), QasmRunner.run(p, 5, 1).counts());
    }
}
