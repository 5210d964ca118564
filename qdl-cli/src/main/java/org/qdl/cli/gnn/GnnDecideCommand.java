package org.qdl.cli.gnn;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import org.qdl.gnn.data.Datasets;
import org.qdl.gnn.data.NodeDataset;
import org.qdl.gnn.features.Diffusion;
import org.qdl.gnn.features.SignFeatures;
import org.qdl.gnn.model.NodeModelExport;
import org.qdl.gnn.network.DecisionOverNetwork;
import org.qdl.gnn.network.PairDecision;
import org.qdl.gnn.train.NodeConfig;
import org.qdl.gnn.train.NodeRunResult;
import org.qdl.gnn.train.NodeTrainer;
import org.qdl.protocol.LinkStats;
import org.qdl.sim.InvalidInputException;
import org.qdl.cli.options.GnnDataOption;
import org.qdl.cli.options.JsonFileOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qdl gnn decide}: train a polynomial SIGN model, then answer the decision problem over the network. */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = "Trains a SIGN model with the degree-2 polynomial activation, then answers the decision problem"
                + " (is class a more frequent than class b among a split's nodes?) with a two-party protocol: the data"
                + " party sends amplitude-encoded SIGN features, the model party measures one observable per class pair."
                + " Compares with the classical decision and the classical protocol's bits.")
