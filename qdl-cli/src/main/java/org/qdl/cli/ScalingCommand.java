package org.qdl.cli;

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
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.qdl.cli.protocol.LogLogChart;
import org.qdl.cli.protocol.SubspaceFamilyChoice;
import org.qdl.cli.protocol.TextTable;
import org.qdl.cli.report.Report;
import org.qdl.protocol.NumberEncoding;
import org.qdl.protocol.baseline.BaselineResult;
import org.qdl.protocol.baseline.ClassicalBaseline;
import org.qdl.protocol.baseline.ClassicalOption;
import org.qdl.protocol.hard.ClassicalLowerBound;
import org.qdl.protocol.hard.SubspaceDecision;
import org.qdl.protocol.hard.SubspaceFamily;
import org.qdl.protocol.hard.VectorInSubspaceGenerator;
import org.qdl.protocol.hard.VectorInSubspaceProtocol;
import org.qdl.protocol.inference.Estimator;
import org.qdl.protocol.inference.InferenceConfig;
import org.qdl.protocol.inference.InferenceProtocol;
import org.qdl.protocol.inference.InferenceResult;
import org.qdl.protocol.model.AlternatingModel;
import org.qdl.protocol.model.QdlModel;
import org.qdl.protocol.model.file.ModelFamily;
import org.qdl.sim.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Communication against N for the quantum protocol and its classical baselines: distributed
 * inference on {@link AlternatingModel} for N = 2^minK … 2^maxK, or (--hard) the vector-in-subspace
 * family. Table to stdout, CSV/JSON/PNG/SVG to --out, progress to stderr.
 */
@Command(name = "scaling", mixinStandardHelpOptions = true,
        description = {"Measure communication against N = 2^k: qubits of the quantum protocol (every shot re-runs the",
                "distributed circuit) versus bits of classical protocols for the same output.",
                "Default model: Alice holds x and U1, U3, …; Bob holds U2, U4, …, an N-parameter diagonal phase layer",
                "and O = 0.7 Z0Z1 − 0.3 X2. --hard runs the vector-in-subspace family instead."})
