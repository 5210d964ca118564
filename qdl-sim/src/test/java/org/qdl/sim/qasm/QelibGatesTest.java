package org.qdl.sim.qasm;

import org.qdl.sim.gate.GateSamples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qdl.sim.state.ComplexMatrix;
import org.qdl.sim.gate.Gate;
import org.qdl.sim.gate.StandardGates;
import org.qdl.sim.state.StateVector;

/**
 * Every native qelib1 gate against the matrix that qelib1.inc's own definition produces when the
 * definition is run as a user gate built from U and CX (global phase included).
 */
class QelibGatesTest {
    /** The gate names of qelib1.inc (Qiskit edition), listed independently of the code under test. */
    static final java.util.Set<String> QELIB1 = java.util.Set.of("u3", "u2", "u1", "cx", "id", "u0", "u", "p", "x", "y", "z",
            "h", "s", "sdg", "t", "tdg", "rx", "ry", "rz", "sx", "sxdg", "cz", "cy", "swap", "ch", "ccx", "cswap", "crx", "cry",
            "crz", "cu1", "cp", "cu3", "csx", "cu", "rxx", "rzz", "rccx", "rc3x", "c3x", "c3sqrtx", "c4x");

    private static final String DEFS = QasmTestSupport.qelib1Definitions();

    static double[] randomParams(int k, SplittableRandom rnd) {
        double[] p = new double[k];
        for (int i = 0; i < k; i++) p[i] = rnd.nextDouble(-2 * Math.PI, 2 * Math.PI);
        return p;
    }

    static String call(String name, double[] p, int[] qubits) {
        StringBuilder sb = new StringBuilder(name);
        if (p.length > 0) {
            sb.append('(');
            for (int i = 0; i < p.length; i++) sb.append(i == 0 ? "" : ",").append(p[i]);
            sb.append(')');
        }
        for (int i = 0; i < qubits.length; i++) sb.append(i == 0 ? " " : ",").append("q[").append(qubits[i]).append(']');
        return sb.append(";\n").toString();
    }

    /** Full 2^n matrix of a native gate, embedded by the independent dense reference. */
    static ComplexMatrix embedded(int n, Gate g) {
        double[][][] m = org.qdl.sim.DenseReference.embed(n, g.qubits(), g.matrix());
        int d = 1 << n;
        double[] re = new double[d * d], im = new double[d * d];
        for (int r = 0; r < d; r++) for (int c = 0; c < d; c++) {
            re[r * d + c] = m[0][r][c];
            im[r * d + c] = m[1][r][c];
        }
        return ComplexMatrix.of(d, re, im);
    }

    @Test
    void everyNativeGateEqualsItsQelib1Definition() {
        SplittableRandom rnd = new SplittableRandom(3);
        int checked = 0;
        for (String name : StandardGates.qelib1Names()) {
            StandardGates.Signature sig = StandardGates.signature(name);
            for (int trial = 0; trial < 3; trial++) {
                int n = sig.qubits() + (trial == 0 ? 0 : 1);
                int[] qubits = org.qdl.sim.gate.GateSamples.distinctQubits(n, sig.qubits(), rnd);
                double[] p = randomParams(sig.params(), rnd);
                String src = "OPENQASM 2.0;\n" + DEFS + "qreg q[" + n + "];\n" + call(name, p, qubits);
                ComplexMatrix fromDefinition = QasmProgram.parse(src, name + ".qasm").circuit().unitary();
                ComplexMatrix nativeGate = embedded(n, StandardGates.of(name, p, qubits));
                assertTrue(fromDefinition.distance(nativeGate) < 1e-10,
                        name + " on " + java.util.Arrays.toString(qubits) + ": native differs from qelib1 definition by "
                                + fromDefinition.distance(nativeGate) + "\nnative:\n" + nativeGate + "definition:\n" + fromDefinition);
                assertTrue(nativeGate.unitarityError() < 1e-12, name);
                checked++;
            }
        }
        assertEquals(QELIB1.size() * 3, checked);
        assertEquals(QELIB1, new java.util.HashSet<>(StandardGates.qelib1Names()));
    }

    /** A file applying every qelib1 gate (with include) gives the same state as the written-out definitions. */
    @Test
    void programUsingEveryGateMatchesDefinitions() {
        String body = QasmTestSupport.resource("every-gate.qasm");
        QasmProgram withInclude = QasmProgram.parse(body, "every-gate.qasm");
        QasmProgram withDefs = QasmProgram.parse(body.replace("include \"qelib1.inc\";", DEFS), "every-gate-defs.qasm");
        StateVector a = QasmRunner.run(withInclude, 0, 1).state();
        StateVector b = QasmRunner.run(withDefs, 0, 1).state();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (Op o : withInclude.ops()) used.add(((Op.Apply) o).gate().name().replaceAll("\\(.*", ""));
        assertTrue(used.containsAll(StandardGates.qelib1Names()), "every-gate.qasm misses " + missing(used));
        assertEquals(1.0, a.fidelity(b), 1e-12);
        assertEquals(1.0, a.inner(b).re(), 1e-10, "same state including global phase");
        assertEquals(1.0, a.normSquared(), 1e-12);
    }

    private static java.util.Set<String> missing(java.util.Set<String> used) {
        java.util.Set<String> m = new java.util.TreeSet<>(StandardGates.qelib1Names());
        m.removeAll(used);
        return m;
    }

    /** rccx is a Toffoli up to relative phases: the same permutation, entries of modulus one. */
    @Test
    void relativePhaseToffolisPermuteLikeToffolis() {
        ComplexMatrix rccx = embedded(3, StandardGates.of("rccx", new double[0], 0, 1, 2));
        ComplexMatrix ccx = embedded(3, StandardGates.of("ccx", new double[0], 0, 1, 2));
        ComplexMatrix rc3x = embedded(4, StandardGates.of("rc3x", new double[0], 0, 1, 2, 3));
        ComplexMatrix c3x = embedded(4, StandardGates.of("c3x", new double[0], 0, 1, 2, 3));
        for (ComplexMatrix[] pair : new ComplexMatrix[][] {{rccx, ccx}, {rc3x, c3x}}) {
            for (int r = 0; r < pair[0].dim(); r++) for (int c = 0; c < pair[0].dim(); c++) {
                assertEquals(pair[1].get(r, c).abs(), pair[0].get(r, c).abs(), 1e-12);
            }
        }
    }
}
