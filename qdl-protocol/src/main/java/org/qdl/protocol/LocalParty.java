package org.qdl.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.ArrayList;
import java.util.List;
import org.qdl.protocol.model.GeneratorOperations;
import org.qdl.protocol.model.Layer;
import org.qdl.sim.state.AmplitudeEncoding;
import org.qdl.sim.gate.Gates;
import org.qdl.sim.gate.MatrixGate;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.observable.PauliSum;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.observable.Observable;
import org.qdl.sim.state.StateVector;

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
    private final RegisterStore registers;

    public LocalParty(String name) {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new InvalidInputException("party name '" + name + "' must start with a letter and use only letters, digits, '_' and '-'");
        }
        this.name = name;
        this.registers = new RegisterStore(name);
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
        registers.put(r, s);
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
        registers.remove(register);
        return out;
    }

    @Override
    public synchronized double exactExpectation(String observableKey, Register register) {
        return observable(observableKey).expectation(state(register));
    }

    @Override
    public synchronized StateVector release(Register register) {
        return registers.remove(register);
    }

    @Override
    public synchronized void accept(Register register, StateVector state) {
        registers.put(register, state);
    }

    @Override
    public synchronized void discard(Register register) {
        registers.remove(register);
    }

    @Override
    public synchronized void applyChannel(Register register, org.qdl.sim.noise.Channel channel, org.qdl.sim.noise.Trajectory trajectory) {
        StateVector s = state(register);
        int[] all = new int[s.numQubits()];
        for (int q = 0; q < all.length; q++) all[q] = q;
        org.qdl.sim.noise.Trajectories.apply(channel, s, all, trajectory);
    }

    private StateVector state(Register r) {
        return registers.state(r);
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

    // ---- Gradient protocols (appended).

    @Override
    public GeneratorStructure generatorStructure(String layerKey) {
        return GeneratorOperations.structure(layer(layerKey));
    }

    @Override
    public synchronized void applyShifted(String layerKey, Register register, int step, double shift) {
        Layer l = layer(layerKey);
        requireWidth(l, register, layerKey);
        GeneratorOperations.applyShifted(l, state(register), step, shift);
    }

    @Override
    public synchronized void applyWithControlledGenerator(String layerKey, Register register, int step, int control) {
        Layer l = layer(layerKey);
        requireAncilla(l.numQubits(), register, control);
        GeneratorOperations.applyWithControlledGenerator(l, state(register), step, control);
    }

    @Override
    public synchronized void applyHadamard(Register register, int qubit) {
        StateVector s = state(register);
        s.checkQubits("Hadamard", qubit);
        MatrixGate.of("h", Gates.H, qubit).apply(s);
    }

    @Override
    public synchronized void applyControlledObservable(String observableKey, Register register, int control) {
        GeneratorOperations.applyControlledPauli(state(register), unitaryObservable(observableKey), control);
    }

    @Override
    public synchronized double[] measureWithAncilla(String observableKey, Register register, int ancilla, char ancillaPauli, int shots, long seed) {
        StateVector s = state(register);
        s.checkQubits("ancilla", ancilla);
        PauliString a = PauliString.single(ancillaPauli, ancilla);
        List<PauliSum.Term> terms = new ArrayList<>();
        for (PauliSum.Term t : ObservableMeasurement.asPauliSum(observable(observableKey)).terms()) {
            PauliString p = t.pauli();
            if (((p.xMask() | p.zMask()) >>> ancilla & 1) != 0) throw new ProtocolException("observable " + observableKey + " acts on the ancilla qubit " + ancilla);
            terms.add(new PauliSum.Term(t.coefficient(), PauliString.ofMasks(p.xMask() | a.xMask(), p.zMask() | a.zMask())));
        }
        Observable joint = terms.size() == 1 && terms.get(0).coefficient() == 1 ? terms.get(0).pauli() : new PauliSum(terms);
        double[] out = ObservableMeasurement.sample(joint, s, shots, seed);
        registers.remove(register);
        return out;
    }

    @Override
    public synchronized double[][] measureGeneratorsJointly(String layerKey, Register register, int ancilla, int shots, int groups, long seed) {
        Layer l = layer(layerKey);
        requireAncilla(l.numQubits(), register, ancilla);
        double[][] out = GeneratorOperations.measureCommuting(l, state(register), ancilla, shots, groups, seed);
        registers.remove(register);
        return out;
    }

    @Override
    public synchronized double[][] measureGeneratorShadows(String layerKey, Register register, int ancilla, int shots, int groups, long seed) {
        Layer l = layer(layerKey);
        requireAncilla(l.numQubits(), register, ancilla);
        double[][] out = GeneratorOperations.measureShadows(l, state(register), ancilla, shots, groups, seed);
        registers.remove(register);
        return out;
    }

    @Override
    public synchronized void updateLayer(String layerKey, double[] delta) {
        Layer l = layer(layerKey);
        double[] theta = l.parameters();
        if (delta.length != theta.length) throw new InvalidInputException("layer " + layerKey + " has " + theta.length + " parameters, the update has " + delta.length);
        for (int j = 0; j < theta.length; j++) theta[j] += delta[j];
        l.setParameters(theta);
    }

    private void requireAncilla(int layerQubits, Register r, int ancilla) {
        if (ancilla < layerQubits || ancilla >= r.numQubits()) {
            throw new ProtocolException("ancilla qubit " + ancilla + " must lie above the layer's " + layerQubits
                    + " qubits inside register " + r.id() + " of " + r.numQubits() + " qubits");
        }
    }

    private PauliString unitaryObservable(String key) {
        Observable o = observable(key);
        if (o instanceof PauliString p) return p;
        if (o instanceof PauliSum sum && sum.terms().size() == 1 && Math.abs(sum.terms().get(0).coefficient()) == 1) {
            if (sum.terms().get(0).coefficient() == 1) return sum.terms().get(0).pauli();
        }
        throw new ProtocolException("observable " + key + " of " + name + " must be a single Pauli string (a unitary) to be applied controlled; it is " + o);
    }


    /**
     * This party's own observable, for exact local references (adjoint differentiation). Like
     * {@link #ownLayer}, protocol code acting for other parties must not call it.
     */
    public Observable ownObservable(String key) {
        return observable(key);
    }

    @Override
    public ObservableShape observableShape(String observableKey) {
        return ObservableShape.of(observable(observableKey));
    }

    @Override
    public long layerDescriptionReals(String layerKey) {
        return layer(layerKey).descriptionReals();
    }
}
