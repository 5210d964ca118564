package org.qdl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qdl.net.Coordinator;
import org.qdl.net.TwoPartyExample;
import org.qdl.protocol.Link;
import org.qdl.protocol.LinkStats;
import org.qdl.protocol.Network;
import org.qdl.protocol.inference.InferenceConfig;
import org.qdl.protocol.inference.InferenceProtocol;
import org.qdl.protocol.inference.InferenceResult;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.sim.InvalidInputException;
import org.qdl.cli.options.Choices;
import org.qdl.cli.options.MeasurementOptions;
import org.qdl.protocol.inference.Estimator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code qdl infer}: the coordinator of the inference protocol ({@link InferenceProtocol}: ε, δ →
 * shot budget, S executions of the circuit, estimate with its confidence interval) on the two-party
 * model of {@code qdl party example}. Parties named with --party / --local take part from their
 * servers or state directories; any of alice and bob not named is built in this process from
 * --model-seed, exactly as {@code qdl party example --seed} writes it. With the same seeds the
 * output is the same wherever the parties run.
 */
@Command(name = "infer", mixinStandardHelpOptions = true,
        description = {"Distributed inference f(x) to ±ε with probability 1 − δ on the two-party model of 'qdl party example'",
            "(alice: x and odd layers; bob: even layers and O = 0.7 Z0 Z1 − 0.3 X2), with parties in this process",
            "or served by 'qdl party serve' (--party NAME=HOST:PORT)."})
