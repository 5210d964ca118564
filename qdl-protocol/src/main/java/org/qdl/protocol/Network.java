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
    private CommunicationLedger redirect; // non-null while a protocol records into its own ledger

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
        else activeLedger().record(t);
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
                activeLedger().add(once, times);
            }
            return result;
        } finally {
            synchronized (this) {
                transcript = outer;
            }
        }
    }

    private synchronized CommunicationLedger activeLedger() {
        return redirect != null ? redirect : ledger;
    }

    /**
     * Runs {@code protocol} recording its messages into {@code own} instead of the network's ledger,
     * then adds {@code own} to the network's ledger (so {@link #ledger()} stays cumulative). This
     * gives one protocol run its own ledger, with rounds counted from a fresh start.
     */
    public <T> T recordingInto(CommunicationLedger own, Supplier<T> protocol) {
        CommunicationLedger outer;
        synchronized (this) {
            if (transcript != null) throw new ProtocolException("cannot switch ledgers inside a repeated execution");
            outer = redirect;
            redirect = own;
        }
        try {
            return protocol.get();
        } finally {
            synchronized (this) {
                redirect = outer;
            }
            (outer != null ? outer : ledger).addAll(own);
        }
    }

    /**
     * Moves a register's amplitudes to {@code to} as classical numbers over the classical channel
     * (for classical baselines): 2^m reals if every amplitude is real, else 2·2^m, at the encoding's
     * bits each. The receiver gets the values as the encoding rounds them. In-process only.
     */
    public void sendRegisterClassically(Register r, String to, NumberEncoding encoding, String label) {
        String from = r.holder();
        if (from.equals(to)) return;
        ClassicalChannel channel = classicalChannel(from, to);
        Party sender = party(from), receiver = party(to);
        org.qdl.sim.StateVector s = sender.release(r);
        double[] re = s.realArray(), im = s.imagArray();
        boolean real = true;
        for (double v : im) {
            if (v != 0) {
                real = false;
                break;
            }
        }
        for (int i = 0; i < re.length; i++) {
            re[i] = encoding.roundTrip(re[i]);
            im[i] = encoding.roundTrip(im[i]);
        }
        long reals = (real ? 1L : 2L) * s.dimension();
        r.moveTo(to);
        receiver.accept(r, s);
        channel.sendBits(from, reals * encoding.bitsPerNumber(), label);
    }
}
