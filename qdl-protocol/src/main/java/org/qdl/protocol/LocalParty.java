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
import org.qdl.sim.gate.Gate;
import org.qdl.sim.measurement.CommutingPauliMeasurement;
import org.qdl.sim.measurement.PauliShadows;
import org.qdl.sim.measurement.ShotGroups;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.observable.PauliSum;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.observable.Observable;
import org.qdl.sim.state.StateVector;
import org.qdl.sim.noise.Channel;
import org.qdl.sim.noise.Trajectories;
import org.qdl.sim.noise.Trajectory;

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
        this.name = Party.checkName(name);
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
    public synchronized void apply(String layerKey, Register register, LayerVariant variant) {
        Layer l = layer(layerKey);
        StateVector s = state(register);
        if (variant instanceof LayerVariant.ControlledGenerator v) {
            requireAncilla(l.numQubits(), register, v.control());
            GeneratorOperations.applyWithControlledGenerator(l, s, v.step(), v.control());
            return;
        }
        requireWidth(l, register, layerKey);
        if (variant instanceof LayerVariant.Shifted v) GeneratorOperations.applyShifted(l, s, v.step(), v.shift());
        else if (variant instanceof LayerVariant.Inverse) l.applyInverse(s);
        else l.apply(s);
    }

    private void requireWidth(Layer l, Register r, String key) {
        if (l.numQubits() > r.numQubits()) {
            throw new ProtocolException(name + "'s layer " + key + " acts on " + l.numQubits()
                    + " qubits but register " + r.id() + " has " + r.numQubits());
        }
    }

    @Override
    public synchronized double[][] measure(MeasurementSpec spec, Register register, int shots, int groups, long seed) {
        ShotGroups.check(shots, groups);
        StateVector s = state(register);
        PauliString f = spec.factor();
        s.checkQubits("measurement factor", f.support());
        double[][] out = switch (spec.scheme()) {
            case SAMPLE -> ShotGroups.means(ObservableMeasurement.sample(withFactor(resolve(spec.observables().get(0)), f), s, shots, seed), groups);
            case COMMUTING -> CommutingPauliMeasurement.groupMeans(paulis(spec, f), s, shots, groups, seed);
            case SHADOWS -> PauliShadows.groupMeans(paulis(spec, PauliString.identity()), f, s, shots, groups, seed);
        };
        registers.remove(register);
        return out;
    }

    /**
     * The per-shot path of inference, kept apart from {@link #measure(MeasurementSpec, Register, int, int, long)}:
     * the same samples, without the [shots][1] table (one array per shot) the general form returns.
     */
    @Override
    public synchronized double[] measure(String observableKey, Register register, int shots, long seed) {
        double[] out = ObservableMeasurement.sample(observable(observableKey), state(register), shots, seed);
        registers.remove(register);
        return out;
    }

    /** The observable a reference names: one this party holds, or a generator of one of its layers. */
    private Observable resolve(ObservableRef ref) {
        if (ref instanceof ObservableRef.Generator g) return GeneratorOperations.generator(layer(g.layerKey()), g.step());
        return observable(((ObservableRef.Held) ref).key());
    }

    /** The referenced observables as Pauli strings, each times the factor (which must not overlap them). */
    private List<PauliString> paulis(MeasurementSpec spec, PauliString factor) {
        List<PauliString> out = new ArrayList<>();
        for (ObservableRef ref : spec.observables()) {
            Observable o = resolve(ref);
            if (!(o instanceof PauliString p)) throw new ProtocolException(spec.scheme() + " measurement needs Pauli strings; " + ref + " of " + name + " is not one");
            out.add(times(p, factor, ref));
        }
        return out;
    }

    /** O ⊗ F for O a Pauli sum (term by term), as measureWithAncilla did: F must not act on O's qubits. */
    private static Observable withFactor(Observable o, PauliString f) {
        if (f.weight() == 0) return o;
        List<PauliSum.Term> terms = new ArrayList<>();
        for (PauliSum.Term t : ObservableMeasurement.asPauliSum(o).terms()) terms.add(new PauliSum.Term(t.coefficient(), times(t.pauli(), f, o)));
        return terms.size() == 1 && terms.get(0).coefficient() == 1 ? terms.get(0).pauli() : new PauliSum(terms);
    }

    private static PauliString times(PauliString p, PauliString f, Object what) {
        if (((p.xMask() | p.zMask()) & (f.xMask() | f.zMask())) != 0) throw new ProtocolException("observable " + what + " acts on the qubits of the factor " + f);
        return PauliString.ofMasks(p.xMask() | f.xMask(), p.zMask() | f.zMask());
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
    public synchronized void applyChannel(Register register, Channel channel, Trajectory trajectory) {
        StateVector s = state(register);
        int[] all = new int[s.numQubits()];
        for (int q = 0; q < all.length; q++) all[q] = q;
        Trajectories.apply(channel, s, all, trajectory);
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

    @Override
    public GeneratorStructure generatorStructure(String layerKey) {
        return GeneratorOperations.structure(layer(layerKey));
    }

    @Override
    public synchronized void applyGate(Register register, Gate gate) {
        StateVector s = state(register);
        s.checkQubits("gate " + gate.name(), gate.qubits());
        gate.apply(s);
    }

    @Override
    public synchronized void applyControlledObservable(String observableKey, Register register, int control) {
        GeneratorOperations.applyControlledPauli(state(register), unitaryObservable(observableKey), control);
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
