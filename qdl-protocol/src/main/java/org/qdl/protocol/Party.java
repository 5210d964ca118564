package org.qdl.protocol;

import java.util.Set;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.gate.Gate;
import org.qdl.sim.noise.Channel;
import org.qdl.sim.noise.Trajectory;
import org.qdl.sim.state.StateVector;

/**
 * A participant in a distributed protocol. It holds private data (vectors), private layers (unitaries
 * with their parameters) and observables, and acts only on registers it currently holds. Protocols
 * drive parties through this interface alone, so a party may live in this process
 * ({@link LocalParty}) or in another one behind a transport; nothing here hands out another party's
 * data or parameters.
 *
 * <p>The operations are a small core — encode, apply a layer or a variant of it, apply a public
 * gate or a controlled observable, measure, send and receive — from which inference and every
 * gradient estimator are composed, above this interface (in qdl-learning), so that a new estimator
 * needs no new party operation.
 */
public interface Party {
    String name();

    /** A party's name: a letter, then letters, digits, '_' or '-' (it appears in register ids, files and certificates). */
    static String checkName(String name) {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new InvalidInputException("party name '" + name + "' must start with a letter and use only letters, digits, '_' and '-'");
        }
        return name;
    }

    // ---- What the party publishes: names and shapes, never values.

    /** Keys of the data vectors this party holds (names only, never values). */
    Set<String> dataKeys();

    /** Keys of the layers this party holds. */
    Set<String> layerKeys();

    /** Keys of the observables this party holds. */
    Set<String> observableKeys();

    /** Public shape of a layer: qubits it acts on and its parameter count (never the values). */
    LayerShape layerShape(String layerKey);

    /** Public structure of a layer's rotations (parameter of each step, locality, commutation). */
    GeneratorStructure generatorStructure(String layerKey);

    /**
     * Public shape of an observable: its qubits, outcome range and description size (shot budgets
     * and classical baselines are computed from it).
     */
    ObservableShape observableShape(String observableKey);

    /**
     * Real numbers needed to describe a layer to a party that knows its public architecture (the
     * parameters for a parametrised layer; every matrix entry for a fixed dense unitary). Used to
     * cost classical protocols that ship layers instead of data.
     */
    long layerDescriptionReals(String layerKey);

    /** Length N of a data vector (public: it fixes the register size). */
    int dataLength(String dataKey);

    /**
     * ‖x‖ of a data vector. Revealing it is this party's choice; a protocol that needs it must then
     * send it over a {@link ClassicalChannel} so the ledger counts it.
     */
    double dataNorm(String dataKey);

    // ---- Quantum operations on registers this party holds.

    /**
     * Amplitude-encodes the private vector into a new register of ⌈log2 N⌉ data qubits plus
     * {@code ancillas} ancilla qubits above them (in |0⟩), held by this party.
     */
    Register encode(String dataKey, int ancillas);

    /** Applies one of this party's layers, or a variant of it, to a register it holds. */
    void apply(String layerKey, Register register, LayerVariant variant);

    default void apply(String layerKey, Register register) {
        apply(layerKey, register, LayerVariant.PLAIN);
    }

    default void applyInverse(String layerKey, Register register) {
        apply(layerKey, register, LayerVariant.INVERSE);
    }

    /** Applies a public gate (a Hadamard on an ancilla, a basis change) to a register this party holds. */
    void applyGate(Register register, Gate gate);

    /** Applies the observable (it must be a Pauli string, hence unitary) controlled on qubit {@code control}. */
    void applyControlledObservable(String observableKey, Register register, int control);

    /**
     * Measures {@code spec} on {@code shots} identical copies of the register's state and returns
     * the group means [groups][observable] of the single-copy values (see {@link MeasurementSpec}).
     * The register is consumed.
     */
    double[][] measure(MeasurementSpec spec, Register register, int shots, int groups, long seed);

    /**
     * Measures one of this party's observables on {@code shots} copies and returns each shot's
     * outcome (an eigenvalue, or an unbiased single-shot estimate for sums of non-commuting terms).
     * The register is consumed.
     */
    default double[] measure(String observableKey, Register register, int shots, long seed) {
        double[][] m = measure(MeasurementSpec.sample(observableKey), register, shots, shots, seed);
        double[] out = new double[shots];
        for (int i = 0; i < shots; i++) out[i] = m[i][0];
        return out;
    }

    /**
     * The exact ⟨O⟩ on the register's state, read from the simulator. For validation only: a real
     * party could not do this, and no protocol estimate may use it.
     */
    double exactExpectation(String observableKey, Register register);

    // ---- Its own parameters.

    /**
     * Adds {@code delta} to the layer's parameters: the holder applies its own optimiser's step, so
     * the parameter values never leave it.
     */
    void updateLayer(String layerKey, double[] delta);

    // ---- Transport and nature.

    /** Transport hook: gives up the register's state (for a channel to deliver). */
    StateVector release(Register register);

    /** Transport hook: takes delivery of a register's state. */
    void accept(Register register, StateVector state);

    /** Drops a register this party holds (e.g. after the last measurement). */
    void discard(Register register);

    /**
     * Noise hook: applies a channel to every qubit of a register this party holds, along the jumps
     * of the trajectory (link noise on arrival, memory noise before sending). Nature's doing, not
     * the party's: protocols never call it, the network does.
     */
    default void applyChannel(Register register, Channel channel, Trajectory trajectory) {
        throw new ProtocolException("party " + name() + " does not simulate noisy links (only in-process parties do)");
    }
}
