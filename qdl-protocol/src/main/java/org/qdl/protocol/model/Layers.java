package org.qdl.protocol.model;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.qdl.sim.gate.DiagonalGate;
import org.qdl.sim.observable.PauliString;

/** Factories for common layer shapes. */
public final class Layers {
    private Layers() {}

    /**
     * Hardware-efficient layer on n qubits: RY then RZ on every qubit (2n parameters), then CZ on a
     * ring of neighbours (a line for n = 2). Parameters drawn uniformly from [−π, π).
     */
    public static PauliLayer hardwareEfficient(int n, RandomGenerator rng) {
        List<PauliLayer.Step> steps = new ArrayList<>();
        int p = 0;
        for (int q = 0; q < n; q++) {
            steps.add(PauliLayer.Step.rotation(PauliString.single('Y', q), p++));
            steps.add(PauliLayer.Step.rotation(PauliString.single('Z', q), p++));
        }
        if (n >= 2) {
            for (int q = 0; q < (n == 2 ? 1 : n); q++) {
                steps.add(PauliLayer.Step.fixed(new DiagonalGate("cz", new int[] {q, (q + 1) % n}, new double[] {0, 0, 0, Math.PI})));
            }
        }
        double[] theta = new double[p];
        for (int j = 0; j < p; j++) theta[j] = rng.nextDouble(-Math.PI, Math.PI);
        return new PauliLayer(n, steps, theta);
    }

    /** exp(−iθ_j Z_j Z_{j+1}/2) on neighbours: P = n−1 mutually commuting generators. */
    public static PauliLayer commutingZZ(int n, RandomGenerator rng) {
        List<PauliString> g = new ArrayList<>();
        for (int q = 0; q + 1 < n; q++) g.add(PauliString.parse("Z" + q + " Z" + (q + 1)));
        double[] theta = new double[g.size()];
        for (int j = 0; j < theta.length; j++) theta[j] = rng.nextDouble(-Math.PI, Math.PI);
        return PauliLayer.ofGenerators(n, g, theta);
    }
}
