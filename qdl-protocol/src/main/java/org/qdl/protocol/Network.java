package org.qdl.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.qdl.protocol.noise.HeraldedLoss;
import org.qdl.protocol.noise.LinkNoise;
import org.qdl.sim.noise.Channel;
import org.qdl.sim.noise.Trajectory;
import org.qdl.sim.noise.TrajectoryRunner;

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
    private final Map<Link, LinkNoise> linkNoise = new LinkedHashMap<>(); // by undirected link
    private final Map<String, LinkNoise> memoryNoise = new LinkedHashMap<>(); // by party
    private Trajectory trajectory; // non-null while one group of noisy shots runs
    private SplittableRandom noiseRng = new SplittableRandom(0x5EED); // jumps and losses outside shots()
    private volatile int lastTrajectories = 1; // jump patterns simulated by the last shots() call

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
        else if (t.quantum() && transmission(t.link()) < 1) HeraldedLoss.record(activeLedger(), List.of(t), 1, this::transmission, noiseRng);
        else activeLedger().record(t);
    }

    // ---- Noise and loss (org.qdl.protocol.noise). A network without any is the noiseless one, bit for bit.

    /** Sets what the quantum link between two parties does to each crossing qubit (both directions). */
    public synchronized void setLinkNoise(String a, String b, LinkNoise noise) {
        checkPair(a, b);
        Link u = new Link(a, b).undirected();
        if (noise == null || noise.perfect()) linkNoise.remove(u);
        else linkNoise.put(u, noise);
    }

    public synchronized LinkNoise linkNoise(String a, String b) {
        return linkNoise.getOrDefault(new Link(a, b).undirected(), LinkNoise.NONE);
    }

    /**
     * Sets a party's memory noise: channels applied to a register's qubits when the party sends it
     * on (the time it held and processed it, e.g. {@code thermal:t=…,T1=…,T2=…}). Loss is not allowed here.
     */
    public synchronized void setMemoryNoise(String party, LinkNoise noise) {
        party(party);
        if (noise != null && noise.lossy()) throw new org.qdl.sim.InvalidInputException("memory noise of " + party + " cannot include loss: " + noise);
        if (noise == null || noise.perfect()) memoryNoise.remove(party);
        else memoryNoise.put(party, noise);
    }

    public synchronized LinkNoise memoryNoise(String party) {
        return memoryNoise.getOrDefault(party, LinkNoise.NONE);
    }

    /** Seeds the jumps and losses of messages sent outside {@link #shots} (single-shot protocols). */
    public synchronized void setNoiseSeed(long seed) {
        noiseRng = new SplittableRandom(seed);
    }

    /** True if any link or memory applies a channel, or any link loses qubits. */
    public synchronized boolean noisy() {
        return !linkNoise.isEmpty() || !memoryNoise.isEmpty();
    }

    private synchronized boolean hasNoiseChannels() {
        if (!memoryNoise.isEmpty()) return true;
        for (LinkNoise n : linkNoise.values()) if (!n.terms().isEmpty()) return true;
        return false;
    }

    private synchronized boolean lossy() {
        for (LinkNoise n : linkNoise.values()) if (n.lossy()) return true;
        return false;
    }

    /** Per-qubit transmission of a directed link. */
    public synchronized double transmission(Link directed) {
        return linkNoise.getOrDefault(directed.undirected(), LinkNoise.NONE).transmission();
    }

    /** Channel hook of {@link QuantumChannel}: the sender's memory noise, before the register leaves. */
    void beforeSend(Party sender, Register r) {
        LinkNoise m;
        synchronized (this) {
            if (offRecord > 0) return;
            m = memoryNoise.get(sender.name());
        }
        if (m != null) applyNoise(sender, r, m);
    }

    /** Channel hook of {@link QuantumChannel}: the link's channels, on arrival. */
    void afterDelivery(Party receiver, Register r, Link link) {
        LinkNoise n;
        synchronized (this) {
            if (offRecord > 0) return;
            n = linkNoise.get(link.undirected());
        }
        if (n != null && !n.terms().isEmpty()) applyNoise(receiver, r, n);
    }

    private void applyNoise(Party holder, Register r, LinkNoise n) {
        Trajectory t;
        synchronized (this) {
            t = trajectory != null ? trajectory : oneShot(noiseRng);
        }
        for (Channel c : n.channels()) holder.applyChannel(r, c, t);
    }

    private static Trajectory oneShot(SplittableRandom rng) {
        return probabilities -> {
            double u = rng.nextDouble(), acc = 0;
            for (int k = 0; k < probabilities.length; k++) {
                acc += probabilities[k];
                if (u < acc) return k;
            }
            return probabilities.length - 1;
        };
    }

    /** Distinct jump patterns (full simulations) the last {@link #shots} call ran: 1 without noise channels. */
    public int lastTrajectories() {
        return lastTrajectories;
    }

    /** One group of shots of an execution: run it for {@code shots.getAsInt()} shots with this seed. */
    @FunctionalInterface
    public interface ShotExecution {
        double[] run(IntSupplier shots, long seed);
    }

    /**
     * {@code times} shots of an execution that ends in a measurement, the outcomes returned in shot
     * order. Without noise channels this is {@link #repeated}: one simulation, all shots sampled
     * from its final state (exact for a pure state), the same numbers as ever. With noise every shot
     * follows its own trajectory: {@link TrajectoryRunner} groups the shots by jump pattern,
     * simulates each pattern once and the execution samples that group's shots; the outcomes are
     * shuffled (seeded) so that their order is exchangeable as for independent shots. The ledger
     * records the execution {@code times} times, plus the attempts lost on lossy links.
     */
    public double[] shots(long times, long seed, ShotExecution execution) {
        lastTrajectories = 1;
        if (!hasNoiseChannels()) return repeated(times, () -> execution.run(() -> Math.toIntExact(times), seed));
        synchronized (this) {
            if (transcript != null || trajectory != null) throw new ProtocolException("noisy shots cannot run inside another repeated execution");
        }
        List<List<Transfer>> first = new ArrayList<>(1);
        List<TrajectoryRunner.Group<double[]>> groups = TrajectoryRunner.run(times, seed ^ 0x6A09E667F3BCC909L, run -> {
            synchronized (this) {
                transcript = new ArrayList<>();
                trajectory = run.trajectory();
            }
            try {
                long groupSeed = run.index() == 0 ? seed : new SplittableRandom(seed + run.index() * 0x9E3779B97F4A7C15L).nextLong();
                double[] out = execution.run(() -> Math.toIntExact(run.shots()), groupSeed);
                synchronized (this) {
                    if (run.index() == 0) first.add(transcript);
                }
                return out;
            } finally {
                synchronized (this) {
                    transcript = null;
                    trajectory = null;
                }
            }
        });
        lastTrajectories = groups.size();
        List<Transfer> once = first.get(0);
        if (lossy()) HeraldedLoss.record(activeLedger(), once, times, this::transmission, new SplittableRandom(seed ^ 0x3C6EF372FE94F82BL));
        else activeLedger().add(once, times);
        double[] all = new double[Math.toIntExact(times)];
        int at = 0;
        for (TrajectoryRunner.Group<double[]> g : groups) {
            System.arraycopy(g.result(), 0, all, at, g.result().length);
            at += g.result().length;
        }
        if (at != all.length) throw new IllegalStateException("the execution returned " + at + " outcomes for " + times + " shots");
        if (groups.size() > 1) {
            SplittableRandom rng = new SplittableRandom(seed ^ 0xBB67AE8584CAA73BL);
            for (int i = all.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                double v = all[i];
                all[i] = all[j];
                all[j] = v;
            }
        }
        return all;
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
            if (times > 1 && trajectory == null && hasNoiseChannels()) {
                throw new ProtocolException("this protocol samples all its shots from one simulated execution, which is wrong on noisy links; "
                        + "it has no noisy-shot support yet (Network.shots): remove the link and memory noise");
            }
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
            } else if (lossy()) {
                HeraldedLoss.record(activeLedger(), once, times, this::transmission, noiseRng);
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
        org.qdl.sim.state.StateVector s = sender.release(r);
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