public final class GnnDecideCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", defaultValue = "csbm", description = "cora, pubmed, ... (a folder under --data) or csbm (embedded). Default: ${DEFAULT-VALUE}")
    String dataset;

    @Mixin
    GnnDataOption data;

    @Option(names = "--format", description = "planetoid_text, planetoid (pickles) or linqs (default: first found)")
    String format;

    @Option(names = "--split", defaultValue = "test", description = "which nodes the question is about: train, val or test. Default: ${DEFAULT-VALUE}")
    String split;

    @Option(names = "--epochs", defaultValue = "1000", description = "training epochs. Default: ${DEFAULT-VALUE}")
    int epochs;

    @Option(names = "--hops", defaultValue = "5", description = "R. Default: ${DEFAULT-VALUE}")
    int hops;

    @Option(names = "--hidden", defaultValue = "512", description = "Default: ${DEFAULT-VALUE}")
    int hidden;

    @Option(names = "--shots", defaultValue = "2000", description = "shots (copies of the data register) per class pair. Default: ${DEFAULT-VALUE}")
    int shots;

    @Option(names = "--delta", defaultValue = "0.05", description = "failure probability of each confidence interval. Default: ${DEFAULT-VALUE}")
    double delta;

    @Option(names = "--seed", defaultValue = "0", description = "seed for training and shots. Default: ${DEFAULT-VALUE}")
    long seed;

    @Mixin
    JsonFileOption json;

    @Option(names = "--csv", description = "write one row per class pair to this CSV file")
    Path csv;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (epochs < 1 || hops < 0 || hidden < 1) throw new InvalidInputException("--epochs and --hidden must be positive and --hops ≥ 0");
        NodeDataset ds = Datasets.loadNode(data.root(), dataset, format, seed);
        int[] nodes = switch (split) {
            case "train" -> ds.train();
            case "val" -> ds.val();
            case "test" -> ds.test();
            default -> throw new InvalidInputException("--split must be train, val or test, got '" + split + "'");
        };
        if (shots < 1) throw new InvalidInputException("--shots must be positive, got " + shots);
        if (!(delta > 0 && delta < 1)) throw new InvalidInputException("--delta must lie in (0, 1), got " + delta);
        if (hidden < 1 || hidden > 1 << 16 || hops < 0 || hops > 64 || epochs < 1) {
            throw new InvalidInputException("--hidden must lie in 1..65536, --hops in 0..64 and --epochs be positive");
        }
        NodeConfig cfg = NodeConfig.authors("poly");
        cfg = new NodeConfig(hops, hidden, cfg.dropout(), cfg.inputDropout(), cfg.lr(), cfg.weightDecay(), epochs,
                cfg.evalEvery(), Diffusion.GCN, "poly");
        err.printf("%s: %d nodes, %d features, %d classes; question about the %d %s nodes%n", ds.name(), ds.numNodes(),
                ds.numFeatures(), ds.numClasses(), nodes.length, split);
        NodeTrainer.Prepared prep = NodeTrainer.prepare(ds, cfg);
        NodeRunResult trained = NodeTrainer.train(prep, cfg, seed, msg -> err.println("  " + msg));
        err.printf("trained poly model: best epoch %d, test accuracy %.4f, decision accuracy (test) %.3f%n",
                trained.bestEpoch(), trained.test(), trained.testDecision());
        NodeModelExport model = trained.model().export(Diffusion.GCN);
        List<DMatrixRMaj> feats = SignFeatures.gather(NodeTrainer.signFeatures(ds, cfg), nodes);
        int[] labels = new int[nodes.length];
        for (int i = 0; i < nodes.length; i++) labels[i] = ds.labels()[nodes[i]];

        DecisionOverNetwork.Result r = DecisionOverNetwork.run(model, feats, labels, shots, delta, seed, m -> err.println("  " + m));

        out.printf("Decision problem over the network: %s, %d %s nodes, %d shots per pair, δ = %s%n", ds.name(), nodes.length,
                split, shots, delta);
        out.printf("%-7s %12s %12s %24s %9s %9s %6s %10s%n", "pair", "classical", "q. exact", "q. estimate ± CI", "classical",
                "quantum", "truth", "shots@δ");
        for (PairDecision p : r.pairs()) {
            out.printf("%-7s %12.5f %12.5f %13.5f ± %8.5f %9s %9s %6s %10s%n", p.a() + "," + p.b(), p.classical(), p.quantumExact(),
                    p.estimate(), p.halfWidth(), p.classicalDecision() ? "a>b" : "a≤b",
                    (p.quantumDecision() ? "a>b" : "a≤b") + (p.certified() ? "*" : ""), p.truth() ? "a>b" : "a≤b",
                    Double.isInfinite(p.shotsToDecide()) ? "∞" : String.format("%.3g", p.shotsToDecide()));
        }
        out.println("(* = confidence interval excludes 0; shots@δ = Hoeffding shots to certify the sign given the true margin)");
        LinkStats total = r.ledger().total();
        int q = r.layout().totalQubits();
        out.printf("agreement quantum vs classical decisions: %.1f%% of %d pairs; decision accuracy vs truth: quantum %.1f%%, classical %.1f%%%n",
                100 * r.agreement(), r.pairs().size(), 100 * r.quantumAccuracy(), 100 * r.classicalAccuracy());
        out.printf("quantum protocol: %d qubits per copy (hop %d + node %d + feature %d), %d copies, %d qubits + %d classical bits in all%n",
                q, r.layout().hopQubits(), r.layout().nodeQubits(), r.layout().featureQubits(), total.messages() - 2,
                total.qubits(), total.classicalBits());
        out.printf("classical protocol (%s): %d numbers = %d bits at 32 bits, %d at 64 bits (features %d, weights %d numbers)%n",
                r.classicalChoice(), Math.min(r.classicalFeatureNumbers(), r.classicalWeightNumbers()), r.classicalBits(32),
                r.classicalBits(64), r.classicalFeatureNumbers(), r.classicalWeightNumbers());
        out.printf("qubits per copy vs classical bits (32-bit): %d vs %d%n", q, r.classicalBits(32));

        Map<String, Object> j = new LinkedHashMap<>();
        j.put("dataset", ds.name());
        j.put("split", split);
        j.put("nodes", nodes.length);
        j.put("shotsPerPair", shots);
        j.put("delta", delta);
        j.put("trainedTestAccuracy", trained.test());
        j.put("pairs", r.pairs());
        j.put("agreement", r.agreement());
        j.put("quantumAccuracy", r.quantumAccuracy());
        j.put("classicalAccuracy", r.classicalAccuracy());
        j.put("qubitsPerCopy", q);
        j.put("totalQubits", total.qubits());
        j.put("quantumClassicalBits", total.classicalBits());
        j.put("classicalProtocol", r.classicalChoice());
        j.put("classicalBits32", r.classicalBits(32));
        j.put("classicalBits64", r.classicalBits(64));
        json.write(j);
        if (csv != null) {
            StringBuilder sb = new StringBuilder("a,b,classical,quantum_exact,estimate,half_width,shots,shots_to_decide,truth,agrees,certified\n");
            for (PairDecision p : r.pairs()) {
                sb.append(String.format("%d,%d,%.8g,%.8g,%.8g,%.8g,%d,%.4g,%b,%b,%b%n", p.a(), p.b(), p.classical(), p.quantumExact(),
                        p.estimate(), p.halfWidth(), p.shots(), p.shotsToDecide(), p.truth(), p.agrees(), p.certified()));
            }
            Files.writeString(csv, sb.toString());
        }
        return 0;
    }
}
