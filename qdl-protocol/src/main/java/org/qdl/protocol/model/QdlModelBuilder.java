package org.qdl.protocol.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.qdl.protocol.NumberEncoding;
import org.qdl.protocol.ObservableShape;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.observable.Observable;
import org.qdl.sim.observable.PauliSum;

/**
 * Fluent builder of a {@link QdlModel}. {@link #party} opens a party's section; {@link #data},
 * {@link #layer} and {@link #observable} then give that party private items. The circuit is
 * {@link #input} (who encodes which vector), the ordered {@link #step}s (who applies which layer;
 * the register travels to each step's party) and the {@link #output} (who measures which
 * observable). {@link #build()} checks everything and names the first problem.
 *
 * <pre>{@code
 * QdlModel m = QdlModel.builder()
 *     .party("alice").data("x", x).layer("U1", Layers.hardwareEfficient(4, rng))
 *     .party("bob").layer("U2", Layers.hardwareEfficient(4, rng)).observable("O", "0.7 Z0 Z1 - 0.3 X2")
 *     .input("alice", "x").step("alice", "U1").step("bob", "U2").output("bob", "O")
 *     .build();
 * Network net = m.network();                // every party in this process
 * DistributedModel model = m.model();       // what InferenceProtocol and the estimators run
 * }</pre>
 *
 * Every item may carry a location ({@link #at}) that error messages use: the model-file parser
 * builds through this class and sets it to the file and key path.
 */
public final class QdlModelBuilder {
    record Item(String party, String key, String where) {}

    private final Map<String, PartyDraft> parties = new LinkedHashMap<>();
    private final Set<String> external = new LinkedHashSet<>();
    private final List<Item> steps = new ArrayList<>();
    private PartyDraft current;
    private String where;
    private Item input;
    private Item output;
    private Integer qubits;
    private String qubitsWhere = "qubits";
    private int ancillas;
    private boolean rescaled;
    private NumberEncoding normEncoding = NumberEncoding.FLOAT64;
    private String source = "model";
    private final List<NoiseItem> linkNoise = new ArrayList<>();
    private final Map<String, NoiseItem> memoryNoise = new LinkedHashMap<>();

    record NoiseItem(String a, String b, org.qdl.protocol.noise.LinkNoise noise, String where) {}

    static final class PartyDraft {
        final String name;
        final Map<String, double[]> data = new LinkedHashMap<>();
        final Map<String, PartyShare.LayerEntry> layers = new LinkedHashMap<>();
        final Map<String, Observable> observables = new LinkedHashMap<>();
        final Map<String, String> whereOf = new LinkedHashMap<>();
        String lastLayer;

        PartyDraft(String name) {
            this.name = name;
        }
    }

    QdlModelBuilder() {}

    /** Names the model's origin in messages (e.g. the file name). */
    public QdlModelBuilder source(String source) {
        this.source = source;
        return this;
    }

    /** Location of the next items in error messages (e.g. "model.json: steps[2]"); null resets. */
    public QdlModelBuilder at(String where) {
        this.where = where;
        return this;
    }

    private String here(String fallback) {
        String w = where != null ? where : source + ": " + fallback;
        where = null;
        return w;
    }

    /** Opens (or reopens) a party's section: the next data, layers and observables are its own. */
    public QdlModelBuilder party(String name) {
        String w = here("parties." + name);
        if (external.contains(name)) throw new InvalidInputException(w + ": party " + name + " is already declared as external");
        current = parties.computeIfAbsent(name, PartyDraft::new);
        try {
            new org.qdl.protocol.LocalParty(name);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(w + ": " + e.getMessage());
        }
        return this;
    }

    /**
     * Declares a party whose share is not in this process (served elsewhere, e.g. by
     * {@code qdl party serve}): steps may name it, but its items are checked only when it runs.
     */
    public QdlModelBuilder external(String name) {
        String w = here("parties." + name);
        if (parties.containsKey(name) || !external.add(name)) throw new InvalidInputException(w + ": party " + name + " is declared twice");
        return this;
    }

    private PartyDraft open(String what, String w) {
        if (current == null) throw new InvalidInputException(w + ": " + what + " outside a party: call party(name) first");
        return current;
    }

    private void requireNew(PartyDraft p, String key, String w) {
        if (p.whereOf.containsKey(key)) {
            throw new InvalidInputException(w + ": " + p.name + " already holds an item named '" + key + "' (" + p.whereOf.get(key) + ")");
        }
        p.whereOf.put(key, w);
    }

