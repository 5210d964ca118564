package org.qdl.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.qdl.protocol.model.Layer;
import org.qdl.sim.AmplitudeEncoding;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.Observable;
import org.qdl.sim.StateVector;

/**
 * A party in this process. Its data, layers and observables are private fields: other code reaches
 * them only through the {@link Party} operations, which act on registers this party holds.
 */
public final class LocalParty implements Party {
    private static final AtomicLong REGISTER_IDS = new AtomicLong();

    private final String name;
    private final Map<String, double[]> data = new LinkedHashMap<>();
    private final Map<String, Layer> layers = new LinkedHashMap<>();
    private final Map<String, Observable> observables = new LinkedHashMap<>();
    private final Map<String, StateVector> registers = new LinkedHashMap<>();

    public LocalParty(String name) {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new InvalidInputException("party name '" + name + "' must start with a letter and use only letters, digits, '_' and '-'");
        }
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    /** Gives this party a private data vector (copied). */
    public LocalParty holdData(String key, double[] x) {
        requireNew(key, data.keySet(), "data vector");
        data.put(key, x.clone());
        return this;
    }

    /** Gives this party a layer; from now on only this party can apply it. */
    public LocalParty holdLayer(String key, Layer layer) {
        requireNew(key, layers.keySet(), "layer");
        layers.put(key, layer);
        return this;
    }

    public LocalParty holdObservable(String key, Observable o) {
        requireNew(key, observables.keySet(), "observable");
        observables.put(key, o);
        return this;
    }

    private void requireNew(String key, Set<String> keys, String what) {
        if (keys.contains(key)) throw new ProtocolException(name + " already holds a " + what + " named " + key);
    }

    /**
     * This party's own layer, for the party's own use (training updates its parameters in place).
     * Protocol code acting for other parties must not call this; a remote party has no such method.
     */
    public Layer ownLayer(String key) {
        return layer(key);
    }

    @Override
    public Set<String> dataKeys() {
        return Collections.unmodifiableSet(data.keySet());
    }

    @Override
    public Set<String> layerKeys() {
        return Collections.unmodifiableSet(layers.keySet());
    }

    @Override
    public Set<String> observableKeys() {
        return Collections.unmodifiableSet(observables.keySet());
    }

    @Override
    public LayerShape layerShape(String layerKey) {
        Layer l = layer(layerKey);
        return new LayerShape(l.numQubits(), l.numParameters());
    }

    @Override
    public int dataLength(String dataKey) {
        return vector(dataKey).length;
    }

    @Override
    public synchronized Register encode(String dataKey, int ancillas) {
        if (ancillas < 0) throw new InvalidInputException("ancilla count must be non-negative, got " + ancillas);
        AmplitudeEncoding.Encoded e = AmplitudeEncoding.encode(vector(dataKey));
        StateVector s = e.state();
        if (ancillas > 0) s = withAncillas(s, ancillas);
        Register r = new Register(name + ":" + dataKey + "#" + REGISTER_IDS.incrementAndGet(), s.numQubits(), name);
        registers.put(r.id(), s);
        return r;
    }

    /** |ψ⟩ ⊗ |0…0⟩ with the ancillas as the high qubits: the amplitudes stay in place. */
    private static StateVector withAncillas(StateVector s, int ancillas) {
        StateVector big = StateVector.zeros(s.numQubits() + ancillas);
        System.arraycopy(s.realArray(), 0, big.realArray(), 0, s.dimension());
        System.arraycopy(s.imagArray(), 0, big.imagArray(), 0, s.dimension());
        return big;
    }

    @Override
    public double dataNorm(String dataKey) {
        double s = 0;
        for (double v : vector(dataKey)) s += v * v;
        return Math.sqrt(s);
    }

    @Override
    public synchronized void apply(String layerKey, Register register) {
        Layer l = layer(layerKey);
        StateVector s = state(register);
        requireWidth(l, register, layerKey);
        l.apply(s);
    }

    @Override
    public synchronized void applyInverse(String layerKey, Register register) {
        Layer l = layer(layerKey);
        StateVector s = state(register);
        requireWidth(l, register, layerKey);
        l.applyInverse(s);
    }

    private void requireWidth(Layer l, Register r, String key) {
        if (l.numQubits() > r.numQubits()) {
            throw new ProtocolException(name + "'s layer " + key + " acts on " + l.numQubits()
                    + " qubits but register " + r.id() + " has " + r.numQubits());
        }
    }

    @Override
    public synchronized double[] measure(String observableKey, Register register, int shots, long seed) {
        Observable o = observable(observableKey);
        StateVector s = state(register);
        double[] out = ObservableMeasurement.sample(o, s, shots, seed);
        registers.remove(register.id());
        return out;
    }

    @Override
    public synchronized double exactExpectation(String observableKey, Register register) {
        return observable(observableKey).expectation(state(register));
    }

    @Override
    public synchronized StateVector release(Register register) {
        StateVector s = state(register);
        registers.remove(register.id());
        return s;
    }

    @Override
    public synchronized void accept(Register register, StateVector state) {
        if (registers.containsKey(register.id())) throw new ProtocolException(name + " already holds register " + register.id());
        if (state.numQubits() != register.numQubits()) {
            throw new ProtocolException("register " + register.id() + " has " + register.numQubits() + " qubits but the delivered state has " + state.numQubits());
        }
        registers.put(register.id(), state);
    }

    @Override
    public synchronized void discard(Register register) {
        state(register);
        registers.remove(register.id());
    }

    private StateVector state(Register r) {
        StateVector s = registers.get(r.id());
        if (s == null || !r.holder().equals(name)) {
            throw new ProtocolException(name + " cannot act on register " + r.id() + ": it is held by " + r.holder());
        }
        return s;
    }

    private Layer layer(String key) {
        Layer l = layers.get(key);
        if (l == null) throw new ProtocolException(name + " holds no layer named " + key + " (it holds " + layers.keySet() + ")");
        return l;
    }

    private Observable observable(String key) {
        Observable o = observables.get(key);
        if (o == null) throw new ProtocolException(name + " holds no observable named " + key + " (it holds " + observables.keySet() + ")");
        return o;
    }

    private double[] vector(String key) {
        double[] x = data.get(key);
        if (x == null) throw new ProtocolException(name + " holds no data named " + key + " (it holds " + data.keySet() + ")");
        return x;
    }

    @Override
    public String toString() {
        return "Party[" + name + "]";
    }
}
