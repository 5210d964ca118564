package org.qdl.cli.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The node-classification table: poly and PReLU test accuracy and the decision-problem accuracy
 * (every class pair, counts per split) on Cora, PubMed and ogbn-arxiv when their files are there;
 * Reddit and ogbn-products (the paper's) are listed with their published figures.
 */
final class GnnNodeStudy implements Study {
    /** Data set, published poly accuracy (authors' README) or null. */
    private record Row(String dataset, String published) {
    }

    private static final List<Row> SETS = List.of(new Row("cora", "78.69 ± 0.26"), new Row("pubmed", null), new Row("ogbn-arxiv", null),
            new Row("reddit", "96.31 ± 0.03"), new Row("ogbn-products", "78.51 ± 0.05"));

    @Override
    public String name() {
        return "gnn-node";
    }

    @Override
    public String title() {
        return "GNN node classification (SIGN, degree-2 polynomial vs PReLU)";
    }

    @Override
    public void run(StudyContext ctx, StudyRecorder rec) throws Exception {
        String epochs = ctx.quick() ? "20" : "1000";
        String seeds = ctx.quick() ? "2" : "10";
        Table t = rec.table(Table.of("Test accuracy % at the best validation epoch, and decision accuracy % (all class pairs, test split)",
                "data set", "poly", "PReLU", "decision poly", "decision PReLU", "published (poly)", "settings"));
        List<String> sets = new ArrayList<>();
        if (ctx.data() == null) {
            sets.add("csbm");
        } else {
            SETS.forEach(r -> sets.add(r.dataset()));
        }
        boolean ranAny = false;
        for (String ds : sets) {
            String published = null;
            for (Row r : SETS) {
                published = r.dataset().equals(ds) ? r.published() : published;
            }
            Path json = ctx.dir().resolve(ds + ".json");
            List<String> args = new ArrayList<>(List.of("gnn", "train", "--dataset", ds, "--epochs", epochs, "--seeds", seeds,
                    "--json", json.toString(), "--csv", ctx.out(ds + ".csv")));
            if (ctx.data() != null) {
                args.addAll(List.of("--data", ctx.data().toString()));
            }
            if (!ds.equals("csbm") && !Files.isDirectory(ctx.data().resolve(ds))) {
                t.row(ds, "—", "—", "—", "—", published == null ? "—" : published, "skipped: data missing (no folder " + ctx.data().resolve(ds) + ")");
                continue;
            }
            try {
                ctx.progress(ds + ": " + seeds + " seeds × 2 models × " + epochs + " epochs");
                ctx.qdl(args.toArray(String[]::new));
            } catch (StudyFailure e) {
                if (!e.getMessage().contains("exited 2")) {
                    throw e;
                }
                t.row(ds, "—", "—", "—", "—", published == null ? "—" : published, "skipped: data missing or unreadable ("
                        + e.getMessage().substring(e.getMessage().indexOf("exited 2: ") + 10) + ")");
                continue;
            }
            ranAny = true;
            JsonNode doc = StudyContext.readJson(json);
            JsonNode poly = doc.get("poly"), prelu = doc.get("prelu");
            t.row(ds, Fmt.pct(poly.get("test")), Fmt.pct(prelu.get("test")), Fmt.pct(poly.get("decisionTest")),
                    Fmt.pct(prelu.get("decisionTest")), published == null ? "—" : published, seeds + " seeds, " + epochs + " epochs");
            rec.file(json);
            rec.file(ctx.dir().resolve(ds + ".csv"));
            headline(rec, ds, poly, prelu, ctx.quick());
        }
        if (!ranAny) {
            rec.headline("at least one node-classification data set ran", false, "none of " + sets + " could be loaded");
        }
        rec.reference("Authors' README (hmichaeli/quantum_gnns, sign/): poly test accuracy Cora 78.69 ± 0.26, Reddit 96.31 ± 0.03, "
                + "ogbn-products 78.51 ± 0.05 (10 seeds, 1000 epochs); the paper's Table 1: the polynomial costs < 1 point against PReLU.");
    }

    private static void headline(StudyRecorder rec, String ds, JsonNode poly, JsonNode prelu, boolean quick) {
        double p = poly.get("test").get("mean").asDouble(), r = prelu.get("test").get("mean").asDouble();
        double d = poly.get("decisionTest").get("mean").asDouble();
        if (ds.equals("cora")) {
            // chance: 0.32 (the largest class of the test split); a broken model stays near it
            double gap = quick ? 0.03 : 0.01;
            rec.headline("Cora: poly test accuracy ≥ 75% (majority class 32%), within " + (int) (100 * gap) + " points of PReLU, "
                    + "decision accuracy ≥ 75% (chance 50%)", p >= 0.75 && r - p <= gap && d >= 0.75,
                    Fmt.f("poly %.2f%%, PReLU %.2f%% (gap %.2f points), decision %.1f%%", 100 * p, 100 * r, 100 * (r - p), 100 * d));
        } else if (ds.equals("csbm")) {
            rec.headline("csbm (no data directory): poly test accuracy ≥ 60% (3 classes)", p >= 0.6, Fmt.f("poly %.2f%%", 100 * p));
        }
        // PubMed and ogbn-arxiv: no published poly figure to hold them to; the table reports them
    }
}
