package org.qdl.learning.gradient;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.qdl.learning.train.Ansatz;
import org.qdl.protocol.Network;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.protocol.model.PauliLayer;
import org.qdl.sim.state.AmplitudeEncoding;
import org.qdl.sim.gate.Gates;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.gate.MatrixGate;
import org.qdl.sim.observable.PauliString;

/** The models of the gradient experiments (qdl gradients), built from a seed. */
public final class GradientModels {
    private GradientModels() {}

    /** A network and the model to differentiate on it. */
    public record Instance(Network network, DistributedModel model, int locality) {}

    static double[] gaussian(int n, SplittableRandom rnd) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rnd.nextGaussian();
        return x;
    }

    /**
     * The training ansatz on one random vector of length N: alice holds x and a Z-type layer, bob an
     * X-type layer and O = Z0; P = 2(2n − 1) with n = log₂N; generators 2-local.
     */
    public static Instance twoLayer(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int q = AmplitudeEncoding.qubitsFor(n);
        Network net = new Network();
        net.addLocalParty("alice").holdData("x", gaussian(n, rnd)).holdLayer("U1", Ansatz.uniform('Z', q, Math.PI, rnd));
        net.addLocalParty("bob").holdLayer("U2", Ansatz.uniform('X', q, Math.PI, rnd)).holdObservable("O", PauliString.single('Z', 0));
        DistributedModel m = DistributedModel.builder("alice", "x").layer("alice", "U1").layer("bob", "U2").observable("bob", "O").build();
        return new Instance(net, m, 2);
    }

    /**
     * One layer of P commuting Z-strings (weight ≤ k, the smallest k with enough strings on n qubits)
     * held by alice with x; bob applies H on every qubit and measures Z⊗…⊗Z, so f = ⟨U† X⊗…⊗X U⟩.
     */
    public static Instance manyParameters(int qubits, int p, long seed) {
        int k = 1;
        while (k <= qubits && countUpTo(qubits, k) < p) k++;
        if (k > qubits) throw new InvalidInputException(qubits + " qubits have fewer than " + p + " distinct Z-strings");
        SplittableRandom rnd = new SplittableRandom(seed);
        Network net = new Network();
        net.addLocalParty("alice").holdData("x", gaussian(1 << qubits, rnd)).holdLayer("U", Ansatz.zStrings(qubits, p, k, rnd));
        List<PauliLayer.Step> hs = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (int q = 0; q < qubits; q++) {
            hs.add(PauliLayer.Step.fixed(MatrixGate.of("h", Gates.H, q)));
            all.append('Z').append(q).append(' ');
        }
        net.addLocalParty("bob").holdLayer("H", new PauliLayer(qubits, hs, new double[0]))
                .holdObservable("O", PauliString.parse(all.toString()));
        DistributedModel m = DistributedModel.builder("alice", "x").layer("alice", "U").layer("bob", "H").observable("bob", "O").build();
        return new Instance(net, m, k);
    }

    static long countUpTo(int n, int k) {
        long c = 0, binom = 1;
        for (int w = 1; w <= k; w++) {
            binom = binom * (n - w + 1) / w;
            c += binom;
        }
        return c;
    }
}
