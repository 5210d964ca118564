package org.qdl.cli.learning;

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
import org.qdl.learning.gradient.AdjointDifferentiation;
import org.qdl.learning.gradient.Estimators;
import org.qdl.learning.gradient.GradientEstimate;
import org.qdl.learning.gradient.GradientEstimator;
import org.qdl.learning.gradient.GradientModels;
import org.qdl.learning.gradient.ParameterLayout;
import org.qdl.learning.gradient.Precision;
import org.qdl.learning.gradient.ShadowTomographyBound;
import org.qdl.sim.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qdl gradients}: gradient error against copies, and copies against P, for every estimator. */
@Command(name = "gradients", mixinStandardHelpOptions = true,
        description = {"Compares the gradient estimators on the same distributed model:",
            "(1) error against copies on the two-layer ansatz (alice Z-type layer, bob X-type layer, O = Z0);",
            "(2) copies needed for error ε against P on one layer of P commuting Z-strings (P = 4 … 1024),",
            "O(P log P) for parameter shift and the Hadamard test, O(log P) for the simultaneous estimators;",
            "shadow tomography (Bădescu–O'Donnell) is shown analytically and never simulated."})
public final class GradientsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--n", description = "vector length N of part 1 (default ${DEFAULT-VALUE})", defaultValue = "256")
    int n;

    @Option(names = "--epsilons", split = ",", description = "target precisions of part 1 (default ${DEFAULT-VALUE})", defaultValue = "0.4,0.2,0.1,0.05")
    double[] epsilons;

    @Option(names = "--delta", description = "failure probability δ (default ${DEFAULT-VALUE})", defaultValue = "0.05")
    double delta;

    @Option(names = "--scaling-qubits", description = "qubits of the part-2 model (default ${DEFAULT-VALUE})", defaultValue = "12")
    int scalingQubits;

    @Option(names = "--scaling-epsilon", description = "ε of part 2 (default ${DEFAULT-VALUE})", defaultValue = "0.1")
    double scalingEpsilon;

    @Option(names = "--p-max", description = "largest P of part 2, doubling from 4 (default ${DEFAULT-VALUE})", defaultValue = "1024")
    int pMax;

    @Option(names = "--measure-max-p", description = "run parameter shift and the Hadamard test up to this P (larger: planned copies only; default ${DEFAULT-VALUE})", defaultValue = "256")
    int measureMaxP;

    @Option(names = "--max-copies", description = "skip a measured run that would simulate more copies (default ${DEFAULT-VALUE})", defaultValue = "20000000")
    long maxCopies;

    @Option(names = "--seed", description = "seed (default ${DEFAULT-VALUE})", defaultValue = "1")
    long seed;

    @Option(names = "--out", description = "output directory (default ${DEFAULT-VALUE})", defaultValue = "runs/gradients")
    Path out;

    @Option(names = "--json", description = "print the results as JSON on stdout instead of tables")
    boolean json;

    static final List<String> SAMPLERS = List.of("parameter-shift", "hadamard-test", "simultaneous", "classical-shadows");

    /** One row of either table. */
    public record Row(String part, String estimator, int parameters, int locality, double epsilon, long plannedCopies, Long copies,
            Double maxError, Double meanHalfWidth, Long qubits, Long classicalBits, double seconds, String status) {}

    @Override
    public Integer call() throws IOException {
        if (pMax < 4) throw new InvalidInputException("--p-max must be at least 4, got " + pMax);
        if (n < 4 || n > (1 << 24)) throw new InvalidInputException("--n must lie in 4..2^24, got " + n);
        if (scalingQubits < 3 || scalingQubits > 20) throw new InvalidInputException("--scaling-qubits must lie in 3..20, got " + scalingQubits);
        new org.qdl.learning.gradient.Precision(scalingEpsilon, delta); // both parts' values checked before part 1 runs
        for (double e : epsilons) new org.qdl.learning.gradient.Precision(e, delta);
        for (double e : epsilons) if (!(e <= 1)) throw new InvalidInputException("--epsilons must lie in (0, 1] (gradient components are at most 1 here), got " + e);
        if (!(scalingEpsilon <= 1)) throw new InvalidInputException("--scaling-epsilon must lie in (0, 1], got " + scalingEpsilon);
        PrintWriter o = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        Files.createDirectories(out);
        List<Row> part1 = errorAgainstCopies(err);
        List<Row> part2 = copiesAgainstP(err);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("errorAgainstCopies", part1);
            doc.put("copiesAgainstP", part2);
            o.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } else {
            o.printf("Part 1: error against copies, N = %d, δ = %.3g (max error over all P components vs the adjoint reference)%n", n, delta);
            table(o, part1);
            o.printf("%nPart 2: copies for ε = %.3g, δ = %.3g against P (one layer of commuting Z-strings on %d qubits)%n", scalingEpsilon, delta, scalingQubits);
            table(o, part2);
        }
        List<Path> files = new ArrayList<>();
        files.add(csv(part1, out.resolve("gradients-error.csv")));
        files.add(csv(part2, out.resolve("gradients-scaling.csv")));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("errorAgainstCopies", part1);
        doc.put("copiesAgainstP", part2);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("gradients.json").toFile(), doc);
        files.add(out.resolve("gradients.json"));
        files.addAll(plotError(part1));
        files.addAll(plotScaling(part2));
        if (!json) o.println("wrote " + files);
        return 0;
    }

    private List<Row> errorAgainstCopies(PrintWriter err) {
        List<Row> rows = new ArrayList<>();
        ProgressBar bar = new ProgressBar(err, "gradients: error vs copies");
        int total = epsilons.length * SAMPLERS.size(), done = 0;
        for (double eps : epsilons) {
            Precision prec = new Precision(eps, delta);
            for (String name : SAMPLERS) {
                GradientModels.Instance inst = GradientModels.twoLayer(n, seed);
                rows.add(runOne("error", name, inst, prec, true));
                bar.update(++done, total, name);
            }
            GradientModels.Instance inst = GradientModels.twoLayer(n, seed);
            rows.add(tomography("error", inst, prec));
            rows.add(new Row("error", "adjoint", ParameterLayout.of(inst.network(), inst.model()).size(), inst.locality(), eps, 0, 0L, 0.0, 0.0,
                    0L, 0L, 0, "exact local reference (the errors above are measured against it)"));
        }
        bar.finish();
        return rows;
    }

    private List<Row> copiesAgainstP(PrintWriter err) {
        List<Row> rows = new ArrayList<>();
        ProgressBar bar = new ProgressBar(err, "gradients: copies vs P");
        int points = 0;
        for (int p = 4; p <= pMax; p *= 2) points++;
        int done = 0;
        Precision prec = new Precision(scalingEpsilon, delta);
        for (int p = 4; p <= pMax; p *= 2) {
            for (String name : SAMPLERS) {
                GradientModels.Instance inst = GradientModels.manyParameters(scalingQubits, p, seed);
                boolean perParameter = name.equals("parameter-shift") || name.equals("hadamard-test");
                rows.add(runOne("scaling", name, inst, prec, !perParameter || p <= measureMaxP));
            }
            rows.add(tomography("scaling", GradientModels.manyParameters(scalingQubits, p, seed), prec));
            bar.update(++done, points, "P = " + p);
        }
        bar.finish();
        return rows;
    }

    private Row runOne(String part, String name, GradientModels.Instance inst, Precision prec, boolean measure) {
        GradientEstimator est = Estimators.byName(name);
        int params = ParameterLayout.of(inst.network(), inst.model()).size();
        String why = est.notApplicable(inst.network(), inst.model());
        if (why != null) return new Row(part, name, params, inst.locality(), prec.epsilon(), 0, null, null, null, null, null, 0, "not applicable: " + why);
        long planned = est.plannedCopies(inst.network(), inst.model(), prec);
        if (!measure) return new Row(part, name, params, inst.locality(), prec.epsilon(), planned, null, null, null, null, null, 0, "planned only (P > --measure-max-p)");
        if (planned > maxCopies) return new Row(part, name, params, inst.locality(), prec.epsilon(), planned, null, null, null, null, null, 0, "planned only (copies > --max-copies)");
        double[] exact = new AdjointDifferentiation().estimate(inst.network(), inst.model(), prec, 0).gradient();
        long t0 = System.nanoTime();
        GradientEstimate e = est.estimate(inst.network(), inst.model(), prec, seed + 17);
        double secs = (System.nanoTime() - t0) / 1e9;
        double hw = 0;
        for (double h : e.halfWidth()) hw += h;
        return new Row(part, name, params, inst.locality(), prec.epsilon(), planned, e.copies(), e.maxError(exact), hw / e.size(),
                e.communication().qubits(), e.communication().classicalBits(), secs, "measured");
    }

    private Row tomography(String part, GradientModels.Instance inst, Precision prec) {
        int params = ParameterLayout.of(inst.network(), inst.model()).size();
        int layers = ParameterLayout.of(inst.network(), inst.model()).entries().size();
        long nn = inst.network().party(inst.model().dataParty()).dataLength(inst.model().dataKey());
        ShadowTomographyBound.Counts c = ShadowTomographyBound.of(nn, Math.max(1, params / layers), layers, prec.epsilon(), prec.delta());
        return new Row(part, "shadow-tomography", params, inst.locality(), prec.epsilon(), c.copiesPerStep(), null, null, null, null, null, 0,
                "analytic (Bădescu–O'Donnell, constants 1); " + c.reason());
    }

    private static void table(PrintWriter o, List<Row> rows) {
        o.printf("%-18s %5s %3s %6s %14s %12s %10s %12s %14s %8s  %s%n", "estimator", "P", "k", "ε", "planned", "copies", "max.err", "mean.±", "qubits", "secs", "status");
        for (Row r : rows) {
            o.printf("%-18s %5d %3d %6.3g %14d %12s %10s %12s %14s %8.2f  %s%n", r.estimator(), r.parameters(), r.locality(), r.epsilon(), r.plannedCopies(),
                    r.copies() == null ? "-" : r.copies().toString(), r.maxError() == null ? "-" : String.format("%.4f", r.maxError()),
                    r.meanHalfWidth() == null ? "-" : String.format("%.4f", r.meanHalfWidth()), r.qubits() == null ? "-" : r.qubits().toString(),
                    r.seconds(), r.status());
        }
    }

    private static Path csv(List<Row> rows, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("estimator,parameters,locality,epsilon,planned_copies,copies,max_error,mean_half_width,qubits,classical_bits,seconds,status\n");
        for (Row r : rows) {
            sb.append(r.estimator()).append(',').append(r.parameters()).append(',').append(r.locality()).append(',').append(r.epsilon()).append(',')
                    .append(r.plannedCopies()).append(',').append(nz(r.copies())).append(',').append(nz(r.maxError())).append(',')
                    .append(nz(r.meanHalfWidth())).append(',').append(nz(r.qubits())).append(',').append(nz(r.classicalBits())).append(',')
                    .append(r.seconds()).append(",\"").append(r.status().replace("\"", "'")).append("\"\n");
        }
        Files.writeString(file, sb.toString());
        return file;
    }

    private static String nz(Object v) {
        return v == null ? "" : v.toString();
    }

    private List<Path> plotError(List<Row> rows) throws IOException {
        List<LearningPlots.Series> s = new ArrayList<>();
        for (String name : SAMPLERS) {
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            for (Row r : rows) {
                if (r.estimator().equals(name) && r.copies() != null && r.maxError() > 0) {
                    x.add((double) r.copies());
                    y.add(r.maxError());
                }
            }
            s.add(new LearningPlots.Series(name, TrainCommand.arr(x), TrainCommand.arr(y)));
        }
        return LearningPlots.save(LearningPlots.chart("Max gradient error against copies (N = " + n + ")", "copies of the input state", "max |error|", true, true, s),
                out.resolve("gradients-error"));
    }

    private List<Path> plotScaling(List<Row> rows) throws IOException {
        List<LearningPlots.Series> s = new ArrayList<>();
        List<String> names = new ArrayList<>(SAMPLERS);
        names.add("shadow-tomography");
        for (String name : names) {
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            for (Row r : rows) {
                if (r.estimator().equals(name) && r.plannedCopies() > 0) {
                    x.add((double) r.parameters());
                    y.add((double) r.plannedCopies());
                }
            }
            s.add(new LearningPlots.Series(name + (name.equals("shadow-tomography") ? " (analytic)" : ""), TrainCommand.arr(x), TrainCommand.arr(y)));
        }
        return LearningPlots.save(LearningPlots.chart("Copies for ε = " + scalingEpsilon + " against P", "parameters P", "copies", true, true, s),
                out.resolve("gradients-scaling"));
    }
}
