package org.qdl.protocol.model.qasm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qdl.protocol.model.PauliLayer;
import org.qdl.sim.state.Complex;
import org.qdl.sim.state.StateVector;
import org.qdl.sim.qasm.QasmProgram;

/**
 * The OpenQASM → PauliLayer compilation against the OpenQASM simulator itself: the same circuit
 * with the parameters written in as numbers gives the same state, to 1e-12 (up to the global phase
 * qelib1's rz/p/u1/rzz/rxx carry; exactly equal when only rx/ry carry parameters).
 */
class QasmLayerTest {
    static final String TEMPLATE = """
            OPENQASM 2.0;
            include "qelib1.inc";
            input float[64] a;
            input float[64] b;
            input angle c;
            gate block(t) x, y { ry(t) x; cx x, y; rzz(t) x, y; }
            qreg q[3];
            qreg r[1];
            h q;
            rx(a) q[0];
            ry(b) q[1];
            block(c) q[2], r[0];
            rz(a) q[2];
            p(b) r[0];
            u1(c) q[0];
            rxx(a) q[0], r[0];
            u3(0.3, -0.2, 1.1) q[1];
            ccx q[0], q[1], r[0];
            ry(a) q[2];
            """;

    static StateVector randomState(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] re = new double[1 << n], im = new double[1 << n];
        double s = 0;
        for (int i = 0; i < re.length; i++) {
            re[i] = r.nextGaussian();
            im[i] = r.nextGaussian();
            s += re[i] * re[i] + im[i] * im[i];
        }
        for (int i = 0; i < re.length; i++) {
            re[i] /= Math.sqrt(s);
            im[i] /= Math.sqrt(s);
        }
        return StateVector.of(re, im);
    }

    /** max_i |a_i·e^{iφ} − b_i| for the phase φ that aligns a with b. */
    static double distanceUpToPhase(StateVector a, StateVector b) {
        Complex o = a.inner(b); // ⟨a|b⟩
        double abs = Math.hypot(o.re(), o.im());
        double c = o.re() / abs, s = o.im() / abs;
        double d = 0;
        for (int i = 0; i < a.dimension(); i++) {
            double re = a.realArray()[i] * c - a.imagArray()[i] * s, im = a.realArray()[i] * s + a.imagArray()[i] * c;
            d = Math.max(d, Math.hypot(re - b.realArray()[i], im - b.imagArray()[i]));
        }
        return d;
    }

    static double maxDifference(StateVector a, StateVector b) {
        double d = 0;
        for (int i = 0; i < a.dimension(); i++) {
            d = Math.max(d, Math.hypot(a.realArray()[i] - b.realArray()[i], a.imagArray()[i] - b.imagArray()[i]));
        }
        return d;
    }

    static String substitute(String template, List<String> names, double[] theta) {
        StringBuilder out = new StringBuilder();
        for (String line : template.split("\n")) {
            if (line.startsWith("input ")) continue;
            String l = line;
            if (!line.startsWith("gate ")) for (int j = 0; j < names.size(); j++) l = l.replaceAll("\\b" + names.get(j) + "\\b", Double.toString(theta[j]));
            out.append(l).append('\n');
        }
        return out.toString();
    }

    @Test
    void compiledLayerEqualsTheQasmSimulator() {
        QasmLayer ql = QasmLayer.parse(TEMPLATE, "t.qasm", List.of());
        assertEquals(List.of("a", "b", "c"), ql.parameterNames());
        assertEquals(4, ql.numQubits());
        SplittableRandom rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 5; trial++) {
            double[] theta = {rnd.nextDouble(-4, 4), rnd.nextDouble(-4, 4), rnd.nextDouble(-4, 4)};
            PauliLayer layer = ql.layer(theta);
            assertEquals(9, layer.generators().size()); // rx, ry, ry and rzz in block, rz, p, u1, rxx, ry
            StateVector s0 = randomState(4, trial);
            StateVector viaLayer = s0.copy(), viaQasm = s0.copy();
            layer.apply(viaLayer);
            QasmProgram.parse(substitute(TEMPLATE, ql.parameterNames(), theta), "numeric.qasm").circuit().apply(viaQasm);
            assertEquals(1.0, Math.hypot(viaLayer.inner(viaQasm).re(), viaLayer.inner(viaQasm).im()), 1e-12);
            assertEquals(0.0, distanceUpToPhase(viaLayer, viaQasm), 1e-12);
        }
    }

    @Test
    void withOnlyRxRyTheStatesAreEqualExactly() {
        String t = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\ninput float[64] u;\nqreg q[2];\nh q[1];\nrx(u) q[0];\ncx q[0], q[1];\nry(v) q[1];\nry(u) q[0];\n";
        QasmLayer ql = QasmLayer.parse(t, "xy.qasm", List.of("v")); // v listed by the caller, u declared in the file
        assertEquals(List.of("u", "v"), ql.parameterNames());
        double[] theta = {0.77, -1.9};
        StateVector a = randomState(2, 9), b = a.copy();
        ql.layer(theta).apply(a);
        QasmProgram.parse(substitute(t, ql.parameterNames(), theta), "n.qasm").circuit().apply(b);
        assertEquals(0.0, maxDifference(a, b), 1e-12);
        // the parameter u drives two rotations: shared parameter index 0
        assertEquals(List.of(0, 1, 0), ql.layer(theta).steps().stream().filter(PauliLayer.Step::isRotation).map(PauliLayer.Step::parameter).toList());
    }
}
