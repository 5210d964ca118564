package org.qdl.sim.gate;

import org.qdl.sim.Bits;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.kernel.Kernels;
import org.qdl.sim.state.ComplexMatrix;
import org.qdl.sim.state.StateVector;

import java.util.Arrays;

/**
 * A dense unitary on {@code targets} (k ≤ 8), optionally conditioned on every qubit in
 * {@code controls} being 1. The matrix is checked for unitarity on construction.
 */
public record MatrixGate(String name, int[] targets, int[] controls, ComplexMatrix unitary) implements Gate {
    /** Largest number of target qubits for a dense gate. */
    public static final int MAX_TARGETS = 8;

    public MatrixGate {
        if (targets.length == 0) throw new InvalidInputException("gate " + name + " has no target qubit");
        if (targets.length > MAX_TARGETS) throw new InvalidInputException("gate " + name + " acts on " + targets.length + " qubits; dense gates are limited to " + MAX_TARGETS);
        if (unitary.dim() != 1 << targets.length) {
            throw new InvalidInputException("gate " + name + ": a " + unitary.dim() + "×" + unitary.dim() + " matrix cannot act on " + targets.length + " qubit(s)");
        }
        targets = targets.clone();
        controls = controls.clone();
        long seen = 0;
        for (int q : Bits.concat(targets, controls)) {
            if (q < 0 || q >= StateVector.MAX_QUBITS) throw new InvalidInputException("gate " + name + " names qubit " + q);
            if ((seen & 1L << q) != 0) throw new InvalidInputException("gate " + name + " names qubit " + q + " twice");
            seen |= 1L << q;
        }
        unitary.requireUnitary("the matrix of gate " + name);
    }

    public static MatrixGate of(String name, ComplexMatrix u, int... targets) {
        return new MatrixGate(name, targets, new int[0], u);
    }

    /** u on targets, controlled by every qubit in controls. */
    public static MatrixGate controlled(String name, ComplexMatrix u, int[] controls, int... targets) {
        return new MatrixGate(name, targets, controls, u);
    }

    @Override
    public int[] qubits() {
        return Bits.concat(targets, controls);
    }

    @Override
    public void apply(StateVector s) {
        s.checkQubits("gate " + name, qubits());
        Kernels.applyMatrix(s, targets, controls, unitary);
    }

    @Override
    public ComplexMatrix matrix() {
        int k = targets.length, c = controls.length;
        int d = 1 << (k + c);
        double[] re = new double[d * d], im = new double[d * d];
        int cm = ((1 << c) - 1) << k; // controls sit above the targets in qubits() order
        for (int r = 0; r < d; r++) {
            for (int col = 0; col < d; col++) {
                if ((r & cm) != cm || (col & cm) != cm) {
                    re[r * d + col] = r == col ? 1 : 0;
                } else if ((r & ~((1 << k) - 1)) == (col & ~((1 << k) - 1))) {
                    int lr = r & ((1 << k) - 1), lc = col & ((1 << k) - 1);
                    re[r * d + col] = unitary.re(lr, lc);
                    im[r * d + col] = unitary.im(lr, lc);
                }
            }
        }
        return ComplexMatrix.of(d, re, im);
    }

    @Override
    public Gate inverse() {
        return new MatrixGate(name + "†", targets, controls, unitary.dagger());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MatrixGate g && g.name.equals(name) && Arrays.equals(g.targets, targets)
                && Arrays.equals(g.controls, controls) && g.unitary.equals(unitary);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(targets);
    }

    @Override
    public String toString() {
        return name + (controls.length > 0 ? " c" + Arrays.toString(controls) : "") + " " + Arrays.toString(targets);
    }
}
