package org.qdl.sim.gate;

import org.qdl.sim.InvalidInputException;
import org.qdl.sim.state.Complex;
import org.qdl.sim.state.ComplexMatrix;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The gates of OpenQASM 2's qelib1.inc (plus the built-ins U and CX) as native {@link Gate}s, with
 * exactly the matrices — global phases included — that qelib1's own definitions produce. Those
 * definitions differ from textbook forms by a global phase in a few places: {@code rz(φ)} is
 * u1(φ) = diag(1, e^{iφ}), {@code sx} = S†HS† = RX(π/2), {@code rzz(θ)} = diag(1, e^{iθ}, e^{iθ}, 1),
 * {@code rxx(θ)} = e^{−iθ/2} exp(−iθ X⊗X/2), {@code ch} = e^{iπ/4} CH; whereas {@code crz},
 * {@code csx}, {@code c3sqrtx} control the symmetric RZ, √X = HSH and √X exactly.
 * Qubit arguments are in qelib1 order (controls first).
 */
public final class StandardGates {
    private StandardGates() {}

    /** How to build one gate from evaluated parameters and its qubits. */
    @FunctionalInterface
    interface Factory {
        Gate make(double[] p, int[] q);
    }

    /** A gate's signature: parameter and qubit counts. */
    public record Signature(String name, int params, int qubits) {}

    private record Entry(Signature signature, Factory factory) {}

    private static final Map<String, Entry> TABLE = new LinkedHashMap<>();
    private static final Set<String> BUILT_IN = Set.of("U", "CX");

    private static void def(String name, int params, int qubits, Factory f) {
        TABLE.put(name, new Entry(new Signature(name, params, qubits), f));
    }

    private static MatrixGate one(String name, ComplexMatrix m, int q) {
        return MatrixGate.of(name, m, q);
    }

    private static MatrixGate ctl(String name, ComplexMatrix m, int[] q, int controls) {
        int[] c = java.util.Arrays.copyOfRange(q, 0, controls);
        int[] t = java.util.Arrays.copyOfRange(q, controls, q.length);
        return MatrixGate.controlled(name, m, c, t);
    }

    /** A diagonal two-qubit gate on (a, b) given its phases for |ba⟩ = 00, 01, 10, 11 (a is bit 0). */
    private static DiagonalGate diag2(String name, int[] q, double p00, double p01, double p10, double p11) {
        return new DiagonalGate(name, q, new double[] {p00, p01, p10, p11});
    }

    /** e^{iπ/4}·CH on (control, target): |0⟩⟨0| ⊗ I + |1⟩⟨1| ⊗ H with the control as bit 0. */
    private static final ComplexMatrix CH_QELIB1 = Gates.I.kron(ComplexMatrix.real(new double[][] {{1, 0}, {0, 0}}))
            .plus(Gates.H.kron(ComplexMatrix.real(new double[][] {{0, 0}, {0, 1}})))
            .scale(Complex.polar(1, Math.PI / 4));

