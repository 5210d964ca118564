package org.qdl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qdl.protocol.Link;
import org.qdl.protocol.LinkStats;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.protocol.model.ModelCheck;
import org.qdl.protocol.model.QdlModel;
import org.qdl.protocol.model.file.ModelFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code qdl model …}: model files (format: docs/models.md). */
@Command(name = "model", mixinStandardHelpOptions = true, description = "Model files: check one (format in docs/models.md).",
        subcommands = {ModelCommand.Check.class})
public final class ModelCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Validate a model file and every file it names; print its parties, qubits per hop, parameters per party",
                "and the ledger of one execution of the circuit (no measurement shots), with the exact output."})
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The model file (JSON).")
        Path file;

        @CommandLine.Option(names = "--json", description = "Print the report as JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            QdlModel m = ModelFile.load(file);
            ModelCheck.Report r = ModelCheck.of(m);
            PrintWriter w = spec.commandLine().getOut();
            if (json) {
                w.println(toJson(r).toPrettyString());
                return Main.OK;
            }
            DistributedModel dm = m.model();
            w.printf("model %s: %d parties, register of %d qubits (%d data + %d ancillas), %d steps%n", file, m.parties().size(),
                    m.registerQubits(), m.dataQubits(), m.ancillas(), dm.stages().size());
            w.printf("input %s:%s; output ⟨%s⟩ measured by %s%s%n", dm.dataParty(), dm.dataKey(), dm.observableKey(), dm.observableParty(),
                    dm.rescaled() ? ", rescaled by ‖x‖² (" + dm.normEncoding() + " norm message)" : "");
            w.printf("%-10s %-18s %-44s %s%n", "party", "data", "layers (qubits, trainable parameters)", "observables");
            for (ModelCheck.PartyRow p : r.parties()) {
                List<String> data = new ArrayList<>();
                for (int i = 0; i < p.data().size(); i++) data.add(p.data().get(i) + "[" + p.dataLengths().get(i) + "]");
                List<String> layers = new ArrayList<>();
                int total = 0;
                for (ModelCheck.LayerRow l : p.layers()) {
                    layers.add(l.key() + " (" + l.qubits() + " q, " + l.parameters() + frozen(l) + ")");
                    total += l.parameters();
                }
                w.printf("%-10s %-18s %-44s %s%n", p.name(), dash(data), dash(layers) + (p.layers().isEmpty() ? "" : " = " + total), dash(p.observables()));
            }
            w.printf("steps: %s%n", steps(dm));
            w.printf("route: %s (%d hops of %d qubits)%n", String.join(" → ", m.route()), m.route().size() - 1, m.registerQubits());
            for (var l : m.noise().links()) w.printf("noise on %s–%s: %s%n", l.a(), l.b(), l.noise().spec());
            m.noise().memory().forEach((p, n) -> w.printf("memory noise of %s: %s%n", p, n.spec()));
            w.println("ledger of one execution (no shots" + (m.noise().perfect() ? "" : ", perfect links") + "):");
            w.printf("  %-16s %10s %10s %12s%n", "link", "messages", "qubits", "bits");
            for (Map.Entry<Link, LinkStats> e : r.oneExecution().byLink().entrySet()) {
                LinkStats s = e.getValue();
                w.printf("  %-16s %10d %10d %12d%n", e.getKey(), s.messages(), s.qubits(), s.classicalBits());
            }
            w.printf("  total %d qubits, %d classical bits, %d rounds%n", r.oneExecution().totalQubits(), r.oneExecution().totalClassicalBits(),
                    r.oneExecution().totalRounds());
            w.printf("exact f(x) = %.9f (simulator reference)%n", r.exactOutput());
            return Main.OK;
        }

        private static String frozen(ModelCheck.LayerRow l) {
            if (l.frozen().isEmpty()) return "";
            if (l.parameters() == 0) return "; all " + l.frozen().size() + " frozen";
            return l.frozen().size() <= 4 ? "; frozen " + String.join(",", l.frozen()) : "; " + l.frozen().size() + " frozen";
        }

        private static String dash(List<String> items) {
            return items.isEmpty() ? "-" : String.join(", ", items);
        }

        private static String steps(DistributedModel dm) {
            List<String> s = new ArrayList<>();
            for (DistributedModel.Stage st : dm.stages()) s.add(st.party() + ":" + st.layer());
            return s.isEmpty() ? "(none)" : String.join(", ", s);
        }

        private ObjectNode toJson(ModelCheck.Report r) {
            ObjectMapper om = new ObjectMapper();
            QdlModel m = r.model();
            DistributedModel dm = m.model();
            ObjectNode root = om.createObjectNode();
            root.put("file", file.toString()).put("dataQubits", m.dataQubits()).put("ancillas", m.ancillas()).put("registerQubits", m.registerQubits());
            root.putObject("input").put("party", dm.dataParty()).put("data", dm.dataKey());
            root.putObject("output").put("party", dm.observableParty()).put("observable", dm.observableKey()).put("rescaled", dm.rescaled());
            ArrayNode parties = root.putArray("parties");
            for (ModelCheck.PartyRow p : r.parties()) {
                ObjectNode o = parties.addObject().put("name", p.name());
                ArrayNode data = o.putArray("data");
                for (int i = 0; i < p.data().size(); i++) data.addObject().put("key", p.data().get(i)).put("length", p.dataLengths().get(i));
                ArrayNode layers = o.putArray("layers");
                int total = 0;
                for (ModelCheck.LayerRow l : p.layers()) {
                    ObjectNode lo = layers.addObject().put("key", l.key()).put("qubits", l.qubits()).put("parameters", l.parameters());
                    l.names().forEach(lo.putArray("names")::add);
                    l.frozen().forEach(lo.putArray("frozen")::add);
                    total += l.parameters();
                }
                o.put("parameters", total);
                p.observables().forEach(o.putArray("observables")::add);
            }
            ArrayNode steps = root.putArray("steps");
            for (DistributedModel.Stage s : dm.stages()) steps.addObject().put("party", s.party()).put("layer", s.layer());
            m.route().forEach(root.putArray("route")::add);
            ArrayNode hops = root.putArray("hops");
            for (int i = 1; i < m.route().size(); i++) hops.addObject().put("from", m.route().get(i - 1)).put("to", m.route().get(i)).put("qubits", m.registerQubits());
            ObjectNode noise = root.putObject("noise");
            ArrayNode noisyLinks = noise.putArray("links");
            for (var l : m.noise().links()) noisyLinks.addObject().put("a", l.a()).put("b", l.b()).put("noise", l.noise().spec());
            ObjectNode memory = noise.putObject("memory");
            m.noise().memory().forEach((p, n) -> memory.put(p, n.spec()));
            ObjectNode ledger = root.putObject("oneExecution");
            ArrayNode links = ledger.putArray("links");
            for (Map.Entry<Link, LinkStats> e : r.oneExecution().byLink().entrySet()) {
                links.addObject().put("from", e.getKey().from()).put("to", e.getKey().to()).put("messages", e.getValue().messages())
                        .put("qubits", e.getValue().qubits()).put("classicalBits", e.getValue().classicalBits());
            }
            ledger.put("qubits", r.oneExecution().totalQubits()).put("classicalBits", r.oneExecution().totalClassicalBits())
                    .put("rounds", r.oneExecution().totalRounds());
            root.put("exactOutput", r.exactOutput());
            return root;
        }
    }
}
