package org.qdl.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.qdl.cli.protocol.TextTable;
import org.qdl.protocol.CommunicationLedger;
import org.qdl.protocol.Link;
import org.qdl.protocol.LinkStats;
import org.qdl.protocol.Network;
import org.qdl.protocol.NumberEncoding;
import org.qdl.protocol.Party;
import org.qdl.protocol.baseline.BaselineResult;
import org.qdl.protocol.baseline.ClassicalBaseline;
import org.qdl.protocol.baseline.ClassicalOption;
import org.qdl.protocol.hard.SubspaceDecision;
import org.qdl.protocol.hard.SubspaceFamily;
import org.qdl.protocol.hard.VectorInSubspaceGenerator;
import org.qdl.protocol.hard.VectorInSubspaceProtocol;
import org.qdl.protocol.inference.Estimator;
import org.qdl.protocol.inference.InferenceConfig;
import org.qdl.protocol.inference.InferenceProtocol;
import org.qdl.protocol.inference.InferenceResult;
import org.qdl.protocol.model.AlternatingModel;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.sim.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The end-to-end demo on an embedded two-party model: distributed inference with its ledger, the
 * classical baselines for the same output, and one vector-in-subspace instance.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"End-to-end demo (no input files): Alice holds x ∈ R^N and layers U1, U3; Bob holds U2, U4, an",
                "N-parameter diagonal layer D and the observable O. Bob estimates f(x) = ‖x‖²·⟨ψ(x)|U†OU|ψ(x)⟩ to ±ε",
                "from shots; the ledger counts every qubit and bit; classical protocols for the same f(x) are compared."})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "-n", description = "qubits: N = 2^n (default ${DEFAULT-VALUE})", defaultValue = "16")
    int n;

    @Option(names = {"-L", "--layers"}, description = "hardware-efficient layers, alternating Alice/Bob (default ${DEFAULT-VALUE})", defaultValue = "4")
    int layers;

    @Option(names = {"-e", "--epsilon"}, description = "additive error ε on f(x) (default ${DEFAULT-VALUE})", defaultValue = "0.05")
    double epsilon;

    @Option(names = {"-d", "--delta"}, description = "failure probability δ (default ${DEFAULT-VALUE})", defaultValue = "0.01")
    double delta;

    @Option(names = "--seed", description = "seed (default ${DEFAULT-VALUE})", defaultValue = "7")
    long seed;

    @Option(names = "--json", description = "print one JSON document instead of tables")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (n < 3 || n > 24) throw new InvalidInputException("-n must be between 3 and 24 for the demo, got " + n);
        if (layers < 1) throw new InvalidInputException("--layers must be at least 1, got " + layers);
        new InferenceConfig(epsilon, delta, Estimator.HOEFFDING, seed); // validates ε and δ up front
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        AlternatingModel.Example ex = AlternatingModel.build(n, layers, true, true, seed);
        Network net = ex.network();
        DistributedModel model = ex.model();
        err.println("[demo] inference with Hoeffding and median of means…");
        err.flush();
        InferenceResult hoeffding = InferenceProtocol.run(net, model, InferenceConfig.hoeffding(epsilon, delta, seed));
        InferenceResult mom = InferenceProtocol.run(net, model, InferenceConfig.medianOfMeans(epsilon, delta, seed + 1));
        err.println("[demo] classical baselines…");
        err.flush();
        BaselineResult c32 = ClassicalBaseline.compare(net, model, NumberEncoding.FLOAT32);
        BaselineResult c64 = ClassicalBaseline.compare(net, model, NumberEncoding.FLOAT64);
        SubspaceDecision hard = VectorInSubspaceProtocol.decide(
                VectorInSubspaceGenerator.draw(SubspaceFamily.HAAR, 8, new SplittableRandom(seed)), seed);

        List<Map<String, Object>> comparison = comparison(hoeffding, mom, c32, c64);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", describe(net, model));
            doc.put("inference", List.of(summary(hoeffding), summary(mom)));
            doc.put("ledger", ledger(hoeffding.ledger()));
            doc.put("comparison", comparison);
            doc.put("hardInstance", hardSummary(hard));
            out.println(ScalingCommand.mapper().writeValueAsString(doc));
            return Main.OK;
        }
        long dim = 1L << n;
        out.printf("qdl demo: two-party distributed inference, N = 2^%d = %,d, n = %d qubits%n%n", n, dim, n);
        out.println("Parties and what they hold (private; only names and shapes are public)");
        TextTable parties = new TextTable("party", "data", "layers (parameters)", "observable");
        for (Party p : net.parties()) {
            List<String> ls = new ArrayList<>();
            for (String k : p.layerKeys()) ls.add(k + " (" + TextTable.count(p.layerShape(k).numParameters()) + ")");
            List<String> ds = new ArrayList<>();
            for (String k : p.dataKeys()) ds.add(k + " ∈ R^" + p.dataLength(k));
            parties.row(p.name(), ds.isEmpty() ? "-" : String.join(", ", ds), String.join(", ", ls),
                    p.observableKeys().isEmpty() ? "-" : "O = " + AlternatingModel.OBSERVABLE);
        }
        parties.print(out, "  ");
        List<String> order = new ArrayList<>();
        for (DistributedModel.Stage s : model.stages()) order.add(s.layer() + "@" + s.party());
        out.printf("  circuit: encode x@alice → %s → measure O@bob; output f(x) = ‖x‖²·⟨O⟩%n%n", String.join(" → ", order));

        out.printf("Inference: |estimate − f(x)| ≤ ε = %s with probability ≥ 1 − δ = %s%n", epsilon, 1 - delta);
        TextTable inf = new TextTable("estimator", "shots", "estimate", "confidence interval", "exact f(x)", "|error|", "qubits", "bits");
        for (InferenceResult r : List.of(hoeffding, mom)) {
            inf.row(r.config().estimator(), TextTable.count(r.shots()), String.format("%.5f", r.estimate()),
                    String.format("[%.5f, %.5f]", r.lower(), r.upper()), String.format("%.5f", r.exact()),
                    String.format("%.5f", Math.abs(r.estimate() - r.exact())), TextTable.count(r.totalQubits()), r.classicalBits());
        }
        inf.print(out, "  ");
        out.printf("  ‖x‖² = %.5f travels once (64 bits); each shot re-runs the whole circuit: %d register hops × %d qubits = %d qubits per shot.%n%n",
                hoeffding.scale(), hoeffding.qubitsPerShot() / n, n, hoeffding.qubitsPerShot());

        out.println("Ledger of the Hoeffding run (one execution per shot, recorded by Network.repeated)");
        TextTable led = new TextTable("link", "messages", "qubits", "classical bits", "rounds (both directions)");
        CommunicationLedger l = hoeffding.ledger();
        for (Link link : l.links()) {
            LinkStats s = l.stats(link);
            led.row(link, TextTable.count(s.messages()), TextTable.count(s.qubits()), TextTable.count(s.classicalBits()),
                    TextTable.count(l.rounds(link.from(), link.to())));
        }
        led.print(out, "  ");
        TextTable byLabel = new TextTable("step", "messages", "qubits", "classical bits");
        l.byLabel().forEach((k, s) -> byLabel.row(k, TextTable.count(s.messages()), TextTable.count(s.qubits()), TextTable.count(s.classicalBits())));
        byLabel.print(out, "  ");
        out.println();

        out.println("Quantum versus classical communication for the same f(x)");
        TextTable cmp = new TextTable("protocol", "communication", "÷ quantum", "run", "what crosses the links");
        for (Map<String, Object> row : comparison) {
            cmp.row(row.get("protocol"), row.get("communication"), row.get("ratio"), row.get("run"), row.get("how"));
        }
        cmp.print(out, "  ");
        out.printf("  cheapest classical: %s at 64 bits, %s bits; the quantum protocol (Hoeffding) sends %s qubits + %d bits.%n",
                c64.cheapest().name(), TextTable.count(c64.cheapest().bits()), TextTable.count(hoeffding.totalQubits()), hoeffding.classicalBits());
        out.println("  \"costed\": computed from public shapes (parameter counts, observable size), not run. Quantum cost grows as");
        out.println("  shots × hops × log2 N, classical as N: `qdl scaling` shows where they cross (smaller -n: classical wins).");
        out.println();

        out.printf("Hard instance (vector in subspace, Haar-random W, N = %d): Bob answers '%s' (truth '%s') after one message of %d qubits;%n",
                hard.instance().dimension(), hard.answer() ? "v ∈ W" : "v ∈ W⊥", hard.truth() ? "v ∈ W" : "v ∈ W⊥", hard.qubits());
        out.printf("  every classical protocol needs Ω(N^{1/3}) bits (Klartag–Regev; N^{1/3} ≈ %.1f); Alice sending v costs %s bits.%n",
                hard.lowerBoundBits(), TextTable.count(hard.classical().vectorBits()));
        out.flush();
        return Main.OK;
    }

    private static List<Map<String, Object>> comparison(InferenceResult h, InferenceResult m, BaselineResult c32, BaselineResult c64) {
        List<Map<String, Object>> rows = new ArrayList<>();
        double q = h.totalQubits();
        rows.add(row("quantum, Hoeffding", TextTable.count(h.totalQubits()) + " qubits + " + h.classicalBits() + " bits", 1, "executed",
                TextTable.count(h.shots()) + " shots × " + h.qubitsPerShot() + " qubits; ‖x‖ once", h.totalQubits(), h.classicalBits()));
        rows.add(row("quantum, median of means", TextTable.count(m.totalQubits()) + " qubits + " + m.classicalBits() + " bits", m.totalQubits() / q,
                "executed", TextTable.count(m.shots()) + " shots × " + m.qubitsPerShot() + " qubits; ‖x‖ once", m.totalQubits(), m.classicalBits()));
        for (BaselineResult c : List.of(c32, c64)) {
            for (ClassicalOption o : c.options()) {
                String tag = o == c.cheapest() ? " (cheapest)" : "";
                rows.add(row("classical " + o.name() + ", " + c.encoding().bitsPerNumber() + "-bit" + tag, TextTable.count(o.bits()) + " bits",
                        o.bits() / q, o.executed() ? "executed" : "costed", o.description(), 0, o.bits()));
            }
        }
        return rows;
    }

    private static Map<String, Object> row(String protocol, String comm, double ratio, String run, String how, long qubits, long bits) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("protocol", protocol);
        r.put("communication", comm);
        r.put("ratio", String.format("%.3g", ratio));
        r.put("run", run);
        r.put("how", how);
        r.put("qubits", qubits);
        r.put("bits", bits);
        return r;
    }

    private static Map<String, Object> describe(Network net, DistributedModel m) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("N", net.party(m.dataParty()).dataLength(m.dataKey()));
        d.put("qubits", m.dataQubits(net));
        List<String> stages = new ArrayList<>();
        for (DistributedModel.Stage s : m.stages()) stages.add(s.layer() + "@" + s.party());
        d.put("stages", stages);
        d.put("observable", AlternatingModel.OBSERVABLE + "@" + m.observableParty());
        d.put("rescaled", m.rescaled());
        return d;
    }

    private static Map<String, Object> summary(InferenceResult r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("estimator", r.config().estimator().name());
        s.put("epsilon", r.config().epsilon());
        s.put("delta", r.config().delta());
        s.put("shots", r.shots());
        s.put("estimate", r.estimate());
        s.put("lower", r.lower());
        s.put("upper", r.upper());
        s.put("exact", r.exact());
        s.put("scale", r.scale());
        s.put("qubitsPerShot", r.qubitsPerShot());
        s.put("totalQubits", r.totalQubits());
        s.put("classicalBits", r.classicalBits());
        s.put("rounds", r.rounds());
        return s;
    }

    static List<Map<String, Object>> ledger(CommunicationLedger l) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Link link : l.links()) {
            LinkStats s = l.stats(link);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("from", link.from());
            r.put("to", link.to());
            r.put("messages", s.messages());
            r.put("qubits", s.qubits());
            r.put("classicalBits", s.classicalBits());
            r.put("rounds", l.rounds(link.from(), link.to()));
            rows.add(r);
        }
        return rows;
    }

    private static Map<String, Object> hardSummary(SubspaceDecision d) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("N", d.instance().dimension());
        h.put("family", d.instance().family().name());
        h.put("answer", d.answer() ? "in W" : "in W-perp");
        h.put("correct", d.correct());
        h.put("qubits", d.qubits());
        h.put("lowerBoundBits", d.lowerBoundBits());
        h.put("aliceSendsVBits", d.classical().vectorBits());
        return h;
    }
}
