package org.qdl.sim.gate;

import org.qdl.sim.InvalidInputException;
import org.qdl.sim.kernel.Kernels;
import org.qdl.sim.state.ComplexMatrix;
import org.qdl.sim.state.StateVector;

import java.util.Arrays;

/** A diagonal unitary diag(e^{iφ_m}) on {@code qubits} given by its phase vector (2^k entries). */
public record DiagonalGate(String name, int[] qubits, double[] phases) implements Gate {
    public DiagonalGate {
        qubits = qubits.clone();
        phases = phases.clone();
        if (phases.length != 1L << qubits.length) {
            throw new InvalidInputException("diagonal gate " + name + " on " + qubits.length + " qubit(s) needs "
                    + (1L << qubits.length) + " phases, got " + phases.length);
        }
        for (int m = 0; m < phases.length; m++) {
            if (!Double.isFinite(phases[m])) throw new InvalidInputException("diagonal gate " + name + ": phase " + m + " is " + phases[m]);
        }
    }

    /** The phase vector as separate cos/sin parts, in the form the kernel takes. */
    private double[][] parts() {
        double[] c = new double[phases.length], s = new double[phases.length];
        for (int m = 0; m < phases.length; m++) {
            c[m] = Math.cos(phases[m]);
            s[m] = Math.sin(phases[m]);
        }
        return new double[][] {c, s};
    }

    @Override
    public int[] qubits() {
        return qubits.clone();
    }

    @Override
    public void apply(StateVector s) {
        s.checkQubits("diagonal gate " + name, qubits);
        double[][] p = parts();
        Kernels.applyDiagonal(s, qubits, p[0], p[1]);
    }

    @Override
    public ComplexMatrix matrix() {
        double[][] p = parts();
        return ComplexMatrix.diagonal(p[0], p[1]);
    }

    @Override
    public Gate inverse() {
        double[] neg = new double[phases.length];
        for (int m = 0; m < neg.length; m++) neg[m] = -phases[m];
        return new DiagonalGate(name + "†", qubits, neg);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DiagonalGate g && Arrays.equals(g.qubits, qubits) && Arrays.equals(g.phases, phases);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(qubits) * 31 + Arrays.hashCode(phases);
    }

    @Override
    public String toString() {
        return name + " " + Arrays.toString(qubits);
    }
}
