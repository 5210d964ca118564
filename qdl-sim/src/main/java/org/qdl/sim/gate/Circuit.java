package org.qdl.sim.gate;

import org.qdl.sim.InvalidInputException;
import org.qdl.sim.Memory;
import org.qdl.sim.state.ComplexMatrix;
import org.qdl.sim.state.StateVector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An ordered list of gates on a register of fixed size, with builder methods for common gates. */
public final class Circuit {
    private final int numQubits;
    private final List<Gate> gates = new ArrayList<>();

    public Circuit(int numQubits) {
        if (numQubits < 1 || numQubits > StateVector.MAX_QUBITS) {
            throw new InvalidInputException("number of qubits must be in 1.." + StateVector.MAX_QUBITS + ", got " + numQubits);
        }
        this.numQubits = numQubits;
    }

    public int numQubits() {
        return numQubits;
    }

    public List<Gate> gates() {
        return Collections.unmodifiableList(gates);
    }

    public int size() {
        return gates.size();
    }

    public Circuit add(Gate g) {
        for (int q : g.qubits()) {
            if (q >= numQubits) throw new InvalidInputException("gate " + g.name() + " names qubit " + q + " but the circuit has qubits 0.." + (numQubits - 1));
        }
        gates.add(g);
        return this;
    }

    public Circuit addAll(Circuit other) {
        other.gates.forEach(this::add);
        return this;
    }

    public Circuit gate(String name, ComplexMatrix u, int... targets) {
        return add(MatrixGate.of(name, u, targets));
    }

    public Circuit h(int q) {
        return gate("h", Gates.H, q);
    }

    public Circuit x(int q) {
        return gate("x", Gates.X, q);
    }

    public Circuit y(int q) {
        return gate("y", Gates.Y, q);
    }

    public Circuit z(int q) {
        return gate("z", Gates.Z, q);
    }

    public Circuit rx(int q, double theta) {
        return gate("rx", Gates.rx(theta), q);
    }

    public Circuit ry(int q, double theta) {
        return gate("ry", Gates.ry(theta), q);
    }

    /** The symmetric RZ(θ) = diag(e^{−iθ/2}, e^{iθ/2}); qelib1's rz is u1(θ), see {@link #u1} and {@link StandardGates}. */
    public Circuit rz(int q, double theta) {
        return gate("rz", Gates.rz(theta), q);
    }

    public Circuit cx(int control, int target) {
        return add(MatrixGate.controlled("cx", Gates.X, new int[] {control}, target));
    }

    public Circuit cz(int a, int b) {
        return add(new DiagonalGate("cz", new int[] {a, b}, new double[] {0, 0, 0, Math.PI}));
    }

    public Circuit swap(int a, int b) {
        return gate("swap", Gates.SWAP, a, b);
    }

    public Circuit pauliRotation(String pauli, double theta) {
        return add(PauliRotation.of(pauli, theta));
    }

    /** A qelib1.inc gate by name with qelib1's exact matrix, e.g. {@code standard("cu3", new double[]{θ, φ, λ}, c, t)}. */
    public Circuit standard(String name, double[] params, int... qubits) {
        return add(StandardGates.of(name, params, qubits));
    }

    private Circuit std(String name, int[] qubits, double... params) {
        return standard(name, params, qubits);
    }

    /** Any unitary on {@code targets} conditioned on every qubit in {@code controls} being 1. */
    public Circuit controlled(String name, ComplexMatrix u, int[] controls, int... targets) {
        return add(MatrixGate.controlled(name, u, controls, targets));
    }

    /** X on target controlled by any number of qubits (multi-controlled Toffoli). */
    public Circuit mcx(int[] controls, int target) {
        return controlled("c" + controls.length + "x", Gates.X, controls, target);
    }

    /** A dense unitary on k ≤ 8 qubits (targets[0] is bit 0 of the matrix index); checked for unitarity. */
    public Circuit unitary(String name, ComplexMatrix u, int... targets) {
        return gate(name, u, targets);
    }

    /** diag(e^{iφ_m}) on {@code qubits}, m's bit b being qubit qubits[b]. */
    public Circuit diagonal(double[] phases, int... qubits) {
        return add(new DiagonalGate("diag", qubits, phases));
    }

    /** A dense unitary on the whole register (n ≤ {@value MatrixGate#MAX_TARGETS}; qubit 0 = bit 0). */
    public Circuit registerUnitary(ComplexMatrix u) {
        if (numQubits > MatrixGate.MAX_TARGETS) {
            throw new InvalidInputException("a whole-register unitary in a circuit is limited to " + MatrixGate.MAX_TARGETS
                    + " qubits, this circuit has " + numQubits + "; use StateVector.applyUnitary for up to "
                    + StateVector.MAX_DENSE_QUBITS);
        }
        int[] all = new int[numQubits];
        for (int q = 0; q < numQubits; q++) all[q] = q;
        return gate("unitary", u, all);
    }

