package org.qdl.protocol.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.qdl.protocol.LocalParty;
import org.qdl.protocol.Network;
import org.qdl.protocol.ProtocolException;

/**
 * A user's distributed model: any number of parties, each with its private share (data, layers,
 * observables), and the public circuit — who encodes the input, the ordered steps (who applies
 * which layer; the register travels between consecutive holders), who measures the output. Built
 * from Java with {@link #builder()} or from a model file ({@code org.qdl.protocol.model.file.ModelFile});
 * the file parser builds through the same builder, so both give the same networks.
 *
 * <p>It runs as a {@link DistributedModel} on a {@link Network}: {@link #network()} puts every
 * party in this process; {@link #addLocalParties} adds the parties not served elsewhere to a
 * network that already has remote ones; {@link #share} is what an operator serves.
 */
public final class QdlModel {
    private final String source;
    private final List<String> parties;
    private final Map<String, PartyShare> shares;
    private final DistributedModel model;
    private final int dataQubits;
    private final int ancillas;
    private final List<ParameterInfo> parameters;
    private final ModelNoise noise;

    QdlModel(String source, List<String> parties, Map<String, PartyShare> shares, DistributedModel model, int dataQubits, int ancillas,
            List<ParameterInfo> parameters, ModelNoise noise) {
        this.noise = noise;
        this.source = source;
        this.parties = List.copyOf(parties);
        this.shares = Map.copyOf(shares);
        this.model = model;
        this.dataQubits = dataQubits;
        this.ancillas = ancillas;
        this.parameters = List.copyOf(parameters);
    }

    /** A fluent builder; see {@link QdlModelBuilder}. */
    public static QdlModelBuilder builder() {
        return new QdlModelBuilder();
    }

    /** Where the model came from (file name, or "model"). */
    public String source() {
        return source;
    }

    /** Party names in declaration order (external ones included). */
    public List<String> parties() {
        return parties;
    }

    /** Whether this process has {@code party}'s share (false for external parties). */
    public boolean hasShare(String party) {
        return shares.containsKey(party);
    }

    /** A party's private share, to serve it or build it in process. */
    public PartyShare share(String party) {
        PartyShare s = shares.get(party);
        if (s == null) {
            if (!parties.contains(party)) throw new ProtocolException("no party named " + party + " in " + source + " (parties: " + parties + ")");
            throw new ProtocolException("the share of party " + party + " is not loaded here (it is external: serve it with qdl party serve)");
        }
        return s;
    }

    /** A fresh in-process party with {@code party}'s share (the input vector padded for the ancillas). */
    public LocalParty newParty(String party) {
        return share(party).newParty(party.equals(model.dataParty()) ? model.dataKey() : null, dataQubits + ancillas);
    }

    /** The circuit as the protocols run it (inference, gradient estimators, training). */
    public DistributedModel model() {
        return model;
    }

    /** A fresh network with every party in this process (fails if a share is not loaded). */
    public Network network() {
        Network net = new Network();
        addLocalParties(net, List.of());
        return net;
    }

    /**
     * Adds to {@code net} a fresh in-process party for every party not named in {@code elsewhere}, and
     * configures the model's link and memory noise. Noise on a link to a party served elsewhere is
     * refused before anything runs: only in-process parties simulate noisy links.
     */
    public void addLocalParties(Network net, Collection<String> elsewhere) {
        for (String p : elsewhere) {
            if (noise.touches(p)) {
                throw new org.qdl.sim.InvalidInputException(source + ": noise: party " + p + " is served elsewhere, and remote parties "
                        + "do not simulate noisy links or memories (run it in process, or remove its noise)");
            }
        }
        for (String p : parties) if (!elsewhere.contains(p)) net.add(newParty(p));
        noise.applyTo(net);
    }

    /** The model's link and memory noise ({@link ModelNoise#NONE} for perfect links). */
    public ModelNoise noise() {
        return noise;
    }

    /** Data qubits n: the input has 2^n entries. */
    public int dataQubits() {
        return dataQubits;
    }

    public int ancillas() {
        return ancillas;
    }

    /** Qubits of the register that travels: data qubits plus ancillas. */
    public int registerQubits() {
        return dataQubits + ancillas;
    }

    /** One entry per step of a party whose share is loaded, in step order: the layer's trainable parameter names. */
    public List<ParameterInfo> parameters() {
        return parameters;
    }

    /** The holders of the register in order: the input party, each step's party, the output party (repeats collapsed). */
    public List<String> route() {
        List<String> r = new ArrayList<>();
        r.add(model.dataParty());
        for (DistributedModel.Stage s : model.stages()) if (!r.get(r.size() - 1).equals(s.party())) r.add(s.party());
        if (!r.get(r.size() - 1).equals(model.observableParty())) r.add(model.observableParty());
        return r;
    }
}
