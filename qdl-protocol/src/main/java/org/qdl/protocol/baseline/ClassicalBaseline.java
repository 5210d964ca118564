package org.qdl.protocol.baseline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qdl.protocol.CommunicationLedger;
import org.qdl.protocol.Network;
import org.qdl.protocol.NumberEncoding;
import org.qdl.protocol.ObservableShape;
import org.qdl.protocol.Party;
import org.qdl.protocol.Register;
import org.qdl.protocol.model.DistributedModel;

/**
 * Classical protocols that compute the same f(x) as a {@link DistributedModel}, for comparison with
 * the quantum protocol's qubits.
 *
 * <ul>
 *   <li><b>vectors</b> (executed): the quantum protocol with every quantum message replaced by the
 *       N-dimensional vector the register holds, sent as numbers: N reals while it is real (the raw
 *       data x), 2N once a layer made it complex. The vector travels unnormalised, so ‖x‖ needs no
 *       message of its own. The observer computes ⟨O⟩ from the vector it receives: one execution,
 *       no shots.</li>
 *   <li><b>gather at P</b> (costed from public shapes): every other party ships what P lacks to P:
 *       x (N reals) if P is not the data party, the parameters/description of each layer it does not
 *       hold, the observable's description if it is not the observer; P computes f(x) locally and
 *       sends the result (one number) to the observer. When the model has few parameters this costs
 *       polylog(N) bits, and then no quantum advantage exists; the comparison says so.</li>
 * </ul>
 */
public final class ClassicalBaseline {
    private ClassicalBaseline() {}

    public static BaselineResult compare(Network net, DistributedModel model, NumberEncoding encoding) {
        model.validate(net);
        CommunicationLedger ledger = new CommunicationLedger();
        double out = net.recordingInto(ledger, () -> runVectors(net, model, encoding));
        List<ClassicalOption> options = new ArrayList<>();
        options.add(new ClassicalOption("vectors", "each register hop sends its N-dim vector as "
                + encoding.bitsPerNumber() + "-bit numbers", ledger.totalClassicalBits(), true));
        options.addAll(gatherOptions(net, model, encoding));
        ClassicalOption cheapest = options.stream().min(Comparator.comparingLong(ClassicalOption::bits)).orElseThrow();
        return new BaselineResult(encoding, out, ledger, List.copyOf(options), cheapest);
    }

    /** Runs the vector-passing protocol; returns f(x) as the observer computes it. */
    static double runVectors(Network net, DistributedModel model, NumberEncoding encoding) {
        Party data = net.party(model.dataParty());
        Register r = data.encode(model.dataKey(), 0);
        for (DistributedModel.Stage s : model.stages()) {
            net.sendRegisterClassically(r, s.party(), encoding, "vector");
            net.party(s.party()).apply(s.layer(), r);
        }
        net.sendRegisterClassically(r, model.observableParty(), encoding, "vector");
        Party observer = net.party(model.observableParty());
        // The observer holds the whole vector classically, so it computes ⟨O⟩ exactly.
        double expectation = observer.exactExpectation(model.observableKey(), r);
        observer.discard(r);
        double scale = 1;
        if (model.rescaled()) {
            // ‖x‖ is implicit in the unnormalised vector: no separate message.
            double norm = encoding.roundTrip(data.dataNorm(model.dataKey()));
            scale = norm * norm;
        }
        return scale * expectation;
    }

    /** The "gather at P" protocols, one per party of the model, costed from public shapes. */
    public static List<ClassicalOption> gatherOptions(Network net, DistributedModel model, NumberEncoding encoding) {
        int b = encoding.bitsPerNumber();
        long dim = net.party(model.dataParty()).dataLength(model.dataKey());
        ObservableShape obs = net.party(model.observableParty()).observableShape(model.observableKey());
        // Distinct layers per holder (a layer applied twice is shipped once).
        Map<String, Long> layerReals = new LinkedHashMap<>();
        Set<String> parties = new LinkedHashSet<>();
        parties.add(model.dataParty());
        for (DistributedModel.Stage s : model.stages()) {
            parties.add(s.party());
            layerReals.putIfAbsent(s.party() + "\u0000" + s.layer(), net.party(s.party()).layerDescriptionReals(s.layer()));
        }
        parties.add(model.observableParty());
        List<ClassicalOption> out = new ArrayList<>();
        for (String g : parties) {
            long bits = 0;
            List<String> parts = new ArrayList<>();
            if (!g.equals(model.dataParty())) {
                bits += dim * b;
                parts.add("x (" + dim + " reals)");
            }
            long reals = 0;
            int layers = 0;
            for (Map.Entry<String, Long> e : layerReals.entrySet()) {
                if (!e.getKey().startsWith(g + "\u0000")) {
                    reals += e.getValue();
                    layers++;
                }
            }
            if (layers > 0) {
                bits += reals * b;
                parts.add(layers + " layer description(s) (" + reals + " reals)");
            }
            if (!g.equals(model.observableParty())) {
                bits += obs.descriptionBits(encoding) + b;
                parts.add("the observable (" + obs.descriptionBits(encoding) + " bits) and the result back (" + b + " bits)");
            }
            String what = parts.isEmpty() ? "nothing: " + g + " holds everything" : g + " receives " + String.join(", ", parts);
            out.add(new ClassicalOption("gather at " + g, what, bits, false));
        }
        return out;
    }
}
