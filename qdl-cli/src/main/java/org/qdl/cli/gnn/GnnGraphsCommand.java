package org.qdl.cli.gnn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import org.qdl.gnn.data.GraphDataset;
import org.qdl.gnn.train.GraphConfig;
import org.qdl.gnn.train.GraphCvResult;
import org.qdl.gnn.train.GraphTrainer;
import org.qdl.gnn.train.Stats;
import org.qdl.gnn.train.StratifiedKFold;
import org.qdl.sim.InvalidInputException;
import org.qdl.cli.options.GnnDataOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qdl gnn graphs}: graph classification with SIGN features, 10-fold CV in GIN's protocol. */
@Command(name = "graphs", mixinStandardHelpOptions = true,
        description = "Graph classification (SIGN diffusion features, linear, norm, polynomial, sum pooling, linear),"
                + " k-fold stratified CV; reports the mean of per-fold best accuracies and the max of the fold-averaged curve.")
public final class GnnGraphsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", defaultValue = "MUTAG", description = "MUTAG, PROTEINS, IMDB-BINARY, IMDB-MULTI, COLLAB, ... or synthetic. Default: ${DEFAULT-VALUE}")
    String dataset;

    @Mixin
    GnnDataOption data;

    @Option(names = "--format", description = "gin_format, gin_zip or tu_raw (default: first found)")
    String format;

    @Option(names = "--model", defaultValue = "poly", converter = Activations.Converter.class, description = "poly, prelu or both. Default: ${DEFAULT-VALUE}")
    Activations model;

    @Option(names = "--hparams", description = "file of 'key = value' lines overriding the authors' per-data-set defaults")
    Path hparams;

    @Option(names = "--set", description = "override one hyperparameter, key=value (repeatable): " 
            + "hidden, norm, raw, rw, gcn, ppr, dropout, input-dropout, batch, lr, weight-decay, degree-as-tag, epochs, step-size, gamma")
    List<String> sets = new ArrayList<>();

    @Option(names = "--epochs", description = "shortcut for --set epochs=N")
    Integer epochs;

    @Option(names = "--folds", defaultValue = "stratified", converter = FoldSource.Converter.class, description = "stratified (seeded, GIN protocol) or file (the 10fold_idx test folds shipped with the data). Default: ${DEFAULT-VALUE}")
    FoldSource folds;

    @Option(names = "--num-folds", defaultValue = "10")
    int numFolds;

    @Option(names = "--run-folds", description = "train only the first N folds (cheap runs; the summary says so)")
    Integer runFolds;

    @Option(names = "--seed", defaultValue = "0")
    long seed;

    @Option(names = "--threads", defaultValue = "1", description = "folds trained in parallel. Default: ${DEFAULT-VALUE}")
    int threads;

    @Option(names = "--checkpoint", description = "checkpoint every fold after every epoch into this directory, and continue"
            + " from the checkpoints found there (same command: an interrupted run loses at most one epoch)")
    Path checkpoint;

    @Option(names = "--epochs-this-session", description = "with --checkpoint: train each fold at most N more epochs, then stop"
            + " (rerun to continue)")
    Integer epochsThisSession;

    @Option(names = "--json", description = "write results (with per-epoch curves) as JSON")
    Path json;

    @Option(names = "--csv", description = "write one row per fold and model")
    Path csv;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GraphConfig cfg = GraphConfig.authors(dataset);
        if (hparams != null) {
            cfg = cfg.withFile(hparams);
        }
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq < 0) {
                throw new InvalidInputException("--set expects key=value, got '" + s + "'");
            }
            cfg = cfg.with(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
        }
        if (epochs != null) {
            cfg = cfg.with("epochs", Integer.toString(epochs));
        }
        cfg.validate();
        List<String> models = model.names();
        long t0 = System.nanoTime();
        if (numFolds < 2 || threads < 1 || threads > 4096) throw new InvalidInputException("--num-folds must be at least 2 and --threads lie in 1..4096");
        GraphDataset ds = Datasets.loadGraphs(data.root(), dataset, format, cfg.degreeAsTag(), seed);
        err.printf("%s: %d graphs, %d nodes, %d classes, %d node tags (loaded in %.1f s)%n", ds.name(), ds.size(),
                ds.totalNodes(), ds.numClasses(), ds.numTags(), (System.nanoTime() - t0) / 1e9);
        ds.report().notes().forEach(n -> err.println("  note: " + n));
        List<int[]> testFolds = switch (folds) {
            case STRATIFIED -> StratifiedKFold.testFolds(ds.labels(), numFolds, seed);
            case FILE -> {
                if (ds.folds() == null) {
                    throw new InvalidInputException(ds.name() + " has no fold files; use --folds stratified");
                }
                yield ds.folds();
            }
        };
        if (runFolds != null) {
            if (runFolds < 1 || runFolds > testFolds.size()) {
                throw new InvalidInputException("--run-folds must be in 1.." + testFolds.size());
            }
            testFolds = testFolds.subList(0, runFolds);
        }
        err.println("config: " + cfg);
        t0 = System.nanoTime();
        GraphTrainer.Prepared prep = GraphTrainer.prepare(ds, cfg);
        err.printf("SIGN features: %d blocks x %d tags = %d inputs per node (%.1f s)%n", cfg.blocks(), ds.numTags(),
                prep.width(), (System.nanoTime() - t0) / 1e9);
        err.printf("  %s: %d rows stored for %d nodes%n", prep.deduplicated()
                ? "identical rows of a graph merged (exact: no input dropout)" : "rows not merged (input dropout > 0)",
                prep.storedRows(), ds.totalNodes());
        if (epochsThisSession != null && (checkpoint == null || epochsThisSession < 1)) {
            throw new InvalidInputException("--epochs-this-session needs --checkpoint and a positive value");
        }
        GraphTrainer.Checkpointing ck = checkpoint == null ? GraphTrainer.Checkpointing.NONE
                : new GraphTrainer.Checkpointing(checkpoint, epochsThisSession == null ? 0 : epochsThisSession);
        Map<String, GraphCvResult> results = new LinkedHashMap<>();
        boolean stopped = false;
        for (String m : models) {
            GraphConfig c = cfg.with("activation", m);
            GraphCvResult r = GraphTrainer.crossValidate(prep, c, testFolds, seed, threads, msg -> err.println("  " + m + " " + msg), ck);
            stopped |= r == null;
            results.put(m, r);
        }
        if (stopped) {
            out.printf("%s: stopped after %d epochs this session; checkpoints in %s; rerun the same command to continue%n", ds.name(),
                    epochsThisSession, checkpoint);
            return 0;
        }
        String scope = testFolds.size() + " of " + numFolds + " folds, " + cfg.epochs() + " epochs";
        out.printf("%s (%s)%n", ds.name(), scope);
        out.printf("%-8s %-22s %-30s %-8s%n", "model", "mean of fold bests %", "max of fold-avg curve % (epoch)", "seconds");
        Map<String, Object> js = new LinkedHashMap<>();
        js.put("dataset", ds.name());
        js.put("config", cfg);
        js.put("folds", folds);
        js.put("scope", scope);
        StringBuilder sb = new StringBuilder("dataset,model,fold,best_acc,final_acc\n");
        for (var e : results.entrySet()) {
            GraphCvResult r = e.getValue();
            Stats s = r.perFoldBest();
            double[] c = r.bestOfAverageCurve();
            out.printf("%-8s %-22s %-30s %-8.0f%n", e.getKey(), s.pct(),
                    String.format("%.2f ± %.2f (%d)", 100 * c[1], 100 * c[2], (int) c[0]), r.seconds());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("perFoldBest", s);
            m.put("foldBest", r.foldBest());
            m.put("avgCurveMax", Map.of("epoch", (int) c[0], "mean", c[1], "std", c[2]));
            m.put("curves", r.curves());
            m.put("seconds", r.seconds());
            js.put(e.getKey(), m);
            for (int f = 0; f < r.foldBest().length; f++) {
                sb.append(String.format("%s,%s,%d,%.4f,%.4f%n", ds.name(), e.getKey(), f + 1, r.foldBest()[f],
                        r.curves()[f][r.curves()[f].length - 1]));
            }
        }
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), js);
        }
        if (csv != null) {
            Files.writeString(csv, sb.toString());
        }
        return 0;
    }
}