    static {
        def("U", 3, 1, (p, q) -> one(label("U", p), Gates.u3(p[0], p[1], p[2]), q[0]));
        def("CX", 0, 2, (p, q) -> ctl("CX", Gates.X, q, 1));
        def("u3", 3, 1, (p, q) -> one(label("u3", p), Gates.u3(p[0], p[1], p[2]), q[0]));
        def("u2", 2, 1, (p, q) -> one(label("u2", p), Gates.u2(p[0], p[1]), q[0]));
        def("u1", 1, 1, (p, q) -> one(label("u1", p), Gates.phase(p[0]), q[0]));
        def("cx", 0, 2, (p, q) -> ctl("cx", Gates.X, q, 1));
        def("id", 0, 1, (p, q) -> one("id", Gates.I, q[0]));
        def("u0", 1, 1, (p, q) -> one(label("u0", p), Gates.I, q[0]));
        def("u", 3, 1, (p, q) -> one(label("u", p), Gates.u3(p[0], p[1], p[2]), q[0]));
        def("p", 1, 1, (p, q) -> one(label("p", p), Gates.phase(p[0]), q[0]));
        def("x", 0, 1, (p, q) -> one("x", Gates.X, q[0]));
        def("y", 0, 1, (p, q) -> one("y", Gates.Y, q[0]));
        def("z", 0, 1, (p, q) -> one("z", Gates.Z, q[0]));
        def("h", 0, 1, (p, q) -> one("h", Gates.H, q[0]));
        def("s", 0, 1, (p, q) -> one("s", Gates.S, q[0]));
        def("sdg", 0, 1, (p, q) -> one("sdg", Gates.SDG, q[0]));
        def("t", 0, 1, (p, q) -> one("t", Gates.T, q[0]));
        def("tdg", 0, 1, (p, q) -> one("tdg", Gates.TDG, q[0]));
        def("rx", 1, 1, (p, q) -> one(label("rx", p), Gates.rx(p[0]), q[0]));
        def("ry", 1, 1, (p, q) -> one(label("ry", p), Gates.ry(p[0]), q[0]));
        def("rz", 1, 1, (p, q) -> one(label("rz", p), Gates.phase(p[0]), q[0])); // qelib1: u1(φ)
        def("sx", 0, 1, (p, q) -> one("sx", Gates.rx(Math.PI / 2), q[0])); // qelib1: sdg·h·sdg
        def("sxdg", 0, 1, (p, q) -> one("sxdg", Gates.rx(-Math.PI / 2), q[0])); // qelib1: s·h·s
        def("cz", 0, 2, (p, q) -> diag2("cz", q, 0, 0, 0, Math.PI));
        def("cy", 0, 2, (p, q) -> ctl("cy", Gates.Y, q, 1));
        def("swap", 0, 2, (p, q) -> MatrixGate.of("swap", Gates.SWAP, q));
        def("ch", 0, 2, (p, q) -> MatrixGate.of("ch", CH_QELIB1, q)); // qelib1's ch carries e^{iπ/4}
        def("ccx", 0, 3, (p, q) -> ctl("ccx", Gates.X, q, 2));
        def("cswap", 0, 3, (p, q) -> ctl("cswap", Gates.SWAP, q, 1));
        def("crx", 1, 2, (p, q) -> ctl(label("crx", p), Gates.rx(p[0]), q, 1));
        def("cry", 1, 2, (p, q) -> ctl(label("cry", p), Gates.ry(p[0]), q, 1));
        def("crz", 1, 2, (p, q) -> diag2(label("crz", p), q, 0, -p[0] / 2, 0, p[0] / 2));
        def("cu1", 1, 2, (p, q) -> diag2(label("cu1", p), q, 0, 0, 0, p[0]));
        def("cp", 1, 2, (p, q) -> diag2(label("cp", p), q, 0, 0, 0, p[0]));
        def("cu3", 3, 2, (p, q) -> ctl(label("cu3", p), Gates.u3(p[0], p[1], p[2]), q, 1));
        def("csx", 0, 2, (p, q) -> ctl("csx", Gates.SX, q, 1));
        def("cu", 4, 2, (p, q) -> ctl(label("cu", p),
                Gates.u3(p[0], p[1], p[2]).scale(Complex.polar(1, p[3])), q, 1));
        def("rxx", 1, 2, (p, q) -> MatrixGate.of(label("rxx", p),
                Gates.rpp('X', p[0]).scale(Complex.polar(1, -p[0] / 2)), q)); // qelib1: e^{−iθ/2} exp(−iθ X⊗X/2)
        def("rzz", 1, 2, (p, q) -> diag2(label("rzz", p), q, 0, p[0], p[0], 0));
        def("rccx", 0, 3, (p, q) -> MatrixGate.of("rccx", Qelib1Decompositions.RCCX, q));
        def("rc3x", 0, 4, (p, q) -> MatrixGate.of("rc3x", Qelib1Decompositions.RC3X, q));
        def("c3x", 0, 4, (p, q) -> ctl("c3x", Gates.X, q, 3));
        def("c3sqrtx", 0, 4, (p, q) -> ctl("c3sqrtx", Gates.SX, q, 3));
        def("c4x", 0, 5, (p, q) -> ctl("c4x", Gates.X, q, 4));
    }

    static String label(String name, double[] p) {
        if (p.length == 0) return name;
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < p.length; i++) sb.append(i == 0 ? "" : ",").append(p[i]);
        return sb.append(')').toString();
    }

    /** Names of qelib1.inc's gates, in the file's order (U and CX excluded: they are language built-ins). */
    public static Set<String> qelib1Names() {
        Set<String> s = new java.util.LinkedHashSet<>(TABLE.keySet());
        s.removeAll(BUILT_IN);
        return Collections.unmodifiableSet(s);
    }

    /** True for U and CX, which every OpenQASM 2 program has without an include. */
    public static boolean isBuiltIn(String name) {
        return BUILT_IN.contains(name);
    }

    public static boolean exists(String name) {
        return TABLE.containsKey(name);
    }

    public static Signature signature(String name) {
        Entry e = TABLE.get(name);
        if (e == null) throw new InvalidInputException("unknown standard gate '" + name + "'");
        return e.signature();
    }

    /** The gate {@code name(params) qubits}, e.g. {@code of("cu3", new double[]{θ, φ, λ}, 0, 1)}. */
    public static Gate of(String name, double[] params, int... qubits) {
        Signature sig = signature(name);
        if (params.length != sig.params()) {
            throw new InvalidInputException("gate " + name + " takes " + sig.params() + " parameter(s), got " + params.length);
        }
        if (qubits.length != sig.qubits()) {
            throw new InvalidInputException("gate " + name + " acts on " + sig.qubits() + " qubit(s), got " + qubits.length);
        }
        for (double v : params) {
            if (!Double.isFinite(v)) throw new InvalidInputException("gate " + name + " parameter is " + v);
        }
        return TABLE.get(name).factory().make(params, qubits);
    }
}
