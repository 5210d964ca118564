package org.qdl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qdl.net.ClientSettings;
import org.qdl.net.Coordinator;
import org.qdl.net.GrpcTransport;
import org.qdl.net.PartyAddress;
import org.qdl.net.PartyState;
import org.qdl.protocol.Link;
import org.qdl.protocol.LinkStats;
import org.qdl.protocol.Network;
import org.qdl.protocol.Register;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.sim.InvalidInputException;
import picocli.CommandLine;
import org.qdl.cli.options.MeasurementOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code qdl party infer}: the coordinator of one distributed inference (forward pass of a
 * {@link DistributedModel} and S shots of its observable) over remote and/or in-process parties.
 */
@Command(name = "infer", mixinStandardHelpOptions = true,
        description = "Coordinate one inference (forward pass + S shots) with parties served by 'qdl party serve'.")
public final class PartyInferCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    CoordinatorOptions parties;

    @Option(names = "--data", required = true, paramLabel = "PARTY:KEY", description = "Who holds the input x, and its key.")
    String data;

    @Option(names = "--stages", required = true, split = ",", paramLabel = "PARTY:LAYER", description = "Layers in order, e.g. alice:U1,bob:U2.")
    List<String> stages;

    @Option(names = "--observable", required = true, paramLabel = "PARTY:KEY")
    String observable;

    @Option(names = "--shots", defaultValue = "1000", description = "Shots S. Default: ${DEFAULT-VALUE}.")
    int shots;

    @CommandLine.Mixin
    MeasurementOptions measurement;

    @Option(names = "--exact", description = "Also print the exact ⟨O⟩ (validation; the observable's party must allow it).")
    boolean exact;


    @Override
    public Integer call() throws Exception {
        if (shots < 1) throw new InvalidInputException("--shots must be at least 1, got " + shots);
        DistributedModel model = model();
        long seed = measurement.seed;
        long t0 = System.nanoTime();
        try (Coordinator c = parties.connect()) {
            Network net = c.network();
            model.validate(net);
            double[] out = net.repeated(shots, () -> {
                Register r = model.forward(net, 0);
                return net.party(model.observableParty()).measure(model.observableKey(), r, shots, seed);
            });
            double seconds = (System.nanoTime() - t0) / 1e9;
            Double exactValue = exact ? model.exactOutput(net) : null;
            report(net, out, exactValue, seconds, c.transport().bytesMoved());
        }
        return 0;
    }

    private DistributedModel model() {
        String[] d = pair(data, "--data", ":");
        DistributedModel.Builder b = DistributedModel.builder(d[0], d[1]);
        for (String s : stages) {
            String[] p = pair(s, "--stages", ":");
            b.layer(p[0], p[1]);
        }
        String[] o = pair(observable, "--observable", ":");
        return b.observable(o[0], o[1]).build();
    }

    private static String[] pair(String text, String option, String sep) {
        return CoordinatorOptions.pair(text, option, sep);
    }

    private void report(Network net, double[] out, Double exactValue, double seconds, long wireMoved) {
        double mean = 0, m2 = 0;
        for (double v : out) mean += v;
        mean /= out.length;
        for (double v : out) m2 += (v - mean) * (v - mean);
        double se = out.length > 1 ? Math.sqrt(m2 / (out.length - 1) / out.length) : Double.NaN;
        PrintWriter w = spec.commandLine().getOut();
        if (measurement.json) {
            ObjectMapper om = new ObjectMapper();
            ObjectNode root = om.createObjectNode();
            root.put("shots", out.length).put("seed", measurement.seed).put("estimate", mean).put("standardError", se).put("seconds", seconds)
                    .put("wireBytesMoved", wireMoved);
            if (exactValue != null) root.put("exact", exactValue);
            ArrayNode links = root.putArray("links");
            for (Map.Entry<Link, LinkStats> e : net.ledger().byLink().entrySet()) {
                links.addObject().put("from", e.getKey().from()).put("to", e.getKey().to()).put("messages", e.getValue().messages())
                        .put("qubits", e.getValue().qubits()).put("classicalBits", e.getValue().classicalBits()).put("wireBytes", e.getValue().wireBytes());
            }
            w.println(root.toPrettyString());
            return;
        }
        w.printf("estimate ⟨O⟩ = %.6f ± %.6f (standard error, %d shots, seed %d)%n", mean, se, out.length, measurement.seed);
        if (exactValue != null) w.printf("exact    ⟨O⟩ = %.6f (validation)%n", exactValue);
        w.printf("%-16s %10s %12s %12s %16s%n", "link", "messages", "qubits", "bits", "wire bytes (×S)");
        for (Map.Entry<Link, LinkStats> e : net.ledger().byLink().entrySet()) {
            LinkStats s = e.getValue();
            w.printf("%-16s %10d %12d %12d %16d%n", e.getKey(), s.messages(), s.qubits(), s.classicalBits(), s.wireBytes());
        }
        w.printf("rounds %d; bytes really moved on the wire (one simulated execution) %d; time %.3f s%n",
                net.ledger().totalRounds(), wireMoved, seconds);
    }
}
