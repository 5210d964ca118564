package org.qdl.protocol.model;

import java.util.ArrayList;
import java.util.List;
import org.qdl.protocol.CommunicationLedger;
import org.qdl.protocol.LayerShape;
import org.qdl.protocol.LocalParty;
import org.qdl.protocol.Network;
import org.qdl.protocol.Register;

/**
 * What {@code qdl model check} reports: each party's items and shapes, the register's route, and
 * the ledger of one execution of the circuit (encode, every step, deliver to the observer, and the
 * norm message when rescaled) without any measurement shot; plus the exact output for reference.
 */
public final class ModelCheck {
    public record LayerRow(String key, int qubits, int parameters, List<String> names, List<String> frozen) {}

    public record PartyRow(String name, List<String> data, List<Integer> dataLengths, List<LayerRow> layers, List<String> observables) {}

    public record Report(QdlModel model, List<PartyRow> parties, CommunicationLedger oneExecution, double exactOutput) {}

    private ModelCheck() {}

    /**
     * Needs every party's share (the model must not have external parties). The execution runs on
     * perfect links: the ledger of sent qubits and the exact value do not depend on the model's noise.
     */
    public static Report of(QdlModel m) {
        Network net = new Network();
        for (String p : m.parties()) net.add(m.newParty(p));
        List<PartyRow> rows = new ArrayList<>();
        for (String name : m.parties()) {
            LocalParty p = (LocalParty) net.party(name);
            List<String> data = new ArrayList<>(p.dataKeys());
            List<Integer> lengths = new ArrayList<>();
            for (String d : data) lengths.add(p.dataLength(d));
            List<LayerRow> layers = new ArrayList<>();
            for (String key : p.layerKeys()) {
                LayerShape s = p.layerShape(key);
                PartyShare.LayerEntry e = m.share(name).layer(key);
                layers.add(new LayerRow(key, s.numQubits(), s.numParameters(), e.names(), e.frozen()));
            }
            rows.add(new PartyRow(name, data, lengths, layers, new ArrayList<>(p.observableKeys())));
        }
        DistributedModel dm = m.model();
        dm.validate(net);
        CommunicationLedger once = new CommunicationLedger();
        net.recordingInto(once, () -> {
            dm.outputScale(net);
            Register r = dm.forward(net, 0);
            net.party(dm.observableParty()).discard(r);
            return null;
        });
        return new Report(m, rows, once, dm.exactOutput(net));
    }
}
