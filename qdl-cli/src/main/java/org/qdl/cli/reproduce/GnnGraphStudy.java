package org.qdl.cli.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The graph-classification table (GIN's 10-fold protocol, both of its summary statistics). Full:
 * the authors' schedules (350 epochs, StepLR 50/0.5, their batch and hidden sizes), checkpointed
 * per fold and epoch so that --resume continues. Quick: few folds and epochs on the small sets,
 * each held to an accuracy floor well above its majority class.
 */
final class GnnGraphStudy implements Study {
    /** Data set, published poly accuracy, majority-class rate, quick floor, quick folds/epochs (0: skipped in quick). */
    private record Set(String name, String published, double majority, double floor, int quickFolds, int quickEpochs, boolean quickPrelu) {
    }

    static final List<Set> SETS = List.of(
            new Set("MUTAG", "92.0 ± 6.5", 0.665, 0.78, 3, 20, false),
            new Set("IMDB-BINARY", "76.0 ± 2.5", 0.50, 0.65, 2, 10, false),
            new Set("IMDB-MULTI", "53.1 ± 2.8", 0.333, 0.40, 2, 10, false),
            new Set("PROTEINS", "76.7 ± 4.6", 0.596, 0.0, 0, 0, false),
            new Set("COLLAB", "81.8 ± 1.4", 0.52, 0.0, 0, 0, false));

    @Override
    public String name() {
        return "gnn-graphs";
    }

    @Override
    public String title() {
        return "GNN graph classification (10-fold CV, GIN's protocol)";
    }

    @Override
    public void run(StudyContext ctx, StudyRecorder rec) throws Exception {
        Table t = rec.table(Table.of("Test accuracy %: mean of per-fold bests (max of the fold-averaged curve, epoch)",
                "data set", "poly", "PReLU", "published (poly)", "majority class", "settings"));
        for (Set s : SETS) {
            if (ctx.data() == null || !Files.isDirectory(ctx.data().resolve(s.name()))) {
                t.row(s.name(), "—", "—", s.published(), pct(s.majority()), "skipped: data missing (no folder "
                        + (ctx.data() == null ? "(no --data)" : ctx.data().resolve(s.name())) + ")");
                continue;
            }
            if (ctx.quick() && s.quickFolds() == 0) {
                t.row(s.name(), "—", "—", s.published(), pct(s.majority()), "quick: skipped (an epoch takes tens of seconds here); --full runs it");
                continue;
            }
            Path json = ctx.dir().resolve(s.name() + ".json");
            List<String> args = new ArrayList<>(List.of("gnn", "graphs", "--data", ctx.data().toString(), "--dataset", s.name(),
                    "--json", json.toString(), "--csv", ctx.out(s.name() + ".csv")));
            if (ctx.quick()) {
                args.addAll(List.of("--model", s.quickPrelu() ? "both" : "poly", "--run-folds", Integer.toString(s.quickFolds()),
                        "--epochs", Integer.toString(s.quickEpochs())));
                if (s.name().equals("MUTAG")) {
                    // the authors' batch of 128 is 2 steps per epoch: 20 epochs of it end anywhere in 68–85% (measured);
                    // batch 32 gave 84–86% over seeds 0–2 with 3 folds
                    args.addAll(List.of("--set", "batch=32"));
                }
            } else {
                args.addAll(List.of("--model", "both", "--threads", "1", "--checkpoint", ctx.out("checkpoints/" + s.name())));
            }
            ctx.progress(s.name() + (ctx.quick() ? ": " + s.quickFolds() + " folds × " + s.quickEpochs() + " epochs" : ": 10 folds × 350 epochs × 2 models"));
            ctx.qdl(args.toArray(String[]::new));
            JsonNode doc = StudyContext.readJson(json);
            JsonNode poly = doc.get("poly");
            t.row(s.name(), summary(poly), doc.has("prelu") ? summary(doc.get("prelu")) : "not run in quick", s.published(), pct(s.majority()),
                    doc.get("scope").asText());
            rec.file(json);
            rec.file(ctx.dir().resolve(s.name() + ".csv"));
            double best = poly.get("perFoldBest").get("mean").asDouble();
            if (ctx.quick()) {
                rec.headline(s.name() + ": poly accuracy ≥ " + pct(s.floor()) + "% (majority class " + pct(s.majority()) + "%)",
                        best >= s.floor(), Fmt.f("mean of fold bests %.2f%% over %s", 100 * best, doc.get("scope").asText()));
            } else {
                double target = Double.parseDouble(s.published().split(" ")[0]) / 100, sd = Double.parseDouble(s.published().split(" ")[2]) / 100;
                rec.headline(s.name() + ": poly within one published standard deviation of " + s.published() + "%",
                        best >= target - sd, Fmt.f("mean of fold bests %.2f%%", 100 * best));
            }
        }
        rec.reference("Authors' README (hmichaeli/quantum_gnns, sign/), degree-2 polynomial, 10-fold CV: MUTAG 92.0 ± 6.5, "
                + "PROTEINS 76.7 ± 4.6, IMDB-BINARY 76.0 ± 2.5, IMDB-MULTI 53.1 ± 2.8, COLLAB 81.8 ± 1.4 (350 epochs, StepLR 50/0.5).");
    }

    private static String summary(JsonNode m) {
        JsonNode c = m.get("avgCurveMax");
        return Fmt.pct(m.get("perFoldBest")) + Fmt.f(" (%.2f, %d)", 100 * c.get("mean").asDouble(), c.get("epoch").asInt() + 1);
    }

    private static String pct(double v) {
        return Fmt.f("%.1f", 100 * v);
    }
}
