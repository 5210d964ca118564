package org.qdl.cli.claims;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.qdl.claims.expressivity.EncodingDesign;
import org.qdl.claims.expressivity.ExpressivityStudy;
import org.qdl.claims.expressivity.FourierFit;
import org.qdl.sim.InvalidInputException;
import org.qdl.cli.options.ClaimOutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qdl expressivity}: frequency spectrum of data re-uploading models against depth, and fits. */
@Command(name = "expressivity", mixinStandardHelpOptions = true,
        description = {"Frequency spectrum of data re-uploading models f(x) = <0|U(x)^† Z_0 U(x)|0> against depth L:",
                "analytic (differences of sums of generator eigenvalues) and numeric (FFT of the simulated output),",
                "for linear (s = 1) and exponential (s = 3^k) input scaling; and fits to a many-frequency teacher."})
public final class ExpressivityCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--qubits", defaultValue = "1", description = "model width n (default ${DEFAULT-VALUE})")
    int qubits;

    @Option(names = "--max-depth", defaultValue = "5", description = "largest depth L (default ${DEFAULT-VALUE})")
    int maxDepth;

    @Option(names = "--teacher-depth", defaultValue = "3", description = "depth L* of the exponential teacher (default ${DEFAULT-VALUE})")
    int teacherDepth;

    @Option(names = "--train-points", defaultValue = "128", description = "grid points for the fit (default ${DEFAULT-VALUE})")
    int trainPoints;

    @Option(names = "--iterations", defaultValue = "300", description = "Adam iterations per start (default ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--restarts", defaultValue = "4", description = "random starts per fit (default ${DEFAULT-VALUE})")
    int restarts;

    @Option(names = "--learning-rate", defaultValue = "0.05", description = "Adam step (default ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--threshold", defaultValue = "1e-12", description = "relative |c_k| above which a DFT coefficient counts (default ${DEFAULT-VALUE})")
    double threshold;

    @picocli.CommandLine.Mixin
    ClaimOutputOptions outputs;

    @Override
    public Integer call() throws Exception {
        if (qubits < 1 || maxDepth < 1 || teacherDepth < 1) throw new InvalidInputException("--qubits, --max-depth and --teacher-depth must be positive");
        if ((long) qubits * maxDepth > 12) throw new InvalidInputException("--qubits × --max-depth = " + (long) qubits * maxDepth + " exceeds 12 (3^12 frequencies to resolve)");
        if ((long) qubits * teacherDepth > 12) throw new InvalidInputException("--qubits × --teacher-depth = " + (long) qubits * teacherDepth + " exceeds 12 (3^12 frequencies to resolve)");
        PrintWriter o = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        int total = 2 * maxDepth;
        ExpressivityStudy.Result r = ExpressivityStudy.run(new ExpressivityStudy.Settings(qubits, maxDepth, teacherDepth, trainPoints,
                new FourierFit.Settings(iterations, restarts, learningRate), threshold, outputs.seed),
                d -> err.printf("expressivity: %d/%d models fitted%n", d, total));
        List<String> lines = new ArrayList<>();
        for (ExpressivityStudy.Row row : r.rows()) {
            lines.add(String.format(Locale.ROOT, "%s,%d,%d,%.0f,%d,%d,%.6g,%d,%d", row.design().name().toLowerCase(Locale.ROOT), row.depth(),
                    row.analyticFrequencies(), row.maxFrequency(), row.numericFrequencies(), row.outsideAnalytic(), row.fitRelativeError(),
                    row.frequenciesUsed(), row.parameters()));
        }
        Path csv = ClaimCharts.csv(outputs.out, "expressivity.csv",
                "design,depth,analytic_frequencies,max_frequency,numeric_frequencies,outside_analytic,fit_relative_error,frequencies_used,parameters", lines);
        List<Path> plots = plot(r);
        if (outputs.json) {
            o.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r));
        } else {
            o.printf(Locale.ROOT, "Teacher: exponential design, n = %d, L* = %d: %d frequencies (|k| ≤ %.0f), %d with |c_k| > 1e-3; %d training points.%n",
                    qubits, teacherDepth, r.teacherFrequencies(), r.teacherMaxFrequency(), r.teacherUsed(), trainPoints);
            o.printf("%-12s %3s %10s %8s %10s %8s %12s %6s %7s%n", "design", "L", "|Ω| theory", "max k", "|Ω| FFT", "outside", "fit rel.err", "used", "params");
            for (ExpressivityStudy.Row row : r.rows()) {
                o.printf(Locale.ROOT, "%-12s %3d %10d %8.0f %10d %8d %12.3e %6d %7d%n", row.design().name().toLowerCase(Locale.ROOT), row.depth(),
                        row.analyticFrequencies(), row.maxFrequency(), row.numericFrequencies(), row.outsideAnalytic(), row.fitRelativeError(),
                        row.frequenciesUsed(), row.parameters());
            }
            o.println("|Ω| theory: distinct Σ_ℓ(λ_ℓ,j − λ_ℓ,k); |Ω| FFT: DFT coefficients of a random model with |c_k| > " + threshold
                    + "·max; outside: FFT frequencies not in Ω; used: |c_k| > 1e-3 in the fitted model.");
            o.println("wrote " + csv + ", " + plots.get(0) + ", " + plots.get(1) + ", " + plots.get(2) + ", " + plots.get(3));
        }
        return 0;
    }

    private List<Path> plot(ExpressivityStudy.Result r) {
        XYChart f = ClaimCharts.chart("Accessible frequencies vs depth (n = " + qubits + ")", "depth L", "number of frequencies |Ω|", false, true);
        XYChart e = ClaimCharts.chart("Fit to a teacher with " + r.teacherFrequencies() + " frequencies (L* = " + teacherDepth + ")",
                "depth L", "relative test error", false, true);
        for (EncodingDesign d : EncodingDesign.values()) {
            List<Double> L = new ArrayList<>(), a = new ArrayList<>(), num = new ArrayList<>(), err = new ArrayList<>();
            for (ExpressivityStudy.Row row : r.rows()) {
                if (row.design() != d) continue;
                L.add((double) row.depth());
                a.add((double) row.analyticFrequencies());
                num.add((double) Math.max(1, row.numericFrequencies()));
                err.add(Math.max(1e-12, row.fitRelativeError()));
            }
            String name = d.name().toLowerCase(Locale.ROOT);
            ClaimCharts.line(f, name + " (analytic)", ClaimCharts.toDoubles(L), ClaimCharts.toDoubles(a));
            f.addSeries(name + " (FFT)", ClaimCharts.toDoubles(L), ClaimCharts.toDoubles(num))
                    .setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
            ClaimCharts.line(e, name, ClaimCharts.toDoubles(L), ClaimCharts.toDoubles(err));
        }
        double[] L = new double[maxDepth], three = new double[maxDepth];
        for (int i = 0; i < maxDepth; i++) {
            L[i] = i + 1;
            three[i] = Math.pow(3, qubits * (i + 1));
        }
        ClaimCharts.dashed(f, "3^(nL)", L, three);
        List<Path> p = new ArrayList<>(ClaimCharts.save(f, outputs.out, "expressivity-frequencies"));
        p.addAll(ClaimCharts.save(e, outputs.out, "expressivity-fit"));
        return p;
    }
}
