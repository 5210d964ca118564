package org.qdl.claims.linear;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.qdl.protocol.Network;
import org.qdl.protocol.NumberEncoding;
import org.qdl.sim.InvalidInputException;

/**
 * Both inner-product protocols measured against N and ε: the ledger's cost of one run and the error
 * over {@code trials} runs (fresh vectors, fresh shared seeds, fresh measurement seeds).
 */
public final class LinearCostStudy {
    /** Settings; the sketch numbers travel with {@code encoding}. */
    public record Settings(long[] dimensions, double[] epsilons, double delta, int trials, NumberEncoding encoding, long seed) {
        public Settings {
            if (trials < 1) throw new InvalidInputException("need at least one trial, got " + trials);
            for (long n : dimensions) if (n < 2 || n > (1 << 22)) throw new InvalidInputException("dimension N must be in 2..2^22, got " + n);
            for (double e : epsilons) SketchBound.check(e, delta);
        }
    }

    /**
     * One (N, ε) point: classical sketch length and bits; quantum copies, qubits and classical bits;
     * the empirical error quantile 1 − δ and the failure fraction (error > ε) for each.
     */
    public record Row(long n, double epsilon, int sketchNumbers, long sketchBits, double sketchErrorQuantile, double sketchFailures,
                      int copies, long quantumQubits, long quantumBits, double quantumErrorQuantile, double quantumFailures,
                      int visQubitsPerCopy, double visClassicalScaling) {}

    private LinearCostStudy() {}

    public static List<Row> run(Settings s, IntConsumer progress) {
        SplittableRandom rng = new SplittableRandom(s.seed());
        List<Row> rows = new ArrayList<>();
        int done = 0;
        for (long n : s.dimensions()) {
            for (double eps : s.epsilons()) {
                int k = SketchBound.sketchLength(eps, s.delta());
                int copies = SketchBound.quantumCopies(eps, s.delta());
                double[] eC = new double[s.trials()], eQ = new double[s.trials()];
                long sketchBits = 0, qubits = 0, qBits = 0;
                for (int t = 0; t < s.trials(); t++) {
                    double[][] xw = correlatedPair((int) n, rng);
                    Network net = new Network();
                    net.addLocalParty("alice");
                    net.addLocalParty("bob");
                    InnerProductResult c = ClassicalSketchProtocol.run(net, "alice", "bob", xw[0], xw[1], k, s.encoding(), rng.nextLong());
                    InnerProductResult q = QuantumInnerProductProtocol.runFresh(xw[0], xw[1], copies, rng.nextLong());
                    eC[t] = c.normalizedError();
                    eQ[t] = q.normalizedError();
                    sketchBits = c.classicalBits();
                    qubits = q.qubits();
                    qBits = q.classicalBits();
                }
                rows.add(new Row(n, eps, k, sketchBits, quantile(eC, 1 - s.delta()), failures(eC, eps), copies, qubits, qBits,
                        quantile(eQ, 1 - s.delta()), failures(eQ, eps),
                        VectorInSubspaceReference.quantumQubitsPerCopy(n), VectorInSubspaceReference.classicalLowerBoundScaling(n)));
                progress.accept(++done);
            }
        }
        return rows;
    }

    /** x Gaussian, w = x + Gaussian noise: ⟨ŵ, x̂⟩ ≈ 0.7, far from the trivial value 0. */
    public static double[][] correlatedPair(int n, SplittableRandom rng) {
        double[] x = new double[n], w = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextGaussian();
            w[i] = x[i] + rng.nextGaussian();
        }
        return new double[][] {x, w};
    }

    static double quantile(double[] v, double q) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        int i = (int) Math.ceil(q * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }

    static double failures(double[] v, double eps) {
        int f = 0;
        for (double e : v) if (e > eps) f++;
        return (double) f / v.length;
    }
}
