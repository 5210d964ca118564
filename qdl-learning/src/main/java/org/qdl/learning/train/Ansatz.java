package org.qdl.learning.train;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.qdl.protocol.model.PauliLayer;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.observable.PauliString;

/**
 * Layers whose generators commute (qubit-wise), so every estimator applies: X-type and Z-type layers
 * (single-qubit and nearest-neighbour terms) alternate like a QAOA ansatz; zStrings gives P
 * commuting Z-strings for the copies-against-P experiment.
 */
public final class Ansatz {
    private Ansatz() {}

    /** exp(−iθ σ_q/2) on every qubit and exp(−iθ σ_qσ_{q+1}/2) on neighbours: 2n − 1 parameters. */
    public static PauliLayer uniform(char letter, int n, double spread, RandomGenerator rng) {
        List<PauliString> g = new ArrayList<>();
        for (int q = 0; q < n; q++) g.add(PauliString.single(letter, q));
        for (int q = 0; q + 1 < n; q++) g.add(PauliString.parse(letter + "" + q + " " + letter + (q + 1)));
        return PauliLayer.ofGenerators(n, g, draw(g.size(), spread, rng));
    }

    /** P distinct Z-strings of weight ≤ k on n qubits, lowest weight first, chosen at random within a weight. */
    public static PauliLayer zStrings(int n, int p, int k, RandomGenerator rng) {
        Set<Integer> chosen = new LinkedHashSet<>();
        for (int w = 1; w <= k && chosen.size() < p; w++) {
            List<Integer> ofWeight = new ArrayList<>();
            for (int m = 1; m < 1 << n; m++) if (Integer.bitCount(m) == w) ofWeight.add(m);
            java.util.Collections.shuffle(ofWeight, new java.util.Random(rng.nextLong()));
            for (int m : ofWeight) {
                if (chosen.size() == p) break;
                chosen.add(m);
            }
        }
        if (chosen.size() < p) throw new InvalidInputException(n + " qubits have only " + chosen.size() + " Z-strings of weight ≤ " + k + ", fewer than P = " + p);
        List<PauliString> g = new ArrayList<>();
        for (int m : chosen) g.add(PauliString.ofMasks(0, m));
        return PauliLayer.ofGenerators(n, g, draw(p, Math.PI, rng));
    }

    static double[] draw(int p, double spread, RandomGenerator rng) {
        double[] t = new double[p];
        for (int j = 0; j < p; j++) t[j] = rng.nextDouble(-spread, spread);
        return t;
    }
}