    public Circuit u3(int q, double theta, double phi, double lambda) { return std("u3", new int[] {q}, theta, phi, lambda); }
    public Circuit u2(int q, double phi, double lambda) { return std("u2", new int[] {q}, phi, lambda); }
    public Circuit u1(int q, double lambda) { return std("u1", new int[] {q}, lambda); }
    public Circuit p(int q, double lambda) { return std("p", new int[] {q}, lambda); }
    public Circuit id(int q) { return std("id", new int[] {q}); }
    public Circuit s(int q) { return std("s", new int[] {q}); }
    public Circuit sdg(int q) { return std("sdg", new int[] {q}); }
    public Circuit t(int q) { return std("t", new int[] {q}); }
    public Circuit tdg(int q) { return std("tdg", new int[] {q}); }
    /** qelib1's sx = RX(π/2) (= e^{−iπ/4}√X). */
    public Circuit sx(int q) { return std("sx", new int[] {q}); }
    public Circuit sxdg(int q) { return std("sxdg", new int[] {q}); }
    public Circuit cy(int c, int t) { return std("cy", new int[] {c, t}); }
    public Circuit ch(int c, int t) { return std("ch", new int[] {c, t}); }
    public Circuit ccx(int c1, int c2, int t) { return std("ccx", new int[] {c1, c2, t}); }
    public Circuit cswap(int c, int a, int b) { return std("cswap", new int[] {c, a, b}); }
    public Circuit crx(int c, int t, double theta) { return std("crx", new int[] {c, t}, theta); }
    public Circuit cry(int c, int t, double theta) { return std("cry", new int[] {c, t}, theta); }
    public Circuit crz(int c, int t, double theta) { return std("crz", new int[] {c, t}, theta); }
    public Circuit cu1(int c, int t, double lambda) { return std("cu1", new int[] {c, t}, lambda); }
    public Circuit cp(int c, int t, double lambda) { return std("cp", new int[] {c, t}, lambda); }
    public Circuit cu3(int c, int t, double theta, double phi, double lambda) { return std("cu3", new int[] {c, t}, theta, phi, lambda); }
    public Circuit csx(int c, int t) { return std("csx", new int[] {c, t}); }
    public Circuit cu(int c, int t, double theta, double phi, double lambda, double gamma) { return std("cu", new int[] {c, t}, theta, phi, lambda, gamma); }
    public Circuit rxx(int a, int b, double theta) { return std("rxx", new int[] {a, b}, theta); }
    /** qelib1's rzz(θ) = diag(1, e^{iθ}, e^{iθ}, 1) = e^{iθ/2} exp(−iθ Z⊗Z/2). */
    public Circuit rzz(int a, int b, double theta) { return std("rzz", new int[] {a, b}, theta); }
    public Circuit rccx(int a, int b, int t) { return std("rccx", new int[] {a, b, t}); }
    public Circuit rc3x(int a, int b, int c, int t) { return std("rc3x", new int[] {a, b, c, t}); }
    public Circuit c3x(int a, int b, int c, int t) { return std("c3x", new int[] {a, b, c, t}); }
    public Circuit c3sqrtx(int a, int b, int c, int t) { return std("c3sqrtx", new int[] {a, b, c, t}); }
    public Circuit c4x(int a, int b, int c, int d, int t) { return std("c4x", new int[] {a, b, c, d, t}); }

    /**
     * The 2^n×2^n matrix of the whole circuit (column j = circuit applied to |j⟩), for n ≤
     * {@value StateVector#MAX_DENSE_QUBITS}.
     */
    public ComplexMatrix unitary() {
        if (numQubits > StateVector.MAX_DENSE_QUBITS) {
            throw new InvalidInputException("the dense matrix of a " + numQubits + "-qubit circuit is too large; at most "
                    + StateVector.MAX_DENSE_QUBITS + " qubits");
        }
        int d = 1 << numQubits;
        Memory.require("the matrix of a " + numQubits + "-qubit circuit", 16L * d * d);
        double[] re = new double[d * d], im = new double[d * d];
        for (int col = 0; col < d; col++) {
            StateVector s = StateVector.basis(numQubits, col);
            apply(s);
            for (int r = 0; r < d; r++) {
                re[r * d + col] = s.realArray()[r];
                im[r * d + col] = s.imagArray()[r];
            }
        }
        return ComplexMatrix.of(d, re, im);
    }

    /** Applies every gate in order. */
    public void apply(StateVector s) {
        if (s.numQubits() != numQubits) {
            throw new InvalidInputException("a " + numQubits + "-qubit circuit cannot run on a " + s.numQubits() + "-qubit state");
        }
        for (Gate g : gates) g.apply(s);
    }

    /** Runs the circuit on |0…0⟩. */
    public StateVector run() {
        StateVector s = StateVector.zero(numQubits);
        apply(s);
        return s;
    }

    /** U† as a circuit: inverse gates in reverse order. */
    public Circuit inverse() {
        Circuit c = new Circuit(numQubits);
        for (int i = gates.size() - 1; i >= 0; i--) c.add(gates.get(i).inverse());
        return c;
    }
}
