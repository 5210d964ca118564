package org.qdl.cli.claims;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.qdl.claims.privacy.AttackStudy;
import org.qdl.claims.privacy.PrivacyReport;
import org.qdl.protocol.NumberEncoding;
import org.qdl.cli.options.ClaimOutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qdl privacy}: Holevo bounds from the ledger and a reconstruction attack against copies. */
@Command(name = "privacy", mixinStandardHelpOptions = true,
        description = {"Privacy of amplitude-encoded data: Alice sends S copies of |x⟩ (log2 N qubits each); the Holevo bound",
                "limits what Bob can learn to the qubits he received. A curious Bob reconstructs x from the copies",
                "(computational-basis magnitudes, signs by interference); compare a classical protocol sending x in the clear."})
public final class PrivacyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--n", defaultValue = "16", description = "dimension N of x (default ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--copies", split = ",", defaultValue = "50,100,300,1000,3000,10000,30000,100000",
            description = "copies S Bob receives (default ${DEFAULT-VALUE})")
    int[] copies;

    @Option(names = "--trials", defaultValue = "30", description = "random x per point (default ${DEFAULT-VALUE})")
    int trials;

    @Option(names = "--encoding", defaultValue = "FLOAT64", description = "clear-text number encoding: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    NumberEncoding encoding;

    @picocli.CommandLine.Mixin
    ClaimOutputOptions outputs;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        List<AttackStudy.Row> rows = AttackStudy.run(new AttackStudy.Settings(n, copies, trials, outputs.seed),
                d -> err.printf("privacy: %d/%d copy counts%n", d, copies.length));
        AttackStudy.Clear clear = AttackStudy.clearText(n, encoding, outputs.seed);
        List<String> lines = new ArrayList<>();
        for (AttackStudy.Row r : rows) {
            PrivacyReport p = r.report();
            lines.add(String.format(Locale.ROOT, "quantum,%d,%d,%d,%d,%.6g,%.6g,%.6g", r.copies(), p.qubitsReceived(), p.classicalBitsReceived(),
                    p.holevoBoundBits(), r.meanError(), r.stdError(), r.predictedError()));
        }
        lines.add(String.format(Locale.ROOT, "clear,%d,0,%d,%d,%.6g,0,0", n, clear.bits(), clear.bits(), clear.error()));
        Path csv = ClaimCharts.csv(outputs.out, "privacy.csv", "protocol,copies_or_numbers,qubits_received,classical_bits_received,information_bound_bits,"
                + "mean_error,std_error,predicted_error", lines);
        List<Path> plots = plot(rows, clear);
        if (outputs.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n", n);
            m.put("attack", rows);
            m.put("clearText", clear);
            o.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
            return 0;
        }
        o.printf(Locale.ROOT, "N = %d (%d qubits per copy), %d random x per point; error = min ‖x̂_est ∓ x̂‖ (the global sign is unobservable).%n",
                n, org.qdl.sim.state.AmplitudeEncoding.qubitsFor(n), trials);
        o.printf("%9s %11s %13s %12s %10s %12s%n", "copies S", "qubits rcvd", "Holevo χ ≤", "mean error", "std", "√((N−1)/4m₀)");
        for (AttackStudy.Row r : rows) {
            o.printf(Locale.ROOT, "%9d %11d %13d %12.4g %10.3g %12.4g%n", r.copies(), r.report().qubitsReceived(), r.report().holevoBoundBits(),
                    r.meanError(), r.stdError(), r.predictedError());
        }
        o.printf(Locale.ROOT, "clear text: %d numbers = %d bits received, error %.3g (everything revealed).%n", n, clear.bits(), clear.error());
        int q = org.qdl.sim.state.AmplitudeEncoding.qubitsFor(n);
        o.printf(Locale.ROOT, "Holevo: S copies of a %d-qubit state carry at most %d·S bits about x; the clear text hands over %d bits in one message,%n"
                + "so the quantum protocol provably reveals less only while S < %d copies.%n", q, q, clear.bits(), clear.bits() / q);
        o.println(rows.get(rows.size() - 1).report().summary());
        o.println("wrote " + csv + ", " + String.join(", ", plots.stream().map(Path::toString).toList()));
        return 0;
    }

    private List<Path> plot(List<AttackStudy.Row> rows, AttackStudy.Clear clear) {
        XYChart c = ClaimCharts.chart("Reconstruction of x from copies of |x⟩ (N = " + n + ")", "communication received (qubits or bits)",
                "reconstruction error ‖x̂_est − x̂‖", true, true);
        double[] q = new double[rows.size()], e = new double[rows.size()], pred = new double[rows.size()];
        for (int i = 0; i < q.length; i++) {
            q[i] = rows.get(i).report().qubitsReceived();
            e[i] = rows.get(i).meanError();
            pred[i] = rows.get(i).predictedError();
        }
        ClaimCharts.line(c, "quantum copies: attack error (mean)", q, e);
        ClaimCharts.dashed(c, "√((N−1)/(4m₀)) ∝ 1/√S", q, pred);
        // Partial clear text: ‖x‖ then x_1..x_k; the last point (all N numbers) has error 0 or the
        // encoding's rounding, which a log axis cannot show, so it is drawn at a floor and labelled so.
        double[][] curve = AttackStudy.clearTextCurve(n, trials, encoding, outputs.seed);
        double floor = 1e-4;
        double[] y = new double[n];
        for (int k = 0; k < n; k++) y[k] = Math.max(floor, curve[1][k]);
        ClaimCharts.line(c, "classical: ‖x‖ then x_1..x_k in the clear (error " + String.format(Locale.ROOT, "%.2g", clear.error())
                + " after all N, drawn at " + floor + ")", curve[0], y);
        return ClaimCharts.save(c, outputs.out, "privacy-attack");
    }
}
