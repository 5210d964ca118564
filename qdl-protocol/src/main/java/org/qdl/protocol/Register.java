package org.qdl.protocol;

/**
 * A handle to a quantum register travelling between parties: m qubits (data and ancillas) held by
 * exactly one party at a time. The amplitudes live with the holder (in its process, for remote
 * parties); protocol code sees only the handle. Moving a register goes through a
 * {@link QuantumChannel}, which records the qubits in the ledger.
 */
public final class Register {
    private final String id;
    private final int numQubits;
    private volatile String holder;

    public Register(String id, int numQubits, String holder) {
        this.id = id;
        this.numQubits = numQubits;
        this.holder = holder;
    }

    public String id() {
        return id;
    }

    public int numQubits() {
        return numQubits;
    }

    /** Name of the party that holds the register now. */
    public String holder() {
        return holder;
    }

    void moveTo(String party) {
        holder = party;
    }

    @Override
    public String toString() {
        return "Register[" + id + ", " + numQubits + " qubits, held by " + holder + "]";
    }
}
