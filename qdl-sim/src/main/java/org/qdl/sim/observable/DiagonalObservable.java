package org.qdl.sim.observable;

import org.qdl.sim.Bits;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.Parallel;
import org.qdl.sim.state.StateVector;

import java.util.Arrays;

/** A real diagonal observable on {@code qubits}: O|m⟩ = values[m]|m⟩ (projectors, parities, counts). */
public record DiagonalObservable(int[] qubits, double[] values) implements Observable {
    public DiagonalObservable {
        qubits = qubits.clone();
        values = values.clone();
        if (values.length != 1L << qubits.length) {
            throw new InvalidInputException("diagonal observable on " + qubits.length + " qubit(s) needs " + (1L << qubits.length) + " values, got " + values.length);
        }
        for (double v : values) if (!Double.isFinite(v)) throw new InvalidInputException("diagonal observable value " + v + " is not finite");
    }

    /** The projector onto |m⟩ of {@code qubits}. */
    public static DiagonalObservable projector(int[] qubits, int m) {
        double[] v = new double[1 << qubits.length];
        v[m] = 1;
        return new DiagonalObservable(qubits, v);
    }

    @Override
    public double expectation(StateVector s) {
        requireFits(s.numQubits());
        final double[] re = s.realArray(), im = s.imagArray();
        return Parallel.sum(s.dimension(), (a, b) -> {
            double acc = 0;
            for (int i = a; i < b; i++) acc += values[Bits.extract(i, qubits)] * (re[i] * re[i] + im[i] * im[i]);
            return acc;
        });
    }

    @Override
    public int[] support() {
        return qubits.clone();
    }

    @Override
    public double normBound() {
        double b = 0;
        for (double v : values) b = Math.max(b, Math.abs(v));
        return b;
    }

    @Override
    public String toString() {
        return "diag" + Arrays.toString(qubits);
    }
}
