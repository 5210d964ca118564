package org.qdl.protocol.noise;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;
import org.qdl.protocol.CommunicationLedger;
import org.qdl.protocol.Link;
import org.qdl.protocol.Transfer;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.noise.Binomial;

/**
 * Heralded photon loss on the ledger. Each qubit of a register crossing a link of transmission η
 * arrives with probability η, independently; the receiver detects a missing qubit, the shot is
 * lost and the whole execution is retried from the encoding (a state cannot be copied).
 *
 * <p>For one execution with quantum hops h = 1…H of m_h qubits, an attempt gets through hop h with
 * a_h = η_h^{m_h}, so a delivered shot takes Geometric(P = Πa_h) attempts. S delivered shots
 * therefore need F ~ NegativeBinomial(S, P) failed attempts; a failure stops at hop h with
 * probability (Π_{h'<h} a_{h'})(1 − a_h)/(1 − P), and loses Binomial(m_h, 1 − η_h) qubits
 * conditioned on at least one. Failed attempts are recorded as the transcript up to the hop that
 * lost (those qubits were sent), labelled {@value #LOST_LABEL}, with the lost qubits on that link;
 * then the S delivered executions under their own labels.
 * Rounds count the failed attempts as if they all ran before the delivered ones.
 */
public final class HeraldedLoss {
    /** Ledger label of the messages of failed attempts (sent, but the shot was lost). */
    public static final String LOST_LABEL = "lost attempt";

    /** Most failed attempts one run may sample. */
    public static final double MAX_ATTEMPTS = 1e9;

    private HeraldedLoss() {}

    /** Records {@code times} delivered executions of {@code once}, and the lost attempts they took. */
    public static void record(CommunicationLedger ledger, List<Transfer> once, long times, ToDoubleFunction<Link> transmission,
            RandomGenerator rng) {
        List<Integer> hops = new ArrayList<>();
        List<Double> eta = new ArrayList<>();
        double success = 1;
        for (int i = 0; i < once.size(); i++) {
            Transfer t = once.get(i);
            if (!t.quantum()) continue;
            double e = transmission.applyAsDouble(t.link());
            if (e >= 1) continue;
            hops.add(i);
            eta.add(e);
            success *= Math.pow(e, t.qubits());
        }
        if (hops.isEmpty()) {
            ledger.add(once, times);
            return;
        }
        double expectedFailures = times * (1 / success - 1);
        if (!(expectedFailures <= MAX_ATTEMPTS)) {
            throw new InvalidInputException(String.format("link loss too high: a shot gets through with probability %.3g, so %d shots need "
                    + "about %.3g lost attempts (limit %.0e); shorten the link or lower the loss", success, times, expectedFailures, MAX_ATTEMPTS));
        }
        long failures = 0;
        double logFail = Math.log1p(-success);
        for (long s = 0; s < times; s++) failures += (long) Math.floor(Math.log(1 - rng.nextDouble()) / logFail);
        double[] stop = new double[hops.size()];
        double reach = 1;
        for (int h = 0; h < hops.size(); h++) {
            double a = Math.pow(eta.get(h), once.get(hops.get(h)).qubits());
            stop[h] = reach * (1 - a);
            reach *= a;
        }
        long[] perHop = Binomial.multinomial(failures, stop, rng);
        for (int h = 0; h < hops.size(); h++) {
            if (perHop[h] == 0) continue;
            Transfer t = once.get(hops.get(h));
            long lost = 0;
            for (long f = 0; f < perHop[h]; f++) lost += lostGivenSome((int) t.qubits(), 1 - eta.get(h), rng);
            List<Transfer> prefix = new ArrayList<>();
            for (Transfer p : once.subList(0, hops.get(h) + 1)) {
                prefix.add(new Transfer(p.link(), p.qubits(), p.classicalBits(), p.wireBytes(), LOST_LABEL));
            }
            ledger.add(prefix, perHop[h]);
            ledger.addLost(t.link(), LOST_LABEL, lost);
        }
        ledger.add(once, times);
    }

    /** K ~ Binomial(m, q) conditioned on K ≥ 1, by inversion. */
    static long lostGivenSome(int m, double q, RandomGenerator rng) {
        double norm = -Math.expm1(m * Math.log1p(-q)); // 1 − (1 − q)^m
        double u = rng.nextDouble() * norm, acc = 0;
        double pk = Math.pow(1 - q, m); // P(K = 0), updated to P(K = k)
        for (int k = 1; k <= m; k++) {
            pk *= (double) (m - k + 1) / k * q / (1 - q);
            acc += pk;
            if (u < acc) return k;
        }
        return m;
    }
}
