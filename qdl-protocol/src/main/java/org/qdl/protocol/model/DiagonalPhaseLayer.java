package org.qdl.protocol.model;

import java.util.List;
import java.util.random.RandomGenerator;
import org.qdl.sim.gate.DiagonalGate;
import org.qdl.sim.gate.Gate;
import org.qdl.sim.InvalidInputException;

/**
 * U(θ) = Σ_z e^{−iθ_z}|z⟩⟨z| on n qubits: one free phase per basis state, N = 2^n parameters. In the
 * paper's form it is ∏_S exp(−iφ_S Z_S) over all 2^n Z-strings Z_S (mutually commuting generators),
 * with φ the Walsh–Hadamard transform of θ. A party holding it has as many parameters as the data
 * has entries, so no classical protocol can avoid shipping Θ(N) numbers by sending parameters.
 */
public final class DiagonalPhaseLayer implements Layer {
    private final int numQubits;
    private final double[] theta;
    private DiagonalGate gate; // built on first use, dropped when the parameters change (N phases)

    public DiagonalPhaseLayer(int numQubits, double[] theta) {
        if (theta.length != 1L << numQubits) {
            throw new InvalidInputException("a diagonal phase layer on " + numQubits + " qubits needs " + (1L << numQubits) + " phases, got " + theta.length);
        }
        this.numQubits = numQubits;
        this.theta = theta.clone();
        check(this.theta);
    }

    public static DiagonalPhaseLayer random(int numQubits, RandomGenerator rng) {
        double[] t = new double[1 << numQubits];
        for (int z = 0; z < t.length; z++) t[z] = rng.nextDouble(-Math.PI, Math.PI);
        return new DiagonalPhaseLayer(numQubits, t);
    }

    private static void check(double[] t) {
        for (int j = 0; j < t.length; j++) {
            if (!Double.isFinite(t[j])) throw new InvalidInputException("phase " + j + " is " + t[j]);
        }
    }

    @Override
    public int numQubits() {
        return numQubits;
    }

    @Override
    public int numParameters() {
        return theta.length;
    }

    @Override
    public synchronized double[] parameters() {
        return theta.clone();
    }

    @Override
    public synchronized void setParameters(double[] t) {
        if (t.length != theta.length) throw new InvalidInputException("layer has " + theta.length + " parameters, got " + t.length);
        check(t);
        System.arraycopy(t, 0, theta, 0, t.length);
        gate = null;
    }

    @Override
    public synchronized List<Gate> gates() {
        if (gate != null) return List.of(gate);
        int[] q = new int[numQubits];
        for (int i = 0; i < numQubits; i++) q[i] = i;
        double[] phases = new double[theta.length];
        for (int z = 0; z < phases.length; z++) phases[z] = -theta[z];
        gate = new DiagonalGate("phase", q, phases);
        return List.of(gate);
    }
}
