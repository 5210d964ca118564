package org.qdl.sim;

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
