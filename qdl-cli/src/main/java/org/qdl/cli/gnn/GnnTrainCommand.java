package org.qdl.cli.gnn;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qdl.gnn.data.Datasets;
import org.qdl.gnn.data.NodeDataset;
import org.qdl.gnn.features.Diffusion;
import org.qdl.gnn.train.NodeConfig;
import org.qdl.gnn.train.NodeRunResult;
import org.qdl.gnn.train.NodeTrainer;
import org.qdl.gnn.train.Stats;
import org.qdl.cli.options.GnnDataOption;
import org.qdl.cli.options.JsonFileOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qdl gnn train}: node classification with SIGN + polynomial / PReLU, mean ± std over seeds. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Node classification with SIGN features (authors' defaults); reports test accuracy at the best"
                + " validation epoch and the decision-problem accuracy, mean ± std over seeds.")
public final class GnnTrainCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", defaultValue = "cora", description = "cora, pubmed, ... (a folder under --data) or csbm (embedded). Default: ${DEFAULT-VALUE}")
    String dataset;

    @Mixin
    GnnDataOption data;

    @Option(names = "--format", description = "planetoid_text, planetoid (pickles), linqs, ogb (OGB node-property CSVs) or reddit_npz (PyG raw) (default: first found)")
    String format;

    @Option(names = "--model", defaultValue = "both", converter = Activations.Converter.class, description = "poly, prelu or both. Default: ${DEFAULT-VALUE}")
    Activations model;

    @Option(names = "--seeds", defaultValue = "10", description = "number of seeds (0..K-1). Default: ${DEFAULT-VALUE}")
    int seeds;

    @Option(names = "--first-seed", defaultValue = "0")
    long firstSeed;

    @Option(names = "--epochs", defaultValue = "1000")
    int epochs;

    @Option(names = "--hops", defaultValue = "5", description = "R (features A^k X for k = 0..R). Default: ${DEFAULT-VALUE}")
    int hops;

    @Option(names = "--hidden", defaultValue = "512")
    int hidden;

    @Option(names = "--dropout", defaultValue = "0.4")
    double dropout;

    @Option(names = "--input-dropout", defaultValue = "0.3")
    double inputDropout;

    @Option(names = "--lr", defaultValue = "0.001")
    double lr;

    @Option(names = "--weight-decay", defaultValue = "0")
    double weightDecay;

    @Option(names = "--eval-every", defaultValue = "10", description = "validate every N epochs (authors: 10). Default: ${DEFAULT-VALUE}")
    int evalEvery;

    @Option(names = "--operator", defaultValue = "gcn", description = "gcn, rw, ppr or raw. Default: ${DEFAULT-VALUE}")
    String operator;

    @Mixin
    JsonFileOption json;

    @Option(names = "--csv", description = "write one row per seed and model to this CSV file")
    Path csv;

    @Option(names = "--export", description = "write the first seed's trained model(s) as JSON (per-hop weights, biases,"
            + " activation coefficients, final layer) to this file; for the quantum decision protocol")
    Path export;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (seeds < 1 || epochs < 1 || hops < 0 || hidden < 1 || evalEvery < 1) {
            throw new org.qdl.sim.InvalidInputException("--seeds, --epochs, --hidden, --eval-every must be positive and --hops >= 0");
        }
        List<String> models = model.names();
        if (hidden > 1 << 16 || hops > 64) throw new org.qdl.sim.InvalidInputException("--hidden at most 65536 and --hops at most 64");
        if (!(dropout >= 0 && dropout < 1) || !(inputDropout >= 0 && inputDropout < 1)) {
            throw new org.qdl.sim.InvalidInputException("--dropout and --input-dropout must be in [0, 1), got " + dropout + " and " + inputDropout);
        }
        Diffusion.parse(operator); // a bad name before the data are loaded
        GnnBenchCommand.resetPeaks();
        NodeDataset ds = Datasets.loadNode(data.root(), dataset, format, 0);
        err.printf("%s: %d nodes, %d edges, %d features, %d classes, split %d/%d/%d%n", ds.name(), ds.numNodes(),
                ds.graph().numEdges(), ds.numFeatures(), ds.numClasses(), ds.train().length, ds.val().length, ds.test().length);
        ds.report().notes().forEach(n -> err.println("  note: " + n));
        NodeConfig base = new NodeConfig(hops, hidden, dropout, inputDropout, lr, weightDecay, epochs, evalEvery,
                Diffusion.parse(operator), "poly");
        long tp = System.nanoTime();
        NodeTrainer.Prepared prep = NodeTrainer.prepare(ds, base);
        err.printf("SIGN features (R=%d, %s) in %.1f s%n", hops, operator, (System.nanoTime() - tp) / 1e9);
        Map<String, List<NodeRunResult>> results = new LinkedHashMap<>();
        for (String m : models) {
            List<NodeRunResult> rs = new ArrayList<>();
            for (int s = 0; s < seeds; s++) {
                NodeRunResult r = NodeTrainer.train(prep, base.withActivation(m), firstSeed + s, msg -> err.println("  " + msg));
                err.printf("%s seed %d: best epoch %d, val %.4f, test %.4f, decision test %.3f (%.1f s)%n", m, r.seed(),
                        r.bestEpoch(), r.bestVal(), r.test(), r.testDecision(), r.seconds());
                rs.add(r);
            }
            results.put(m, rs);
        }
        out.printf("%-8s %-6s %-16s %-16s %-16s %-16s%n", "model", "seeds", "test acc %", "val acc %", "decision test %", "decision val %");
        Map<String, Object> jsonOut = new LinkedHashMap<>();
        jsonOut.put("dataset", ds.name());
        jsonOut.put("config", base);
        for (var e : results.entrySet()) {
            List<NodeRunResult> rs = e.getValue();
            Stats test = Stats.of(rs.stream().mapToDouble(NodeRunResult::test).toArray());
            Stats val = Stats.of(rs.stream().mapToDouble(NodeRunResult::bestVal).toArray());
            Stats dt = Stats.of(rs.stream().mapToDouble(NodeRunResult::testDecision).toArray());
            Stats dv = Stats.of(rs.stream().mapToDouble(NodeRunResult::valDecision).toArray());
            out.printf("%-8s %-6d %-16s %-16s %-16s %-16s%n", e.getKey(), rs.size(), test.pct(), val.pct(), dt.pct(), dv.pct());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("test", test);
            m.put("val", val);
            m.put("decisionTest", dt);
            m.put("decisionVal", dv);
            m.put("runs", rs.stream().map(r -> Map.of("seed", r.seed(), "bestEpoch", r.bestEpoch(), "val", r.bestVal(),
                    "test", r.test(), "decisionVal", r.valDecision(), "decisionTest", r.testDecision(), "seconds", r.seconds())).toList());
            jsonOut.put(e.getKey(), m);
        }
        long peak = GnnBenchCommand.peakHeap();
        err.printf("peak heap (sum of heap pools' peaks, upper bound): %.0f MiB of max %.0f MiB%n", peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
        jsonOut.put("peakHeapBytes", peak);
        if (results.size() == 2) {
            double gap = Stats.of(results.get("prelu").stream().mapToDouble(NodeRunResult::test).toArray()).mean()
                    - Stats.of(results.get("poly").stream().mapToDouble(NodeRunResult::test).toArray()).mean();
            out.printf("PReLU − poly: %.2f points%n", 100 * gap);
        }
        if (export != null) {
            Map<String, Object> ex = new LinkedHashMap<>();
            results.forEach((m, rs) -> ex.put(m, rs.get(0).model().export(base.op())));
            org.qdl.cli.OutputFiles.write(export, () -> new ObjectMapper().writeValue(export.toFile(), ex));
        }
        json.write(jsonOut);
        if (csv != null) {
            StringBuilder sb = new StringBuilder("dataset,model,seed,best_epoch,val,test,decision_val,decision_test,seconds\n");
            results.forEach((m, rs) -> rs.forEach(r -> sb.append(String.format("%s,%s,%d,%d,%.4f,%.4f,%.4f,%.4f,%.1f%n",
                    ds.name(), m, r.seed(), r.bestEpoch(), r.bestVal(), r.test(), r.valDecision(), r.testDecision(), r.seconds()))));
            org.qdl.cli.OutputFiles.write(csv, () -> Files.writeString(csv, sb.toString()));
        }
        return 0;
    }
}
