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
import org.qdl.claims.linear.LinearCostStudy;
import org.qdl.claims.privacy.PrivacyAccount;
import org.qdl.claims.linear.QuantumInnerProductProtocol;
import org.qdl.claims.linear.InnerProductReceiver;
import org.qdl.protocol.Network;
import org.qdl.protocol.NumberEncoding;
import org.qdl.cli.options.ClaimOutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qdl linear}: communication of ⟨w, x⟩ estimation, classical sketch vs quantum, against N and ε. */
@Command(name = "linear", mixinStandardHelpOptions = true,
        description = {"Linear classification: estimate <w, x> to ε·|w||x| with confidence 1 − δ, Alice holding x, Bob w.",
                "Classical: shared-randomness JL sketch, k = O(log(1/δ)/ε²) numbers. Quantum: S = O(log(1/δ)/ε²) copies of",
                "a ⌈log2(N+1)⌉-qubit state. Both measured through the ledger against N and ε; no exponential separation",
                "(contrast: vector-in-subspace, log N qubits vs Ω(N^(1/3)) bits)."})
public final class LinearCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dims", split = ",", defaultValue = "16,256,4096,65536", description = "dimensions N (default ${DEFAULT-VALUE})")
    long[] dims;

    @Option(names = "--eps", split = ",", defaultValue = "0.4,0.2,0.1,0.05", description = "target errors ε (default ${DEFAULT-VALUE})")
    double[] eps;

    @Option(names = "--delta", defaultValue = "0.05", description = "failure probability δ (default ${DEFAULT-VALUE})")
    double delta;

    @Option(names = "--trials", defaultValue = "10", description = "runs per (N, ε) (default ${DEFAULT-VALUE})")
    int trials;

    @Option(names = "--encoding", defaultValue = "FLOAT32", description = "sketch number encoding: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    NumberEncoding encoding;

    @picocli.CommandLine.Mixin
    ClaimOutputOptions outputs;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        int total = dims.length * eps.length;
        List<LinearCostStudy.Row> rows = LinearCostStudy.run(new LinearCostStudy.Settings(dims, eps, delta, trials, encoding, outputs.seed),
                d -> err.printf("linear: %d/%d (N, ε) points%n", d, total));
        List<String> lines = new ArrayList<>();
        for (LinearCostStudy.Row r : rows) {
            lines.add(String.format(Locale.ROOT, "%d,%g,%d,%d,%.6g,%.4g,%d,%d,%d,%.6g,%.4g,%d,%.6g", r.n(), r.epsilon(), r.sketchNumbers(), r.sketchBits(),
                    r.sketchErrorQuantile(), r.sketchFailures(), r.copies(), r.quantumQubits(), r.quantumBits(), r.quantumErrorQuantile(),
                    r.quantumFailures(), r.visQubitsPerCopy(), r.visClassicalScaling()));
        }
        Path csv = ClaimCharts.csv(outputs.out, "linear.csv", "N,epsilon,sketch_numbers,sketch_bits,sketch_error_q,sketch_failures,copies,quantum_qubits,"
                + "quantum_bits,quantum_error_q,quantum_failures,vis_qubits_per_copy,vis_classical_n_cbrt", lines);
        List<Path> plots = plot(rows);
        if (outputs.json) {
            o.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
            return 0;
        }
        o.printf(Locale.ROOT, "δ = %g, %d trials per point; errors are |estimate − <w,x>| / (|w||x|), quantile 1 − δ over trials.%n", delta, trials);
        o.printf("%8s %6s | %7s %9s %9s %6s | %6s %9s %5s %9s %6s | %9s %9s%n", "N", "ε", "sketch k", "bits", "err q", "fail",
                "copies", "qubits", "bits", "err q", "fail", "VIS qubit", "VIS N^1/3");
        for (LinearCostStudy.Row r : rows) {
            o.printf(Locale.ROOT, "%8d %6.3f | %7d %9d %9.4f %6.3f | %6d %9d %5d %9.4f %6.3f | %9d %9.1f%n", r.n(), r.epsilon(), r.sketchNumbers(),
                    r.sketchBits(), r.sketchErrorQuantile(), r.sketchFailures(), r.copies(), r.quantumQubits(), r.quantumBits(),
                    r.quantumErrorQuantile(), r.quantumFailures(), r.visQubitsPerCopy(), r.visClassicalScaling());
        }
        o.println("VIS: vector-in-subspace, quoted analytically: log2 N qubits per copy (quantum) vs Ω(N^(1/3)) bits (classical, constant unknown).");
        o.println(privacyLine());
        o.println("wrote " + csv + ", " + String.join(", ", plots.stream().map(Path::toString).toList()));
        return 0;
    }

    /** Privacy report of one quantum run at the first N and last ε (Bob receives the copies). */
    private String privacyLine() {
        int n = (int) dims[0];
        double[][] xw = LinearCostStudy.correlatedPair(n, new java.util.SplittableRandom(outputs.seed));
        Network net = new Network();
        net.addLocalParty("alice").holdData(QuantumInnerProductProtocol.DATA_KEY, QuantumInnerProductProtocol.withReference(xw[0]));
        net.add(new InnerProductReceiver("bob", xw[1]));
        int copies = org.qdl.claims.linear.SketchBound.quantumCopies(eps[eps.length - 1], delta);
        QuantumInnerProductProtocol.run(net, "alice", "bob", 1, 1, copies, outputs.seed);
        return "quantum run at N = " + n + ", ε = " + eps[eps.length - 1] + ": " + PrivacyAccount.of(net.ledger(), "bob").summary()
                + "; the sketch reveals its k numbers, sending x in the clear N·" + encoding.bitsPerNumber() + " bits";
    }

    private List<Path> plot(List<LinearCostStudy.Row> rows) {
        double epsMid = eps[Math.min(eps.length - 1, eps.length / 2)];
        long nMax = dims[dims.length - 1];
        XYChart byN = ClaimCharts.chart("Communication vs N at ε = " + epsMid + ", δ = " + delta, "N", "bits or qubits sent", true, true);
        XYChart byEps = ClaimCharts.chart("Communication vs ε at N = " + nMax + ", δ = " + delta, "ε", "bits or qubits sent", true, true);
        List<Double> n = new ArrayList<>(), sk = new ArrayList<>(), q = new ArrayList<>(), vq = new ArrayList<>(), vc = new ArrayList<>();
        List<Double> e = new ArrayList<>(), ske = new ArrayList<>(), qe = new ArrayList<>();
        for (LinearCostStudy.Row r : rows) {
            if (r.epsilon() == epsMid) {
                n.add((double) r.n());
                sk.add((double) r.sketchBits());
                q.add((double) r.quantumQubits());
                vq.add((double) r.visQubitsPerCopy());
                vc.add(r.visClassicalScaling());
            }
            if (r.n() == nMax) {
                e.add(r.epsilon());
                ske.add((double) r.sketchBits());
                qe.add((double) r.quantumQubits());
            }
        }
        ClaimCharts.line(byN, "linear, classical sketch (bits)", ClaimCharts.toDoubles(n), ClaimCharts.toDoubles(sk));
        ClaimCharts.line(byN, "linear, quantum (qubits)", ClaimCharts.toDoubles(n), ClaimCharts.toDoubles(q));
        ClaimCharts.dashed(byN, "vector-in-subspace, quantum: log2 N qubits/copy", ClaimCharts.toDoubles(n), ClaimCharts.toDoubles(vq));
        ClaimCharts.dashed(byN, "vector-in-subspace, classical: ~N^(1/3) bits (scaling)", ClaimCharts.toDoubles(n), ClaimCharts.toDoubles(vc));
        ClaimCharts.line(byEps, "classical sketch (bits)", ClaimCharts.toDoubles(e), ClaimCharts.toDoubles(ske));
        ClaimCharts.line(byEps, "quantum (qubits)", ClaimCharts.toDoubles(e), ClaimCharts.toDoubles(qe));
        double[] ref = new double[e.size()];
        for (int i = 0; i < ref.length; i++) ref[i] = qe.get(0) * Math.pow(e.get(0) / e.get(i), 2);
        ClaimCharts.dashed(byEps, "∝ 1/ε²", ClaimCharts.toDoubles(e), ref);
        List<Path> p = new ArrayList<>(ClaimCharts.save(byN, outputs.out, "linear-vs-n"));
        p.addAll(ClaimCharts.save(byEps, outputs.out, "linear-vs-eps"));
        return p;
    }
}
