package org.qdl.protocol;

import java.util.LinkedHashMap;
import java.util.Map;
import org.qdl.sim.state.StateVector;

/**
 * The states of the registers one party holds, keyed by register id, with the holder check every
 * operation needs: a party may touch a register only while the handle says it holds it.
 */
public final class RegisterStore {
    private final String owner;
    private final Map<String, StateVector> states = new LinkedHashMap<>();

    public RegisterStore(String owner) {
        this.owner = owner;
    }

    /** The state of a register the owner holds, or a {@link ProtocolException} naming the holder. */
    public synchronized StateVector state(Register r) {
        StateVector s = states.get(r.id());
        if (s == null || !r.holder().equals(owner)) {
            throw new ProtocolException(owner + " cannot act on register " + r.id() + ": it is held by " + r.holder());
        }
        return s;
    }

    /** Stores the state of a new or delivered register; refuses duplicates and size mismatches. */
    public synchronized void put(Register r, StateVector state) {
        if (states.containsKey(r.id())) throw new ProtocolException(owner + " already holds register " + r.id());
        if (state.numQubits() != r.numQubits()) {
            throw new ProtocolException("register " + r.id() + " has " + r.numQubits() + " qubits but the delivered state has " + state.numQubits());
        }
        states.put(r.id(), state);
    }

    /** Removes a held register and returns its state (release, discard, or consumption by a measurement). */
    public synchronized StateVector remove(Register r) {
        StateVector s = state(r);
        states.remove(r.id());
        return s;
    }
}