public final class ScalingCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--min-k", description = "smallest k (N = 2^k; default ${DEFAULT-VALUE})", defaultValue = "4")
    int minK;

    @Option(names = "--max-k", description = "largest k, up to 26 (default 22, or 16 with --hard: about half a minute each)")
    Integer maxKOption;

    int maxK;

    @Option(names = {"-L", "--layers"}, description = "hardware-efficient layers, alternating Alice/Bob (default ${DEFAULT-VALUE})", defaultValue = "4")
    int layers;

    @Option(names = "--no-phase-layer", description = "leave out Bob's N-parameter diagonal layer (then shipping parameters is cheap)")
    boolean noPhaseLayer;

    @Option(names = {"-e", "--epsilon"}, description = "additive error ε (default ${DEFAULT-VALUE})", defaultValue = "0.05")
    double epsilon;

    @Option(names = {"-d", "--delta"}, description = "failure probability δ (default ${DEFAULT-VALUE})", defaultValue = "0.01")
    double delta;

    @Option(names = "--estimator", description = "HOEFFDING or MEDIAN_OF_MEANS (default ${DEFAULT-VALUE})", defaultValue = "HOEFFDING")
    Estimator estimator;

    @Option(names = "--seed", description = "seed for data, parameters and shots (default ${DEFAULT-VALUE})", defaultValue = "1")
    long seed;

    @Option(names = "--hard", description = "the vector-in-subspace family (Klartag–Regev lower bound) instead of inference")
    boolean hard;

    @Option(names = "--family", description = "--hard: AUTO (Haar up to N = 256, random circuits above), HAAR or RANDOM_CIRCUIT (default ${DEFAULT-VALUE})",
            defaultValue = "AUTO", converter = SubspaceFamilyChoice.Converter.class)
    SubspaceFamilyChoice family;

    @Option(names = "--instances", description = "--hard: instances per N (default ${DEFAULT-VALUE})", defaultValue = "5")
    int instances;

    @Option(names = "--out", description = "directory for scaling.csv/.json/.png/.svg (hard-scaling.* with --hard)")
    Path out;

    @Option(names = "--json", description = "print JSON to stdout instead of the table")
    boolean json;

    @picocli.CommandLine.Mixin
    org.qdl.cli.noise.LinkNoiseOptions noise; // noisy/lossy links: the inference runs quantum trajectories

    @Option(names = "--model", paramLabel = "FILE", description = "a model file that is a family in N (\"$${n}\" / \"$${N}\" placeholders,"
            + " docs/models.md) instead of the alternating model; k = its data qubits")
    Path model;

    private ModelFamily modelFamily;

    /** One N of the inference sweep. */
    public record Row(int k, long n, long qubitsPerShot, long shots, long totalQubits, long classicalBitsVectors32,
            long classicalBitsVectors64, long cheapestClassicalBits64, String cheapestClassical, double ratioVectors64,
            double ratioCheapest64, double estimate, double exact, double halfWidth, double seconds) {}

    /** One N of the hard family. */
    public record HardRow(int k, long n, String family, int instances, int correct, long qubits, long messages,
            double lowerBoundBits, long aliceSendsVBits64, long bobSendsSubspaceBits64, String cheapestClassical,
            long cheapestClassicalBits64, double maxWrongProbability, double seconds) {}

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        maxK = maxKOption != null ? maxKOption : hard ? 16 : 22;
        if (model != null && hard) throw new InvalidInputException("--model and --hard exclude each other");
        if (model != null) modelFamily = ModelFamily.load(model);
        if (minK < (hard || model != null ? 1 : 4)) throw new InvalidInputException("--min-k must be at least " + (hard || model != null ? 1 : 4) + ", got " + minK);
        if (maxK > 26) throw new InvalidInputException("--max-k is at most 26 (N = 2^26), got " + maxK);
        if (maxK < minK) throw new InvalidInputException("--max-k (" + maxK + ") is below --min-k (" + minK + ")");
        if (layers < 1) throw new InvalidInputException("--layers must be at least 1, got " + layers);
        if (instances < 1) throw new InvalidInputException("--instances must be at least 1, got " + instances);
        if (noise.any() && hard) throw new InvalidInputException("--hard runs on perfect links: drop the noise options");
        InferenceConfig config = new InferenceConfig(epsilon, delta, estimator, seed); // validates ε, δ
        if (out != null) Files.createDirectories(out);
        return hard ? runHard(stdout, err) : runInference(config, stdout, err);
    }

    /** The family's member with k data qubits, every party in process. */
    private AlternatingModel.Example member(int k) throws IOException {
        QdlModel m = modelFamily.at(k);
        return new AlternatingModel.Example(m.network(), m.model(), k, m.model().stages().size(), false);
    }

    private int runInference(InferenceConfig config, PrintWriter stdout, PrintWriter err) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (int k = minK; k <= maxK; k++) {
            long t0 = System.nanoTime();
            err.printf("[scaling] N = 2^%d: building the model…%n", k);
            err.flush();
            AlternatingModel.Example ex = modelFamily != null ? member(k) : AlternatingModel.build(k, layers, !noPhaseLayer, false, seed + k);
            if (noise.any()) noise.applyTo(ex.network()); // else a model file's own "noise" stays
            err.printf("[scaling] N = 2^%d: model built (%.1f s); inference…%n", k, (System.nanoTime() - t0) / 1e9);
            err.flush();
            InferenceResult r = InferenceProtocol.run(ex.network(), ex.model(), new InferenceConfig(epsilon, delta, estimator, seed + k));
            err.printf("[scaling] N = 2^%d: %,d shots, %,d qubits; classical baseline…%n", k, r.shots(), r.totalQubits());
            err.flush();
            BaselineResult b = ClassicalBaseline.compare(ex.network(), ex.model(), NumberEncoding.FLOAT64);
            long vec64 = b.vectorBits(), vec32 = vec64 / 64 * 32; // same numbers at 32 bits each
            double secs = (System.nanoTime() - t0) / 1e9;
            rows.add(new Row(k, 1L << k, r.qubitsPerShot(), r.shots(), r.totalQubits(), vec32, vec64, b.cheapest().bits(),
                    b.cheapest().name(), (double) vec64 / r.totalQubits(), (double) b.cheapest().bits() / r.totalQubits(),
                    r.estimate(), r.exact(), r.halfWidth(), secs));
            err.printf("[scaling] N = 2^%d done in %.1f s%n", k, secs);
            err.flush();
        }
        Report<Row> report = new Report<>(rows).meta("command", "scaling")
                .meta("model", modelFamily != null ? modelFamily.file().toString() : "alternating: " + layers + " hardware-efficient layers"
                        + (noPhaseLayer ? "" : " + Bob's N-parameter diagonal phase layer") + ", O = " + AlternatingModel.OBSERVABLE)
                .meta("epsilon", epsilon).meta("delta", delta).meta("estimator", estimator.name()).meta("seed", seed);
        if (noise.any()) report.meta("noise", noise.describe());
        double[] n = report.values(Row::n), q = report.values(Row::totalQubits), v64 = report.values(Row::classicalBitsVectors64),
                best = report.values(Row::cheapestClassicalBits64);
        Map<String, Double> slopes = new LinkedHashMap<>();
        slopes.put("quantumTotalQubits", LogLogChart.slope(n, q));
        slopes.put("classicalVectors64", LogLogChart.slope(n, v64));
        slopes.put("cheapestClassical64", LogLogChart.slope(n, best));
        report.meta("slopes", slopes)
                .csvOnly("k", Row::k)
                .column("N", r -> "2^" + r.k(), "N", Row::n)
                .column("qubits/shot", "qubits_per_shot", Row::qubitsPerShot)
                .column("shots", r -> TextTable.count(r.shots()), "shots", Row::shots)
                .column("total qubits", r -> TextTable.count(r.totalQubits()), "total_qubits", Row::totalQubits)
                .column("classical bits 32", r -> TextTable.count(r.classicalBitsVectors32()), "classical_bits_vectors_32", Row::classicalBitsVectors32)
                .column("classical bits 64", r -> TextTable.count(r.classicalBitsVectors64()), "classical_bits_vectors_64", Row::classicalBitsVectors64)
                .column("cheapest classical 64", r -> TextTable.count(r.cheapestClassicalBits64()) + " (" + r.cheapestClassical() + ")",
                        "cheapest_classical_bits_64", Row::cheapestClassicalBits64)
                .csvOnly("cheapest_classical", Row::cheapestClassical)
                .column("ratio vec64/q", r -> String.format("%.3g", r.ratioVectors64()), "ratio_vectors_64", Row::ratioVectors64)
                .column("ratio best64/q", r -> String.format("%.3g", r.ratioCheapest64()), "ratio_cheapest_64", Row::ratioCheapest64)
                .tableOnly("|est − exact|", r -> String.format("%.4f", Math.abs(r.estimate() - r.exact())))
                .csvOnly("estimate", Row::estimate).csvOnly("exact", Row::exact).csvOnly("half_width", Row::halfWidth)
                .csvOnly("seconds", Row::seconds);
        if (json) {
            stdout.println(report.json());
        } else {
            if (modelFamily != null) stdout.printf("Distributed inference, ε = %s, δ = %s, %s; model family %s%n", epsilon, delta, estimator, model);
            else stdout.printf("Distributed inference, ε = %s, δ = %s, %s, L = %d%s; O = %s%n", epsilon, delta, estimator, layers,
                    noPhaseLayer ? "" : " + Bob's diagonal layer (N parameters)", AlternatingModel.OBSERVABLE);
            if (noise.any()) stdout.println("Noisy links (" + noise.describe() + "): total qubits include lost attempts; |est − exact| includes the noise bias (see qdl noise)");
            report.printTable(stdout, "");
            stdout.printf("Fitted log-log slopes: quantum total qubits %.3f, classical vectors %.3f, cheapest classical %.3f%n",
                    slopes.get("quantumTotalQubits"), slopes.get("classicalVectors64"), slopes.get("cheapestClassical64"));
            stdout.println("Ratios > 1: the quantum protocol sends fewer qubits than the classical one sends bits.");
        }
        if (out != null) {
            LogLogChart chart = new LogLogChart("Communication vs N (ε = " + epsilon + ", δ = " + delta + ", L = " + layers + ")", "N", "qubits / bits")
                    .add("quantum: total qubits", n, q).add("quantum: qubits per shot", n, report.values(Row::qubitsPerShot))
                    .add("classical vectors, 32-bit", n, report.values(Row::classicalBitsVectors32)).add("classical vectors, 64-bit", n, v64)
                    .add("cheapest classical, 64-bit", n, best);
            err.println("[scaling] wrote " + report.write(out, "scaling", chart) + ".{csv,json,png,svg}");
        }
        return Main.OK;
    }

    private int runHard(PrintWriter stdout, PrintWriter err) throws IOException {
        List<HardRow> rows = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(seed);
        for (int k = minK; k <= maxK; k++) {
            long t0 = System.nanoTime();
            SubspaceFamily fam = family.at(k);
            int correct = 0;
            double worst = 0;
            SubspaceDecision last = null;
            for (int i = 0; i < instances; i++) {
                last = VectorInSubspaceProtocol.decide(VectorInSubspaceGenerator.draw(fam, k, rng), rng.nextLong());
                if (last.correct()) correct++;
                worst = Math.max(worst, last.probabilityWrong());
            }
            long aliceV = optionBits(last, "gather at bob"), bobU = optionBits(last, "gather at alice");
            double secs = (System.nanoTime() - t0) / 1e9;
            rows.add(new HardRow(k, 1L << k, fam.name(), instances, correct, last.qubits(), last.ledger().total().messages(),
                    last.lowerBoundBits(), aliceV, bobU, last.classical().cheapest().name(), last.classical().cheapest().bits(), worst, secs));
            err.printf("[scaling --hard] N = 2^%d (%s): %d/%d correct, %.1f s%n", k, fam, correct, instances, secs);
            err.flush();
        }
        Report<HardRow> report = new Report<>(rows).meta("command", "scaling --hard")
                .meta("problem", "vector in subspace: Alice holds unit v, Bob W = U†(|0⟩⊗C^{N/2}); promise v ∈ W or v ∈ W⊥")
                .meta("lowerBound", ClassicalLowerBound.CITATION).meta("seed", seed)
                .csvOnly("k", HardRow::k)
                .column("N", r -> "2^" + r.k(), "N", HardRow::n)
                .column("family", "family", HardRow::family)
                .column("correct", r -> r.correct() + "/" + r.instances(), "correct", HardRow::correct)
                .csvOnly("instances", HardRow::instances)
                .column("qubits", "qubits", HardRow::qubits)
                .column("messages", "messages", HardRow::messages)
                .column("classical lower bound", r -> String.format("Ω(N^1/3) ≈ %.1f", r.lowerBoundBits()), "lower_bound_n_cuberoot", HardRow::lowerBoundBits)
                .column("Alice sends v (64)", r -> TextTable.count(r.aliceSendsVBits64()), "alice_sends_v_bits_64", HardRow::aliceSendsVBits64)
                .column("Bob sends W (64)", r -> TextTable.count(r.bobSendsSubspaceBits64()), "bob_sends_subspace_bits_64", HardRow::bobSendsSubspaceBits64)
                .column("cheapest classical", r -> TextTable.count(r.cheapestClassicalBits64()) + " (" + r.cheapestClassical() + ")",
                        "cheapest_classical_bits_64", HardRow::cheapestClassicalBits64)
                .csvOnly("cheapest_classical", HardRow::cheapestClassical)
                .csvOnly("max_wrong_probability", HardRow::maxWrongProbability).csvOnly("seconds", HardRow::seconds);
        if (json) {
            stdout.println(report.json());
        } else {
            stdout.println("Vector in subspace: one message of log2 N qubits, one measurement (correct with certainty under the promise)");
            report.printTable(stdout, "");
            stdout.println("Lower bound: " + ClassicalLowerBound.CITATION + "; constant unknown, N^{1/3} shown.");
            stdout.println("It is proven for HAAR subspaces only; for RANDOM_CIRCUIT Bob can send the circuit's n² angles instead.");
        }
        if (out != null) {
            double[] n = report.values(HardRow::n);
            LogLogChart chart = new LogLogChart("Vector in subspace: communication vs N", "N", "qubits / bits")
                    .add("quantum: qubits (one message)", n, report.values(HardRow::qubits))
                    .add("classical lower bound N^(1/3) (Klartag-Regev, Haar)", n, report.values(HardRow::lowerBoundBits))
                    .add("classical: Alice sends v, 64-bit", n, report.values(HardRow::aliceSendsVBits64))
                    .add("cheapest known classical, 64-bit (circuits: Bob sends angles)", n, report.values(HardRow::cheapestClassicalBits64));
            err.println("[scaling --hard] wrote " + report.write(out, "hard-scaling", chart) + ".{csv,json,png,svg}");
        }
        return Main.OK;
    }

    private static long optionBits(SubspaceDecision d, String name) {
        for (ClassicalOption o : d.classical().options()) if (o.name().equals(name)) return o.bits();
        throw new IllegalStateException("no classical option " + name);
    }

    static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }
}
