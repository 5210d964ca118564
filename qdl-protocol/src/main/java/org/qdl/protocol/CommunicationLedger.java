package org.qdl.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts everything that crosses a link: per link and direction, messages, qubits and classical
 * bits, and per undirected link the rounds (maximal runs of messages in one direction).
 *
 * <p>Protocols that repeat an identical execution S times (one per shot, since a state cannot be
 * copied) record one execution's transcript and add it with multiplicity S: totals scale by S and
 * rounds are what S back-to-back executions would give.
 */
public final class CommunicationLedger {
    private final Map<Link, LinkStats> perDirection = new LinkedHashMap<>();
    private final Map<Link, Long> rounds = new LinkedHashMap<>();
    /** Direction of the last message on each undirected link, to count alternations. */
    private final Map<Link, Link> lastDirection = new LinkedHashMap<>();
    private final Map<String, LinkStats> perLabel = new LinkedHashMap<>();
    private long executions;

    /** Records one message. */
    public synchronized void record(Transfer t) {
        add(List.of(t), 1);
    }

    /**
     * Adds {@code times} back-to-back repetitions of the transcript (a list of messages in order).
     */
    public synchronized void add(List<Transfer> transcript, long times) {
        if (times < 0) throw new IllegalArgumentException("negative repetition count " + times);
        if (times == 0 || transcript.isEmpty()) return;
        // Per undirected link: rounds inside one execution, and first/last directions.
        Map<Link, long[]> roundsOnce = new LinkedHashMap<>();
        Map<Link, Link> first = new LinkedHashMap<>(), last = new LinkedHashMap<>();
        for (Transfer t : transcript) {
            Link u = t.link().undirected();
            Link prev = last.get(u);
            roundsOnce.computeIfAbsent(u, k -> new long[1]);
            if (prev == null || !prev.equals(t.link())) roundsOnce.get(u)[0]++;
            first.putIfAbsent(u, t.link());
            last.put(u, t.link());
            LinkStats one = new LinkStats(1, t.qubits(), t.classicalBits(), t.wireBytes());
            perDirection.merge(t.link(), one.times(times), LinkStats::plus);
            perLabel.merge(t.label(), one.times(times), LinkStats::plus);
        }
        for (Map.Entry<Link, long[]> e : roundsOnce.entrySet()) {
            Link u = e.getKey();
            long r = e.getValue()[0];
            // Consecutive executions merge a round when one ends in the direction the next starts.
            boolean merges = last.get(u).equals(first.get(u)) && r >= 1;
            long total = r * times - (merges ? times - 1 : 0);
            Link before = lastDirection.get(u);
            if (before != null && before.equals(first.get(u))) total--; // continues the previous run
            rounds.merge(u, total, Long::sum);
            lastDirection.put(u, last.get(u));
        }
        executions += times;
    }

    /**
     * Records that {@code lost} of the qubits already sent on a link never arrived (heralded loss):
     * they stay counted as sent, and count as lost.
     */
    public synchronized void addLost(Link directed, String label, long lost) {
        if (lost < 0) throw new IllegalArgumentException("negative lost qubit count " + lost);
        if (lost == 0) return;
        LinkStats l = new LinkStats(0, 0, 0, 0, lost);
        perDirection.merge(directed, l, LinkStats::plus);
        perLabel.merge(label, l, LinkStats::plus);
    }

    /** Adds another ledger's totals (rounds summed, as if it ran after this one on fresh links). */
    public synchronized void addAll(CommunicationLedger other) {
        synchronized (other) {
            other.perDirection.forEach((k, v) -> perDirection.merge(k, v, LinkStats::plus));
            other.perLabel.forEach((k, v) -> perLabel.merge(k, v, LinkStats::plus));
            other.rounds.forEach((k, v) -> rounds.merge(k, v, Long::sum));
            other.lastDirection.forEach(lastDirection::put);
            executions += other.executions;
        }
    }

    public synchronized LinkStats stats(Link directed) {
        return perDirection.getOrDefault(directed, LinkStats.ZERO);
    }

    public synchronized long rounds(String a, String b) {
        return rounds.getOrDefault(new Link(a, b).undirected(), 0L);
    }

    /** Totals per protocol step label (e.g. "state", "norm", "result"). */
    public synchronized Map<String, LinkStats> byLabel() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(perLabel));
    }

    public synchronized Map<Link, LinkStats> byLink() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(perDirection));
    }

    public synchronized LinkStats total() {
        LinkStats s = LinkStats.ZERO;
        for (LinkStats v : perDirection.values()) s = s.plus(v);
        return s;
    }

    public long totalQubits() {
        return total().qubits();
    }

    /** Qubits sent that never arrived (heralded loss). */
    public long totalLostQubits() {
        return total().lostQubits();
    }

    public long totalDeliveredQubits() {
        return total().deliveredQubits();
    }

    public long totalClassicalBits() {
        return total().classicalBits();
    }

    public synchronized long totalRounds() {
        long r = 0;
        for (long v : rounds.values()) r += v;
        return r;
    }

    /** Number of protocol executions recorded (Σ repetitions). */
    public synchronized long executions() {
        return executions;
    }

    /** Directed links in first-use order. */
    public synchronized List<Link> links() {
        return new ArrayList<>(perDirection.keySet());
    }

    @Override
    public synchronized String toString() {
        StringBuilder sb = new StringBuilder();
        perDirection.forEach((l, s) -> sb.append(String.format("%s: %d messages, %d qubits, %d bits%n",
                l, s.messages(), s.qubits(), s.classicalBits())));
        return sb.toString();
    }
}
