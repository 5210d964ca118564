package org.qdl.protocol.model;

import java.util.SplittableRandom;
import org.qdl.protocol.LocalParty;
import org.qdl.protocol.Network;
import org.qdl.protocol.NumberEncoding;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.observable.PauliSum;

/**
 * The two-party model used by {@code qdl demo} and {@code qdl scaling}: Alice holds x ∈ R^N (a
 * seeded synthetic signal) and the odd hardware-efficient layers U1, U3, …; Bob holds the even
 * ones, optionally a diagonal phase layer D with N parameters (applied last), and the observable
 * O = 0.7·Z0Z1 − 0.3·X2. Output ⟨O⟩, or ‖x‖²·⟨O⟩ when rescaled.
 */
public final class AlternatingModel {
    public static final String OBSERVABLE = "0.7 Z0 Z1 - 0.3 X2";

    public record Example(Network network, DistributedModel model, int numQubits, int layers, boolean phaseLayer) {}

    private AlternatingModel() {}

    /**
     * @param n          qubits (N = 2^n, n ≥ 3)
     * @param layers     hardware-efficient layers (2n parameters each), alternating from Alice
     * @param phaseLayer whether Bob also holds an N-parameter diagonal phase layer
     */
    public static Example build(int n, int layers, boolean phaseLayer, boolean rescaled, long seed) {
        if (n < 3) throw new InvalidInputException("the example model needs N ≥ 8 (its observable acts on qubits 0..2), got n = " + n);
        if (layers < 0) throw new InvalidInputException("layer count must be non-negative, got " + layers);
        SplittableRandom rnd = new SplittableRandom(seed);
        Network net = new Network();
        LocalParty alice = net.addLocalParty("alice").holdData("x", signal(1 << n, rnd.split()));
        LocalParty bob = net.addLocalParty("bob").holdObservable("O", PauliSum.parse(OBSERVABLE));
        DistributedModel.Builder b = DistributedModel.builder("alice", "x");
        for (int l = 1; l <= layers; l++) {
            LocalParty p = l % 2 == 1 ? alice : bob;
            p.holdLayer("U" + l, Layers.hardwareEfficient(n, rnd));
            b.layer(p.name(), "U" + l);
        }
        if (phaseLayer) {
            bob.holdLayer("D", DiagonalPhaseLayer.random(n, rnd));
            b.layer("bob", "D");
        }
        b.observable("bob", "O");
        if (rescaled) b.rescaled(NumberEncoding.FLOAT64);
        return new Example(net, b.build(), n, layers, phaseLayer);
    }

    /** x_i = (sin(2π·3i/N) + ½cos(2π·7i/N) + 0.3·g_i)/√N: ‖x‖² ≈ 0.7 at every N. */
    static double[] signal(int dim, SplittableRandom rnd) {
        double[] x = new double[dim];
        double s = 1 / Math.sqrt(dim);
        for (int i = 0; i < dim; i++) {
            double u = (double) i / dim;
            x[i] = s * (Math.sin(2 * Math.PI * 3 * u) + 0.5 * Math.cos(2 * Math.PI * 7 * u) + 0.3 * rnd.nextGaussian());
        }
        return x;
    }
}
