package org.qdl.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qdl.cli.protocol.TextTable;
import org.qdl.protocol.bench.ProtocolOverheadBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qdl bench protocol}: prints {@link ProtocolOverheadBench}'s measurement as a table or JSON. */
@Command(name = "protocol", mixinStandardHelpOptions = true,
        description = {"Time one S-shot distributed inference through parties and channels against the bare simulator on",
                "the same circuit (encode, L hardware-efficient layers alternating Alice/Bob, sample O). Target: ≤ 5% at n = 20."})
public final class ProtocolBenchCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "-n", description = "qubits (default ${DEFAULT-VALUE})", defaultValue = "20")
    int n;

    @Option(names = {"-L", "--layers"}, description = "layers (default ${DEFAULT-VALUE})", defaultValue = "4")
    int layers;

    @Option(names = "--shots", description = "shots per run (default ${DEFAULT-VALUE})", defaultValue = "2000")
    int shots;

    @Option(names = "--reps", description = "timed repetitions of each path (default ${DEFAULT-VALUE})", defaultValue = "9")
    int reps;

    @Option(names = "--warmup", description = "untimed repetitions first (default ${DEFAULT-VALUE})", defaultValue = "3")
    int warmup;

    @Option(names = "--json", description = "print JSON instead of the table")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        ProtocolOverheadBench.Result r = ProtocolOverheadBench.run(n, layers, shots, reps, warmup, err);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("n", r.n());
        doc.put("layers", r.layers());
        doc.put("shots", r.shots());
        doc.put("reps", r.reps());
        doc.put("threads", r.threads());
        doc.put("bareMedianSeconds", r.bareMedianSeconds());
        doc.put("protocolMedianSeconds", r.protocolMedianSeconds());
        doc.put("overhead", r.overhead());
        doc.put("overheadOfMedians", r.overheadOfMedians());
        doc.put("overheadOfMinima", r.overheadOfMinima());
        doc.put("target", ProtocolOverheadBench.TARGET);
        doc.put("bareSeconds", r.bareSeconds());
        doc.put("protocolSeconds", r.protocolSeconds());
        doc.put("ledgerQubitsRecorded", r.ledgerQubitsRecorded());
        doc.put("machinerySecondsPerExecution", r.machinerySecondsPerExecution());
        doc.put("machineryShareOfBareMedian", r.machineryShareOfBareMedian());
        if (json) {
            out.println(ScalingCommand.mapper().writeValueAsString(doc));
        } else {
            out.printf("Protocol overhead at n = %d, L = %d, S = %,d shots (%d reps, medians; %d threads)%n", r.n(), r.layers(), r.shots(), r.reps(),
                    r.threads());
            TextTable t = new TextTable("path", "median s", "min s", "max s");
            t.row("bare simulator", String.format("%.4f", r.bareMedianSeconds()), String.format("%.4f", r.bareMin()), String.format("%.4f", r.bareMax()));
            t.row("parties + channels + ledger", String.format("%.4f", r.protocolMedianSeconds()), String.format("%.4f", r.protocolMin()), String.format("%.4f", r.protocolMax()));
            t.print(out, "  ");
            out.printf("  overhead (median of paired ratios) %.2f%% (target ≤ 5%%): %s%n", 100 * r.overhead(), r.overhead() <= ProtocolOverheadBench.TARGET ? "met" : "NOT met");
            out.printf("  ratio of medians %.2f%%, ratio of minima %.2f%%; both paths drew identical outcomes; ledger recorded %,d qubits%n",
                    100 * r.overheadOfMedians(), 100 * r.overheadOfMinima(), r.ledgerQubitsRecorded());
            out.printf("  protocol machinery alone (n = 3, min of %d batches): %.2f µs per execution = %.4f%% of the bare n = %d run%n", ProtocolOverheadBench.MACHINERY_ROUNDS,
                    r.machinerySecondsPerExecution() * 1e6, 100 * r.machineryShareOfBareMedian(), r.n());
        }
        return Main.OK;
    }
}
