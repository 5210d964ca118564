package org.qdl.protocol;

import java.util.Set;
import org.qdl.sim.StateVector;

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
}
