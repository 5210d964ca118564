package org.qdl.claims;

import java.util.Set;
import org.qdl.protocol.GeneratorStructure;
import org.qdl.protocol.LayerShape;
import org.qdl.protocol.LayerVariant;
import org.qdl.protocol.MeasurementSpec;
import org.qdl.protocol.ObservableRef;
import org.qdl.protocol.ObservableShape;
import org.qdl.protocol.Party;
import org.qdl.protocol.ProtocolException;
import org.qdl.protocol.Register;
import org.qdl.protocol.RegisterStore;
import org.qdl.sim.gate.Gate;
import org.qdl.sim.measurement.ShotGroups;
import org.qdl.sim.state.StateVector;

/**
 * A party that only receives registers and measures them in its own way (no data to encode, no
 * layers): the base of the claims' receivers, which measure in bases a dense observable could not
 * express at large N. Subclasses read a held register's state through {@link #state(Register)}.
 */
public abstract class ReceivingParty implements Party {
    private final String name;
    private final RegisterStore registers;

    protected ReceivingParty(String name) {
        this.name = Party.checkName(name);
        this.registers = new RegisterStore(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> dataKeys() {
        return Set.of();
    }

    @Override
    public Set<String> layerKeys() {
        return Set.of();
    }

    @Override
    public LayerShape layerShape(String layerKey) {
        throw new ProtocolException(name + " holds no layer named " + layerKey);
    }

    @Override
    public int dataLength(String dataKey) {
        throw new ProtocolException(name + " holds no data named " + dataKey);
    }

    @Override
    public Register encode(String dataKey, int ancillas) {
        throw new ProtocolException(name + " holds no data named " + dataKey);
    }

    @Override
    public double dataNorm(String dataKey) {
        throw new ProtocolException(name + " holds no data named " + dataKey);
    }

    @Override
    public void apply(String layerKey, Register register, LayerVariant variant) {
        throw new ProtocolException(name + " holds no layer named " + layerKey);
    }

    @Override
    public GeneratorStructure generatorStructure(String layerKey) {
        throw new ProtocolException(name + " holds no layer named " + layerKey);
    }

    @Override
    public long layerDescriptionReals(String layerKey) {
        throw new ProtocolException(name + " holds no layer named " + layerKey);
    }

    @Override
    public void updateLayer(String layerKey, double[] delta) {
        throw new ProtocolException(name + " holds no layer named " + layerKey);
    }

    @Override
    public ObservableShape observableShape(String observableKey) {
        throw new ProtocolException(name + " does not publish the shape of observable " + observableKey);
    }

    @Override
    public void applyGate(Register register, Gate gate) {
        throw new ProtocolException(name + " only receives and measures registers; it applies no gates");
    }

    @Override
    public void applyControlledObservable(String observableKey, Register register, int control) {
        throw new ProtocolException(name + " measures in its own way and applies no observable controlled");
    }

    /** Only its own measurement, one observable sampled per copy: what {@link #sample} implements. */
    @Override
    public final double[][] measure(MeasurementSpec spec, Register register, int shots, int groups, long seed) {
        if (spec.scheme() != MeasurementSpec.Scheme.SAMPLE || spec.factor().weight() != 0 || !(spec.observables().get(0) instanceof ObservableRef.Held h)) {
            throw new ProtocolException(name + " measures only its own observables, one at a time, without factors; asked for " + spec);
        }
        return ShotGroups.means(sample(h.key(), register, shots, seed), groups);
    }

    /** Measures observable {@code observableKey} on {@code shots} copies, one outcome each; consumes the register. */
    protected abstract double[] sample(String observableKey, Register register, int shots, long seed);

    @Override
    public StateVector release(Register register) {
        return registers.remove(register);
    }

    @Override
    public void accept(Register register, StateVector state) {
        registers.put(register, state);
    }

    @Override
    public void discard(Register register) {
        registers.remove(register);
    }

    /** The state of a register this party holds (its own measurement apparatus reads it). */
    protected StateVector state(Register r) {
        return registers.state(r);
    }

    @Override
    public String toString() {
        return "Party[" + name + "]";
    }
}