    /** A private data vector of the current party (copied; every entry must be finite). */
    public QdlModelBuilder data(String key, double[] x) {
        String w = here("parties." + (current == null ? "?" : current.name) + ".data." + key);
        PartyDraft p = open("data", w);
        requireNew(p, key, w);
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) throw new InvalidInputException(w + ": entry " + i + " is " + x[i]);
        }
        if (x.length == 0) throw new InvalidInputException(w + ": the vector is empty");
        p.data.put(key, x.clone());
        return this;
    }

    /**
     * A layer of the current party. The instance is shared by every network this model builds
     * (training it trains them all); use {@link #layer(String, Supplier)} for fresh copies.
     */
    public QdlModelBuilder layer(String key, Layer layer) {
        return layer(key, () -> layer);
    }

    /** A layer made fresh by {@code factory} for every network and server session. */
    public QdlModelBuilder layer(String key, Supplier<? extends Layer> factory) {
        String w = here("parties." + (current == null ? "?" : current.name) + ".layers." + key);
        PartyDraft p = open("layer", w);
        requireNew(p, key, w);
        Layer probe = make(factory, w);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < probe.numParameters(); j++) names.add(key + "[" + j + "]");
        p.layers.put(key, new PartyShare.LayerEntry(() -> factory.get(), names, List.of(), w, probe.numQubits()));
        p.lastLayer = key;
        return this;
    }

    private static Layer make(Supplier<? extends Layer> f, String w) {
        try {
            Layer l = f.get();
            if (l == null) throw new InvalidInputException("the layer factory returned null");
            return l;
        } catch (InvalidInputException e) {
            throw e.getMessage().startsWith(w) ? e : new InvalidInputException(w + ": " + e.getMessage(), e);
        }
    }

    private PartyShare.LayerEntry last(String what) {
        String w = here("layer");
        if (current == null || current.lastLayer == null) throw new InvalidInputException(w + ": " + what + " must follow a layer");
        return current.layers.get(current.lastLayer);
    }

    /** Names the parameters of the last layer (in its parameter order); default KEY[j]. */
    public QdlModelBuilder names(String... names) {
        return names(List.of(names));
    }

    public QdlModelBuilder names(List<String> names) {
        PartyShare.LayerEntry e = last("names(...)");
        if (names.size() != e.names().size()) {
            throw new InvalidInputException(e.where() + ": " + names.size() + " parameter names for a layer with " + e.names().size() + " parameters");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String n : names) if (!seen.add(n)) throw new InvalidInputException(e.where() + ": parameter '" + n + "' is named twice");
        current.layers.put(current.lastLayer, new PartyShare.LayerEntry(e.factory(), names, e.frozen(), e.where(), e.qubits()));
        return this;
    }

    /** Only the named parameters of the last layer train; the others become fixed gates at their current values. */
    public QdlModelBuilder trainable(String... names) {
        return trainable(List.of(names));
    }

    public QdlModelBuilder trainable(List<String> names) {
        PartyShare.LayerEntry e = last("trainable(...)");
        boolean[] mask = new boolean[e.names().size()];
        for (String n : names) {
            int j = e.names().indexOf(n);
            if (j < 0) throw new InvalidInputException(e.where() + ": trainable names parameter '" + n + "', which the layer does not have (it has " + e.names() + ")");
            if (mask[j]) throw new InvalidInputException(e.where() + ": trainable names parameter '" + n + "' twice");
            mask[j] = true;
        }
        List<String> kept = new ArrayList<>(), frozen = new ArrayList<>(e.frozen());
        for (int j = 0; j < mask.length; j++) (mask[j] ? kept : frozen).add(e.names().get(j));
        Supplier<Layer> inner = e.factory();
        String w = e.where();
        Supplier<Layer> f = () -> Freezing.apply(inner.get(), mask, w);
        make(f, w); // fails now, not at the first network, if this layer cannot freeze part of itself
        current.layers.put(current.lastLayer, new PartyShare.LayerEntry(f, kept, frozen, w, e.qubits()));
        return this;
    }

    /** Freezes every parameter of the last layer. */
    public QdlModelBuilder frozen() {
        return trainable(List.of());
    }

    /** An observable of the current party. */
    public QdlModelBuilder observable(String key, Observable o) {
        String w = here("parties." + (current == null ? "?" : current.name) + ".observables." + key);
        PartyDraft p = open("observable", w);
        requireNew(p, key, w);
        try {
            ObservableShape.of(o);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(w + ": " + e.getMessage(), e);
        }
        p.observables.put(key, o);
        return this;
    }

    /** An observable given as a Pauli sum, e.g. "0.7 Z0 Z1 - 0.3 X2" (qubit 0 = least significant bit). */
    public QdlModelBuilder observable(String key, String pauliSum) {
        String w = where;
        PauliSum o;
        try {
            o = PauliSum.parse(pauliSum);
        } catch (InvalidInputException e) {
            throw new InvalidInputException((w != null ? w : source + ": observables." + key) + ": '" + pauliSum + "': " + e.getMessage(), e);
        }
        return observable(key, o);
    }

    /** Data qubits n of the register (the input vector has exactly 2^n entries); default: from the input vector. */
    public QdlModelBuilder qubits(int n) {
        qubitsWhere = here("qubits");
        if (n < 1 || n > org.qdl.sim.state.StateVector.MAX_QUBITS) throw new InvalidInputException(qubitsWhere + ": must be in 1.." + org.qdl.sim.state.StateVector.MAX_QUBITS + ", got " + n);
        this.qubits = n;
        return this;
    }

    /** Ancilla qubits in |0⟩ above the data qubits; they travel with the register and layers may act on them. */
    public QdlModelBuilder ancillas(int a) {
        String w = here("ancillas");
        if (a < 0 || a > 16) throw new InvalidInputException(w + ": must be in 0..16, got " + a);
        this.ancillas = a;
        return this;
    }

    /** The party that amplitude-encodes which of its vectors. */
    public QdlModelBuilder input(String party, String dataKey) {
        input = new Item(party, dataKey, here("input"));
        return this;
    }

    /** The next step: {@code party} applies its layer {@code layerKey} (the register moves to it first). */
    public QdlModelBuilder step(String party, String layerKey) {
        steps.add(new Item(party, layerKey, here("steps[" + steps.size() + "]")));
        return this;
    }

    /** Who measures which observable. */
    public QdlModelBuilder output(String party, String observableKey) {
        output = new Item(party, observableKey, here("output"));
        return this;
    }

    /** Output ‖x‖²·⟨O⟩; the data party sends ‖x‖ to the observer with this encoding (counted). */
    public QdlModelBuilder rescaled(NumberEncoding encoding) {
        this.rescaled = true;
        this.normEncoding = encoding;
        return this;
    }

    /**
     * Noise and loss on the link between parties a and b, both directions (docs/noise.md): e.g.
     * {@code LinkNoise.parse("depolarizing:0.01+fibre:km=10,dbPerKm=0.2")}. Perfect links by default.
     */
    public QdlModelBuilder linkNoise(String a, String b, org.qdl.protocol.noise.LinkNoise noise) {
        String w = here("noise.links");
        if (a.equals(b)) throw new InvalidInputException(w + ": a link joins two different parties, got " + a + " twice");
        for (NoiseItem n : linkNoise) {
            if ((n.a().equals(a) && n.b().equals(b)) || (n.a().equals(b) && n.b().equals(a))) {
                throw new InvalidInputException(w + ": the link " + a + "–" + b + " is given twice (" + n.where() + ")");
            }
        }
        linkNoise.add(new NoiseItem(a, b, java.util.Objects.requireNonNull(noise), w));
        return this;
    }

    /** Noise that a party's memory applies to a register before the party sends it on. */
    public QdlModelBuilder memoryNoise(String party, org.qdl.protocol.noise.LinkNoise noise) {
        String w = here("noise.memory." + party);
        if (noise.lossy()) throw new InvalidInputException(w + ": a memory does not lose qubits; loss belongs on a link");
        if (memoryNoise.put(party, new NoiseItem(party, party, java.util.Objects.requireNonNull(noise), w)) != null) {
            throw new InvalidInputException(w + ": memory noise of " + party + " is given twice");
        }
        return this;
    }

    /** One party's share as added so far, without a circuit (a party file served on its own). */
    public PartyShare shareOf(String party) {
        PartyDraft d = parties.get(party);
        if (d == null) throw new InvalidInputException(source + ": no party named " + party + " (parties: " + parties.keySet() + ")");
        return new PartyShare(d.name, d.data, d.layers, d.observables);
    }

    /** Checks the whole model and builds it; the first problem throws, naming its location. */
    public QdlModel build() {
        return ModelValidation.build(this);
    }

    // ---- read by ModelValidation
    Map<String, PartyDraft> parties() {
        return parties;
    }

    Set<String> externalParties() {
        return external;
    }

    List<Item> stepItems() {
        return steps;
    }

    Item inputItem() {
        return input;
    }

    Item outputItem() {
        return output;
    }

    Integer declaredQubits() {
        return qubits;
    }

    String qubitsWhere() {
        return qubitsWhere;
    }

    int ancillaCount() {
        return ancillas;
    }

    boolean isRescaled() {
        return rescaled;
    }

    NumberEncoding normEncoding() {
        return normEncoding;
    }

    List<NoiseItem> linkNoiseItems() {
        return linkNoise;
    }

    Map<String, NoiseItem> memoryNoiseItems() {
        return memoryNoise;
    }

    String sourceName() {
        return source;
    }
}
