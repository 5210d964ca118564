package org.qdl.protocol.model;

import java.util.ArrayList;
import java.util.List;
import org.qdl.protocol.Network;
import org.qdl.protocol.NumberEncoding;
import org.qdl.protocol.Party;
import org.qdl.protocol.ProtocolException;
import org.qdl.protocol.Register;

/**
 * A distributed compositional model in the paper's form: the data holder amplitude-encodes x into
 * |ψ(x)⟩, the layers U_1 … U_L are applied in order, each by the party that holds it (the register
 * travels over quantum channels between consecutive holders), and the observable's holder
 * measures O. The output is f(x) = scale · ⟨ψ(x)|U†OU|ψ(x)⟩, with scale = ‖x‖² when
 * {@link #rescaled()} (the data party then sends ‖x‖ over a classical channel, counted).
 *
 * <p>Only names cross this object: the layers, data and observable stay with their parties.
 */
public final class DistributedModel {
    /** One layer application: party {@code party} applies its layer {@code layer}. */
    public record Stage(String party, String layer) {}

    private final String dataParty;
    private final String dataKey;
    private final List<Stage> stages;
    private final String observableParty;
    private final String observableKey;
    private final boolean rescaled;
    private final NumberEncoding normEncoding;

    private DistributedModel(Builder b) {
        this.dataParty = b.dataParty;
        this.dataKey = b.dataKey;
        this.stages = List.copyOf(b.stages);
        this.observableParty = b.observableParty;
        this.observableKey = b.observableKey;
        this.rescaled = b.rescaled;
        this.normEncoding = b.normEncoding;
    }

    public static Builder builder(String dataParty, String dataKey) {
        return new Builder(dataParty, dataKey);
    }

    public static final class Builder {
        private final String dataParty;
        private final String dataKey;
        private final List<Stage> stages = new ArrayList<>();
        private String observableParty;
        private String observableKey;
        private boolean rescaled;
        private NumberEncoding normEncoding = NumberEncoding.FLOAT64;

        private Builder(String dataParty, String dataKey) {
            this.dataParty = dataParty;
            this.dataKey = dataKey;
        }

        public Builder layer(String party, String layerKey) {
            stages.add(new Stage(party, layerKey));
            return this;
        }

        public Builder observable(String party, String observableKey) {
            this.observableParty = party;
            this.observableKey = observableKey;
            return this;
        }

        /** Output ‖x‖²·⟨O⟩ instead of ⟨O⟩; the norm travels classically with this encoding. */
        public Builder rescaled(NumberEncoding normEncoding) {
            this.rescaled = true;
            this.normEncoding = normEncoding;
            return this;
        }

        public DistributedModel build() {
            if (observableParty == null) throw new ProtocolException("the model has no observable: call observable(party, key)");
            return new DistributedModel(this);
        }
    }

    public String dataParty() {
        return dataParty;
    }

    public String dataKey() {
        return dataKey;
    }

    public List<Stage> stages() {
        return stages;
    }

    public String observableParty() {
        return observableParty;
    }

    public String observableKey() {
        return observableKey;
    }

    public boolean rescaled() {
        return rescaled;
    }

    public NumberEncoding normEncoding() {
        return normEncoding;
    }

    /**
     * Checks the model against the network: every party exists and holds what the model names, and
     * every layer fits the register. Throws a {@link ProtocolException} naming the first problem.
     */
    public void validate(Network net) {
        Party data = net.party(dataParty);
        if (!data.dataKeys().contains(dataKey)) throw new ProtocolException(dataParty + " holds no data named " + dataKey);
        int qubits = org.qdl.sim.state.AmplitudeEncoding.qubitsFor(data.dataLength(dataKey));
        for (Stage s : stages) {
            Party p = net.party(s.party());
            if (!p.layerKeys().contains(s.layer())) {
                throw new ProtocolException(s.party() + " holds no layer named " + s.layer() + " (it holds " + p.layerKeys() + ")");
            }
            int w = p.layerShape(s.layer()).numQubits();
            if (w > qubits) {
                throw new ProtocolException("layer " + s.layer() + " of " + s.party() + " acts on " + w
                        + " qubits but the data (N = " + data.dataLength(dataKey) + ") is encoded in " + qubits);
            }
        }
        Party o = net.party(observableParty);
        if (!o.observableKeys().contains(observableKey)) {
            throw new ProtocolException(observableParty + " holds no observable named " + observableKey);
        }
    }

    /** Number of data qubits: ⌈log2 N⌉. */
    public int dataQubits(Network net) {
        return org.qdl.sim.state.AmplitudeEncoding.qubitsFor(net.party(dataParty).dataLength(dataKey));
    }

    /**
     * One forward pass: encode, apply every stage (moving the register between holders), and deliver
     * the register to the observable's holder. Every move is recorded on the network's ledger.
     */
    public Register forward(Network net, int ancillas) {
        Register r = net.party(dataParty).encode(dataKey, ancillas);
        for (Stage s : stages) {
            net.moveRegister(r, s.party(), "state");
            net.party(s.party()).apply(s.layer(), r);
        }
        net.moveRegister(r, observableParty, "state");
        return r;
    }

    /**
     * The scale the output is multiplied by: 1, or ‖x‖² as received by the observable's holder over
     * a classical channel (recorded).
     */
    public double outputScale(Network net) {
        if (!rescaled) return 1;
        double norm = net.party(dataParty).dataNorm(dataKey);
        if (!dataParty.equals(observableParty)) {
            norm = net.classicalChannel(dataParty, observableParty)
                    .send(dataParty, new double[] {norm}, normEncoding, "norm")[0];
        }
        return norm * norm;
    }

    /** The exact output f(x), computed by the simulator for validation (nothing is recorded). */
    public double exactOutput(Network net) {
        return net.offTheRecord(() -> {
            Register r = forward(net, 0);
            double scale = outputScale(net);
            Party o = net.party(observableParty);
            double e = o.exactExpectation(observableKey, r);
            o.discard(r);
            return scale * e;
        });
    }
}
