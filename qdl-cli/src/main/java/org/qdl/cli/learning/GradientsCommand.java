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
import org.qdl.learning.gradient.GradientModels;
import org.qdl.learning.gradient.GradientStudy;
import org.qdl.learning.gradient.GradientStudy.Row;
import org.qdl.learning.gradient.Precision;
import org.qdl.protocol.Network;
import org.qdl.protocol.model.QdlModel;
import org.qdl.protocol.model.file.ModelFile;
import org.qdl.sim.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qdl gradients}: gradient error against copies, and copies against P, for every estimator. */
@Command(name = "gradients", mixinStandardHelpOptions = true,
        description = {"Compares the gradient estimators on the same distributed model:",
            "(1) error against copies on the two-layer ansatz (alice Z-type layer, bob X-type layer, O = Z0),",
            "    or with --model FILE on your own model (docs/models.md), at its input vector;",
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

    @Option(names = "--model", paramLabel = "FILE", description = "part 1 on this model file instead of the two-layer ansatz (--n is then the model's)")
    Path model;

    private QdlModel userModel;

    static final List<String> SAMPLERS = GradientStudy.SAMPLERS;

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
        if (model != null) {
            userModel = ModelFile.load(model);
            n = 1 << userModel.dataQubits();
        }
        Files.createDirectories(out);
        List<Row> part1 = errorAgainstCopies(err);
        List<Row> part2 = copiesAgainstP(err);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("errorAgainstCopies", part1);
            doc.put("copiesAgainstP", part2);
            o.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } else {
            o.printf("Part 1: error against copies%s, N = %d, δ = %.3g (max error over all P components vs the adjoint reference)%n",
                    model == null ? "" : " on " + model, n, delta);
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
        ProgressBar bar = new ProgressBar(err, "gradients: error vs copies");
        List<Precision> precs = new ArrayList<>();
        for (double eps : epsilons) precs.add(new Precision(eps, delta));
        List<Row> rows = new GradientStudy(seed, maxCopies).errorAgainstCopies(this::partOneModel, precs, bar::update);
        bar.finish();
        return rows;
    }

    /** A fresh instance of part 1's model: the user's (fresh layers on a fresh network each call) or the two-layer ansatz. */
    private GradientModels.Instance partOneModel() {
        if (userModel == null) return GradientModels.twoLayer(n, seed);
        Network net = userModel.network();
        return new GradientModels.Instance(net, userModel.model(), GradientStudy.locality(net, userModel.model()));
    }

    private List<Row> copiesAgainstP(PrintWriter err) {
        ProgressBar bar = new ProgressBar(err, "gradients: copies vs P");
        List<Integer> ps = new ArrayList<>();
        for (int p = 4; p <= pMax; p *= 2) ps.add(p);
        List<Row> rows = new GradientStudy(seed, maxCopies).copiesAgainstP(p -> GradientModels.manyParameters(scalingQubits, p, seed), ps,
                new Precision(scalingEpsilon, delta), measureMaxP, bar::update);
        bar.finish();
        return rows;
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
