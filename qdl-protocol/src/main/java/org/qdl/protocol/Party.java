package org.qdl.protocol;

import java.util.Set;
import org.qdl.sim.state.StateVector;

/**
 * A participant in a distributed protocol. It holds private data (vectors), private layers (unitaries
 * with their parameters) and observables, and acts only on registers it currently holds. Protocols
 * drive parties through this interface alone, so a party may live in this process
 * ({@link LocalParty}) or in another one behind a transport; nothing here hands out another party's
 * data or parameters.
 */
public interface Party {
    String name();

    /** Keys of the data vectors this party holds (names only, never values). */
    Set<String> dataKeys();

    /** Keys of the layers this party holds. */
    Set<String> layerKeys();

    /** Keys of the observables this party holds. */
    Set<String> observableKeys();

    /** Public shape of a layer: qubits it acts on and its parameter count (never the values). */
    LayerShape layerShape(String layerKey);

    /** Length N of a data vector (public: it fixes the register size). */
    int dataLength(String dataKey);

    /**
     * Amplitude-encodes the private vector into a new register of ⌈log2 N⌉ data qubits plus
     * {@code ancillas} ancilla qubits above them (in |0⟩), held by this party.
     */
    Register encode(String dataKey, int ancillas);

    /**
     * ‖x‖ of a data vector. Revealing it is this party's choice; a protocol that needs it must then
     * send it over a {@link ClassicalChannel} so the ledger counts it.
     */
    double dataNorm(String dataKey);

    /** Applies one of this party's layers to a register it holds. */
    void apply(String layerKey, Register register);

    /** Applies the inverse of one of this party's layers. */
    void applyInverse(String layerKey, Register register);

    /**
     * Measures one of this party's observables on {@code shots} identical copies of the register's
     * state and returns each shot's outcome (an eigenvalue, or an unbiased single-shot estimate for
     * sums of non-commuting terms). The register is consumed.
     */
    double[] measure(String observableKey, Register register, int shots, long seed);

    /**
     * The exact ⟨O⟩ on the register's state, read from the simulator. For validation only: a real
     * party could not do this, and no protocol estimate may use it.
     */
    double exactExpectation(String observableKey, Register register);

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
    default void applyChannel(Register register, org.qdl.sim.noise.Channel channel, org.qdl.sim.noise.Trajectory trajectory) {
        throw new ProtocolException("party " + name() + " does not simulate noisy links (only in-process parties do)");
    }

    // ---- Gradient protocols (qdl-learning). Appended as default methods that refuse, so parties that
    // do not take part in training (e.g. pure receivers) need not implement them; LocalParty and a
    // remote party override them.

    private ProtocolException unsupported(String operation) {
        return new ProtocolException("party " + name() + " does not support " + operation + " (needed by the gradient protocols)");
    }

    /** Public structure of a layer's rotations (parameter of each step, locality, commutation). */
    default GeneratorStructure generatorStructure(String layerKey) {
        throw unsupported("generatorStructure");
    }

    /** Applies the layer with rotation step {@code step}'s angle shifted by {@code shift} (parameter shift). */
    default void applyShifted(String layerKey, Register register, int step, double shift) {
        throw unsupported("applyShifted");
    }

    /**
     * Applies the layer with, right after rotation step {@code step}, a Hadamard on qubit
     * {@code control} and the generator G_step controlled on it (the holder's half of a Hadamard test).
     */
    default void applyWithControlledGenerator(String layerKey, Register register, int step, int control) {
        throw unsupported("applyWithControlledGenerator");
    }

    /** Applies a Hadamard to one qubit of a register this party holds (e.g. to prepare an ancilla). */
    default void applyHadamard(Register register, int qubit) {
        throw unsupported("applyHadamard");
    }

    /** Applies the observable (it must be a Pauli string, hence unitary) controlled on {@code control}. */
    default void applyControlledObservable(String observableKey, Register register, int control) {
        throw unsupported("applyControlledObservable");
    }

    /**
     * Measures O ⊗ σ on {@code shots} copies, σ ∈ {X, Y, Z} a Pauli on qubit {@code ancilla}; each
     * shot returns the product of the two outcomes. The register is consumed.
     */
    default double[] measureWithAncilla(String observableKey, Register register, int ancilla, char ancillaPauli, int shots, long seed) {
        throw unsupported("measureWithAncilla");
    }

    /**
     * Measures all Y_a ⊗ G_j of a layer with qubit-wise commuting generators jointly on
     * {@code shots} copies; returns the means of the ±1 outcomes per group of shots and step
     * ([groups][steps]). The register is consumed.
     */
    default double[][] measureGeneratorsJointly(String layerKey, Register register, int ancilla, int shots, int groups, long seed) {
        throw unsupported("measureGeneratorsJointly");
    }

    /**
     * Classical shadows (random Pauli bases on the generators' qubits, ancilla in Y) of all
     * Y_a ⊗ G_j; returns group means of the unbiased snapshot estimates ([groups][steps]). The
     * register is consumed.
     */
    default double[][] measureGeneratorShadows(String layerKey, Register register, int ancilla, int shots, int groups, long seed) {
        throw unsupported("measureGeneratorShadows");
    }

    /**
     * Adds {@code delta} to the layer's parameters: the holder applies its own optimiser's step, so
     * the parameter values never leave it.
     */
    default void updateLayer(String layerKey, double[] delta) {
        throw unsupported("updateLayer");
    }


    /**
     * Public shape of an observable: its qubits, outcome range and description size. Parties that
     * do not publish it (the default) make shot budgets and baselines impossible to compute.
     */
    default ObservableShape observableShape(String observableKey) {
        throw new ProtocolException(name() + " does not publish the shape of observable " + observableKey);
    }

    /**
     * Real numbers needed to describe a layer to a party that knows its public architecture (the
     * parameters for a parametrised layer; every matrix entry for a fixed dense unitary). Used to
     * cost classical protocols that ship layers instead of data.
     */
    default long layerDescriptionReals(String layerKey) {
        throw new ProtocolException(name() + " does not publish the description size of layer " + layerKey);
    }
}
