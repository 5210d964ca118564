package org.qdl.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The parties, the channels between them and the ledger that counts what crosses them.
 *
 * <p>{@link #repeated(long, Supplier)} runs one execution of a protocol and records it as
 * {@code times} back-to-back executions. Shots of a circuit are independent and identically
 * distributed until measured, so the simulator runs the circuit once and samples all shots from the
 * final state, while the ledger shows the communication of running it once per shot.
 */
public final class Network {
    private final Map<String, Party> parties = new LinkedHashMap<>();
    private final Map<Link, QuantumChannel> quantum = new LinkedHashMap<>();
    private final Map<Link, ClassicalChannel> classical = new LinkedHashMap<>();
    private final CommunicationLedger ledger = new CommunicationLedger();
    private final Transport transport;
    private List<Transfer> transcript; // non-null while recording one execution of a repetition
    private int offRecord; // > 0 while the simulator computes exact values for validation

    public Network() {
        this(Transport.IN_PROCESS);
    }

    public Network(Transport transport) {
        this.transport = transport;
    }

    /** Adds a party; names must be unique. */
    public <P extends Party> P add(P party) {
        if (parties.containsKey(party.name())) throw new ProtocolException("a party named " + party.name() + " already exists");
        parties.put(party.name(), party);
        return party;
    }

    /** Creates and adds an in-process party. */
    public LocalParty addLocalParty(String name) {
        return add(new LocalParty(name));
    }

    public Party party(String name) {
        Party p = parties.get(name);
        if (p == null) throw new ProtocolException("no party named " + name + " (parties: " + parties.keySet() + ")");
        return p;
    }

    public List<Party> parties() {
        return Collections.unmodifiableList(new ArrayList<>(parties.values()));
    }

    /** The quantum channel between two parties (created on first use). */
    public QuantumChannel quantumChannel(String a, String b) {
        checkPair(a, b);
        return quantum.computeIfAbsent(new Link(a, b).undirected(), l -> new QuantumChannel(this, l.from(), l.to()));
    }

    /** The classical channel between two parties (created on first use). */
    public ClassicalChannel classicalChannel(String a, String b) {
        checkPair(a, b);
        return classical.computeIfAbsent(new Link(a, b).undirected(), l -> new ClassicalChannel(this, l.from(), l.to()));
    }

    private void checkPair(String a, String b) {
        party(a);
        party(b);
        if (a.equals(b)) throw new ProtocolException("a channel needs two different parties, got " + a + " twice");
    }

    /** Moves a register to {@code to} over the quantum channel from its holder (no-op if already there). */
    public void moveRegister(Register r, String to, String label) {
        if (!r.holder().equals(to)) quantumChannel(r.holder(), to).send(r, label);
    }

    public CommunicationLedger ledger() {
        return ledger;
    }

    Transport transport() {
        return transport;
    }

    synchronized void record(Transfer t) {
        if (offRecord > 0) return;
        if (transcript != null) transcript.add(t);
        else ledger.record(t);
    }

    /**
     * Runs {@code validation} without recording: for exact reference values computed by the
     * simulator, which no real protocol could obtain and which must not count as communication.
     */
    public <T> T offTheRecord(Supplier<T> validation) {
        synchronized (this) {
            offRecord++;
        }
        try {
            return validation.get();
        } finally {
            synchronized (this) {
                offRecord--;
            }
        }
    }

    /**
     * Runs {@code execution} once and records its messages as {@code times} repetitions. Nested
     * repetitions multiply.
     */
    public <T> T repeated(long times, Supplier<T> execution) {
        if (times < 1) throw new ProtocolException("a protocol must run at least once, got " + times + " repetitions");
        List<Transfer> outer;
        synchronized (this) {
            outer = transcript;
            transcript = new ArrayList<>();
        }
        try {
            T result = execution.get();
            List<Transfer> once;
            synchronized (this) {
                once = transcript;
            }
            if (outer != null) {
                for (long k = 0; k < times; k++) outer.addAll(once);
            } else {
                ledger.add(once, times);
            }
            return result;
        } finally {
            synchronized (this) {
                transcript = outer;
            }
        }
    }
}