public final class InferCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    CoordinatorOptions parties;

    @Option(names = {"-n", "--qubits"}, defaultValue = "10", description = "Data qubits n (N = 2^n) of the in-process parties. Default: ${DEFAULT-VALUE}.")
    int n;

    @Option(names = {"-L", "--layers"}, defaultValue = "4", description = "Layers, alternating alice, bob, … Default: ${DEFAULT-VALUE}.")
    int layers;

    @Option(names = "--model-seed", defaultValue = "1", description = "Seed of the in-process parties' data and layers (as 'qdl party example --seed'). Default: ${DEFAULT-VALUE}.")
    long modelSeed;

    @Option(names = {"-e", "--epsilon"}, defaultValue = "0.05", description = "Additive error ε on f(x). Default: ${DEFAULT-VALUE}.")
    double epsilon;

    @Option(names = {"-d", "--delta"}, defaultValue = "0.01", description = "Failure probability δ. Default: ${DEFAULT-VALUE}.")
    double delta;

    @Option(names = "--estimator", defaultValue = "hoeffding", converter = EstimatorSpelling.class,
            description = "hoeffding or median-of-means. Default: ${DEFAULT-VALUE}.")
    Estimator estimator;

    static final class EstimatorSpelling extends Choices<Estimator> {
        EstimatorSpelling() {
            super("--estimator must be hoeffding or median-of-means, got '%s'",
                    Map.of("hoeffding", Estimator.HOEFFDING, "median-of-means", Estimator.MEDIAN_OF_MEANS));
        }
    }

    @CommandLine.Mixin
    MeasurementOptions measurement;


    @Option(names = "--model", paramLabel = "FILE", description = "Run this model file (docs/models.md) instead of the example;"
            + " parties named with --party are served elsewhere (their shares are not read), the rest run in this process.")
    java.nio.file.Path modelFile;

    @Override
    public Integer call() throws Exception {
        if (n < 3 || n > 26) throw new InvalidInputException("--qubits must be in 3..26 (the observable uses qubits 0..2), got " + n);
        if (layers < 2) throw new InvalidInputException("--layers must be at least 2 (bob holds the even layers), got " + layers);
        InferenceConfig config = new InferenceConfig(epsilon, delta, estimator, measurement.seed);
        if (modelFile != null) return inferModel(config);
        DistributedModel model = TwoPartyExample.model(layers);
        long t0 = System.nanoTime();
        if (!parties.anyParty()) {
            Network net = new Network();
            net.add(TwoPartyExample.alice(n, layers, modelSeed).newParty());
            net.add(TwoPartyExample.bob(n, layers, modelSeed).newParty());
            report(InferenceProtocol.run(net, model, config), (System.nanoTime() - t0) / 1e9, 0);
            return Main.OK;
        }
        try (Coordinator c = parties.connect()) {
            List<String> named = parties.partyNames();
            if (!named.contains("alice")) c.network().add(TwoPartyExample.alice(n, layers, modelSeed).newParty());
            if (!named.contains("bob")) c.network().add(TwoPartyExample.bob(n, layers, modelSeed).newParty());
            InferenceResult r = InferenceProtocol.run(c.network(), model, config);
            report(r, (System.nanoTime() - t0) / 1e9, c.transport().bytesMoved());
        }
        return Main.OK;
    }

    /** A model file: remote parties from --party, every other party built here from its share in the file. */
    private Integer inferModel(InferenceConfig config) throws Exception {
        List<String> elsewhere = parties.partyNames();
        org.qdl.protocol.model.QdlModel m = org.qdl.protocol.model.file.ModelFile.load(modelFile, elsewhere);
        long t0 = System.nanoTime();
        if (!parties.anyParty()) {
            report(InferenceProtocol.run(m.network(), m.model(), config), (System.nanoTime() - t0) / 1e9, 0);
            return Main.OK;
        }
        try (Coordinator c = parties.connect()) {
            m.addLocalParties(c.network(), elsewhere);
            InferenceResult r = InferenceProtocol.run(c.network(), m.model(), config);
            report(r, (System.nanoTime() - t0) / 1e9, c.transport().bytesMoved());
        }
        return Main.OK;
    }

    private void report(InferenceResult r, double seconds, long wireMoved) {
        PrintWriter w = spec.commandLine().getOut();
        if (measurement.json) {
            ObjectMapper om = new ObjectMapper();
            ObjectNode root = om.createObjectNode();
            root.put("estimator", r.config().estimator().toString()).put("epsilon", epsilon).put("delta", delta).put("seed", measurement.seed)
                    .put("shots", r.shots()).put("estimate", r.estimate()).put("lower", r.lower()).put("upper", r.upper())
                    .put("exact", r.exact()).put("scale", r.scale()).put("qubits", r.totalQubits()).put("classicalBits", r.classicalBits())
                    .put("rounds", r.rounds()).put("seconds", seconds).put("wireBytesMoved", wireMoved);
            ArrayNode links = root.putArray("links");
            for (Map.Entry<Link, LinkStats> e : r.ledger().byLink().entrySet()) {
                links.addObject().put("from", e.getKey().from()).put("to", e.getKey().to()).put("messages", e.getValue().messages())
                        .put("qubits", e.getValue().qubits()).put("classicalBits", e.getValue().classicalBits()).put("wireBytes", e.getValue().wireBytes());
            }
            w.println(root.toPrettyString());
            return;
        }
        w.printf("f(x) estimate %.6f, %.0f%% interval [%.6f, %.6f] (%s, %d shots, ε = %s, seed %d)%n", r.estimate(), 100 * (1 - delta),
                r.lower(), r.upper(), r.config().estimator(), r.shots(), epsilon, measurement.seed);
        w.printf("exact f(x)    %.6f (validation)%n", r.exact());
        w.printf("%-16s %10s %12s %12s %16s%n", "link", "messages", "qubits", "bits", "wire bytes (×S)");
        for (Map.Entry<Link, LinkStats> e : r.ledger().byLink().entrySet()) {
            LinkStats s = e.getValue();
            w.printf("%-16s %10d %12d %12d %16d%n", e.getKey(), s.messages(), s.qubits(), s.classicalBits(), s.wireBytes());
        }
        w.printf("rounds %d; bytes really moved on the wire (one simulated execution) %d; time %.3f s%n", r.rounds(), wireMoved, seconds);
    }
}
