package org.qdl.cli.noise;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qdl.claims.noise.NoiseStudy;
import org.qdl.cli.Main;
import org.qdl.cli.protocol.LogLogChart;
import org.qdl.cli.protocol.TextTable;
import org.qdl.protocol.model.AlternatingModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qdl noise}: the advantage on noisy, lossy links (study in {@link NoiseStudy}); tables, CSV/JSON and a plot. */
@Command(name = "noise", mixinStandardHelpOptions = true,
        description = {"Quantum advantage on realistic links: total qubits to reach (ε, δ) on the example model against N, the",
                "depolarising rate per qubit per hop and the fibre length (heralded loss, retried shots), with rescaling",
                "mitigation, against the cheapest classical protocol; the crossover N; the largest noise / length at which the",
                "advantage holds at N = 2^--at-k. Checked against the density matrix and one executed noisy inference."})
public final class NoiseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--min-k", defaultValue = "4", description = "smallest k, N = 2^k (default ${DEFAULT-VALUE})")
    int minK;

    @Option(names = "--max-k", defaultValue = "22", description = "largest k, up to 24 (default ${DEFAULT-VALUE})")
    int maxK;

    @Option(names = {"-L", "--layers"}, defaultValue = "4", description = "hardware-efficient layers, alternating Alice/Bob (default ${DEFAULT-VALUE})")
    int layers;

    @Option(names = {"-e", "--epsilon"}, defaultValue = "0.05", description = "additive error ε (default ${DEFAULT-VALUE})")
    double epsilon;

    @Option(names = {"-d", "--delta"}, defaultValue = "0.01", description = "failure probability δ (default ${DEFAULT-VALUE})")
    double delta;

    @Option(names = "--levels", split = ",", defaultValue = "0,0.0001,0.001,0.003,0.01,0.03",
            description = "depolarising p per qubit per hop (ρ → (1−p)ρ + p·I/2) (default ${DEFAULT-VALUE})")
    double[] levels;

    @Option(names = "--link-km", split = ",", defaultValue = "0", description = "fibre lengths per link in km (default ${DEFAULT-VALUE})")
    double[] kms;

    @Option(names = "--loss-db-per-km", defaultValue = "0.2", description = "fibre loss in dB/km (default ${DEFAULT-VALUE}, telecom fibre at 1550 nm)")
    double dbPerKm;

    @Option(names = "--at-k", defaultValue = "20", description = "N = 2^k for the thresholds (default ${DEFAULT-VALUE})")
    int atK;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the models and shots (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", description = "directory for noise.csv/.json/.png/.svg")
    Path out;

    @Option(names = "--json", description = "print JSON to stdout instead of the tables")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        NoiseStudy.Config c = new NoiseStudy.Config(minK, maxK, layers, epsilon, delta, levels, dbPerKm, kms, atK, seed);
        if (out != null) Files.createDirectories(out);
        NoiseStudy.Result r = NoiseStudy.run(c, msg -> {
            err.println("[noise] " + msg);
            err.flush();
        });
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", "noise");
        doc.put("model", "alternating: " + layers + " hardware-efficient layers + Bob's N-parameter diagonal phase layer, O = " + AlternatingModel.OBSERVABLE);
        doc.put("noiseModel", "depolarizing p per qubit per hop, white-noise shrink F = (1-3p/4)^(nH), rescaling mitigation (S = S0/F^2); "
                + "heralded loss eta = 10^(-A*L/10) per qubit, retried shots");
        doc.put("epsilon", epsilon);
        doc.put("delta", delta);
        doc.put("dbPerKm", dbPerKm);
        doc.put("rows", r.rows());
        doc.put("crossovers", r.crossovers());
        doc.put("thresholds", r.thresholds());
        doc.put("checks", r.checks());
        doc.put("executed", r.executed());
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        if (json) o.println(mapper.writeValueAsString(doc));
        else print(o, r);
        if (out != null) {
            StringBuilder csv = new StringBuilder("k,N,p,km,transmission,hops,qubits_per_hop,shrink,shots,sent_per_shot,total_qubits,"
                    + "classical_bits_64,classical_option,ratio,overhead_exponent\n");
            for (NoiseStudy.Row w : r.rows()) {
                csv.append(String.format(java.util.Locale.ROOT, "%d,%d,%s,%s,%.9g,%d,%d,%.9g,%d,%.9g,%.9g,%d,%s,%.6g,%.6g%n", w.k(), w.n(), w.p(), w.km(),
                        w.transmission(), w.hops(), w.qubitsPerHop(), w.shrink(), w.shots(), w.sentPerShot(), w.totalQubits(), w.classicalBits(),
                        w.classicalOption(), w.ratio(), w.overheadExponent()));
            }
            Files.writeString(out.resolve("noise.csv"), csv);
            Files.writeString(out.resolve("noise.json"), mapper.writeValueAsString(doc) + "\n");
            LogLogChart chart = new LogLogChart("Qubits to reach ε = " + epsilon + ", δ = " + delta + " on noisy links", "N", "qubits / bits");
            for (double km : kms) {
                for (double p : levels) {
                    List<double[]> pts = new ArrayList<>();
                    for (NoiseStudy.Row w : r.rows()) if (w.p() == p && w.km() == km && Double.isFinite(w.totalQubits())) pts.add(new double[] {w.n(), w.totalQubits()});
                    if (pts.isEmpty()) continue;
                    double[] x = new double[pts.size()], y = new double[pts.size()];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = pts.get(i)[0];
                        y[i] = pts.get(i)[1];
                    }
                    chart.add("quantum p = " + p + (kms.length > 1 || km > 0 ? ", " + km + " km" : ""), x, y);
                }
            }
            double[] x = new double[maxK - minK + 1], y = new double[x.length];
            for (NoiseStudy.Row w : r.rows()) {
                x[w.k() - minK] = w.n();
                y[w.k() - minK] = w.classicalBits();
            }
            chart.add("cheapest classical, 64-bit", x, y).save(out.resolve("noise"));
            err.println("[noise] wrote " + out.resolve("noise") + ".{csv,json,png,svg}");
        }
        return Main.OK;
    }

    private void print(PrintWriter o, NoiseStudy.Result r) {
        o.printf("Noisy links, ε = %s, δ = %s, L = %d; O = %s; depolarising p per qubit per hop, %s dB/km fibre, rescaling mitigation%n",
                epsilon, delta, layers, AlternatingModel.OBSERVABLE, dbPerKm);
        TextTable t = new TextTable("N", "p", "km", "F", "shots", "qubits/shot sent", "total qubits", "cheapest classical 64", "ratio classical/q");
        for (NoiseStudy.Row w : r.rows()) {
            t.row("2^" + w.k(), w.p(), w.km(), String.format("%.3g", w.shrink()), w.shots() == Long.MAX_VALUE ? "∞" : TextTable.count(w.shots()),
                    String.format("%.4g", w.sentPerShot()), String.format("%.4g", w.totalQubits()), TextTable.count(w.classicalBits()),
                    String.format("%.3g", w.ratio()));
        }
        t.print(o, "");
        o.println();
        TextTable x = new TextTable("p", "km", "overhead N^e, e =", "crossover: advantage from N =");
        for (NoiseStudy.Crossover c : r.crossovers()) {
            x.row(c.p(), c.km(), String.format("%.3f", c.overheadExponent()), c.k() < 0 ? "none up to 2^" + maxK : "2^" + c.k());
        }
        x.print(o, "");
        o.println();
        TextTable th = new TextTable("N", "at km", "largest p with advantage", "at p", "largest km with advantage");
        for (NoiseStudy.Threshold h : r.thresholds()) {
            th.row("2^" + h.k(), h.km(), String.format("%.4g", h.maxP()), h.p(), Double.isInfinite(h.maxKm()) ? "∞" : String.format("%.4g", h.maxKm()));
        }
        th.print(o, "");
        o.println();
        o.println("Check: density matrix (local depolarising on every qubit) against the white-noise shrink F = (1 − 3p/4)^(nH):");
        TextTable ck = new TextTable("n", "p", "F (model)", "⟨O⟩_noisy/⟨O⟩ (density matrix)");
        for (NoiseStudy.Check c : r.checks()) ck.row(c.n(), c.p(), String.format("%.5f", c.predictedShrink()), String.format("%.5f", c.measuredShrink()));
        ck.print(o, "");
        NoiseStudy.Executed e = r.executed();
        o.printf("%nExecuted (n = %d, global depolarising p_g = 1 − F_hop for p = %s, %s km, rescaled): estimate %.5f ± %.5f, exact %.5f;%n"
                + "  shots %,d (model %,d); qubits sent %,d (model expectation %.0f), %,d lost%n",
                e.n(), e.p(), e.km(), e.estimate(), e.halfWidth(), e.exact(), e.shots(), e.predictedShots(), e.sentQubits(), e.expectedSentQubits(),
                e.lostQubits());
    }
}
