package org.qdl.gnn.network;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ejml.data.DMatrixRMaj;
import org.qdl.gnn.model.NodeModelExport;
import org.qdl.gnn.train.DecisionProblem;
import org.qdl.protocol.CommunicationLedger;
import org.qdl.protocol.LocalParty;
import org.qdl.protocol.Network;
import org.qdl.protocol.NumberEncoding;
import org.qdl.protocol.ObservableMeasurement;
import org.qdl.protocol.Register;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.sim.InvalidInputException;

/**
 * The GNN decision problem answered by two parties. The data party holds the graph and features; it
 * computes the SIGN features of the queried nodes and amplitude-encodes the lifted features of all
 * hops into one register (see {@link SignRegisterLayout}). The model party holds the trained weights
 * and, for each class pair, the observable O_ab of {@link PairQuadraticForms}. Then
 * mean_v (f_a(v) − f_b(v)) = (‖X'‖² / n) · ⟨Ψ|O_ab|Ψ⟩: the data party sends ‖X'‖ and n classically once,
 * and a copy of |Ψ⟩ per shot.
 */
public final class DecisionOverNetwork {
    public static final String DATA = "data";
    public static final String MODEL = "model";

    /** The protocol's outcome: per-pair decisions, the ledger, and the classical protocol's cost. */
    public record Result(List<PairDecision> pairs, CommunicationLedger ledger, SignRegisterLayout layout,
                         long classicalFeatureNumbers, long classicalWeightNumbers) {
        public double agreement() {
            return pairs.stream().filter(PairDecision::agrees).count() / (double) pairs.size();
        }

        public double quantumAccuracy() {
            return pairs.stream().filter(p -> p.quantumDecision() == p.truth()).count() / (double) pairs.size();
        }

        public double classicalAccuracy() {
            return pairs.stream().filter(p -> p.classicalDecision() == p.truth()).count() / (double) pairs.size();
        }

        /** Bits of the cheaper classical protocol (send the features or the weights) at b bits per number. */
        public long classicalBits(int bitsPerNumber) {
            return Math.min(classicalFeatureNumbers, classicalWeightNumbers) * bitsPerNumber;
        }

        public String classicalChoice() {
            return classicalFeatureNumbers <= classicalWeightNumbers ? "send features" : "send weights";
        }
    }

    private DecisionOverNetwork() {}

    /**
     * Runs the protocol for every class pair.
     *
     * @param features SIGN features of the queried nodes, one n×F matrix per hop (the data party's)
     * @param labels   true labels of those nodes (only to score the decisions)
     */
    public static Result run(NodeModelExport model, List<DMatrixRMaj> features, int[] labels, int shots, double delta,
                             long seed, Consumer<String> progress) {
        if (shots < 1) throw new InvalidInputException("shots must be at least 1, got " + shots);
        if (!(delta > 0 && delta < 1)) throw new InvalidInputException("δ must be in (0, 1), got " + delta);
        if (features.size() != model.hops()) {
            throw new InvalidInputException("model has " + model.hops() + " hops but " + features.size() + " feature matrices were given");
        }
        int n = features.get(0).numRows;
        SignRegisterLayout layout = SignRegisterLayout.of(model.hops(), n, model.features());

        Network net = new Network();
        net.addLocalParty(DATA).holdData("features", liftedFeatures(features, layout));
        LocalParty owner = net.addLocalParty(MODEL);

        // Classical reference from the logits (what either party could compute given everything).
        double[][] logits = model.logits(features);
        DMatrixRMaj l = new DMatrixRMaj(logits);
        double[] classical = DecisionProblem.averagedDifferences(l);
        boolean[] truth = DecisionProblem.truth(labels, model.classes());

        // ‖X'‖ and n travel once; every pair's estimate reuses them.
        double normSquared = DistributedModel.builder(DATA, "features").observable(MODEL, "O").rescaled(NumberEncoding.FLOAT64)
                .build().outputScale(net); // ‖X'‖², sent once over the classical channel
        net.classicalChannel(DATA, MODEL).sendBits(DATA, 32, "node count");
        double scale = normSquared / n;

        List<PairDecision> out = new ArrayList<>();
        int pairIndex = 0, pairs = DecisionProblem.numPairs(model.classes());
        for (int a = 0; a < model.classes(); a++) {
            for (int b = a + 1; b < model.classes(); b++, pairIndex++) {
                progress.accept(String.format("pair %d/%d (%d, %d): eigenbasis of O, %d shots", pairIndex + 1, pairs, a, b, shots));
                String key = "O_" + a + "_" + b;
                BlockSpectralObservable o = PairQuadraticForms.observable(model, a, b, layout);
                owner.holdObservable(key, o);
                DistributedModel m = DistributedModel.builder(DATA, "features").observable(MODEL, key).build();
                double exact = scale * m.exactOutput(net);
                long pairSeed = seed * 1_000_003L + pairIndex;
                double[] outcomes = net.repeated(shots, () -> {
                    Register r = m.forward(net, 0);
                    return net.party(MODEL).measure(key, r, shots, pairSeed);
                });
                double mean = 0;
                for (double v : outcomes) mean += v;
                mean /= shots;
                double[] range = ObservableMeasurement.outcomeRange(o);
                double width = scale * (range[1] - range[0]);
                double half = width * Math.sqrt(Math.log(2 / delta) / (2.0 * shots));
                double need = classical[pairIndex] == 0 ? Double.POSITIVE_INFINITY
                        : width * width * Math.log(2 / delta) / (2 * classical[pairIndex] * classical[pairIndex]);
                out.add(new PairDecision(a, b, classical[pairIndex], exact, scale * mean, half, shots, need, truth[pairIndex]));
            }
        }
        long featureNumbers = (long) n * model.hops() * model.features();
        long weightNumbers = (long) model.hops() * (model.features() * model.hidden() + model.hidden() + model.activation()[0].length)
                + (long) model.hops() * model.hidden() * model.classes() + model.classes();
        return new Result(out, net.ledger(), layout, featureNumbers, weightNumbers);
    }

    /** The data party's private vector: x'_k(v) = [x_k(v), 1] placed at {@link SignRegisterLayout#index}. */
    static double[] liftedFeatures(List<DMatrixRMaj> features, SignRegisterLayout layout) {
        double[] x = new double[1 << layout.totalQubits()];
        int f = layout.liftedFeatures() - 1;
        for (int k = 0; k < layout.hops(); k++) {
            DMatrixRMaj h = features.get(k);
            if (h.numCols != f || h.numRows != layout.nodes()) {
                throw new InvalidInputException("hop " + k + " features are " + h.numRows + "×" + h.numCols + ", expected " + layout.nodes() + "×" + f);
            }
            for (int v = 0; v < layout.nodes(); v++) {
                int base = layout.index(k, v, 0);
                System.arraycopy(h.data, v * f, x, base, f);
                x[base + f] = 1;
            }
        }
        return x;
    }
}
