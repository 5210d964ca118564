package org.qdl.claims.privacy;

import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.qdl.sim.gate.Gates;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.gate.MatrixGate;
import org.qdl.sim.measurement.Measurement;
import org.qdl.sim.state.StateVector;

/**
 * The receiver's attack on S copies of |x̂⟩ for real x: it splits the copies over n + 1 settings
 * (n = qubits). Setting 0 measures the computational basis: p̂_i ≈ x̂_i², so |x̂_i| ≈ √p̂_i.
 * Setting q applies H to qubit q first: for j with bit q clear and j' = j + 2^q, the outcomes j, j'
 * have probabilities (x̂_j ± x̂_j')²/2, so (p̂_j − p̂_j')/2 ≈ x̂_j x̂_j' gives the relative sign along
 * every hypercube edge. Signs propagate from the largest amplitude along a maximum-|x̂_j x̂_j'|
 * spanning tree (the best-determined edges). The global sign is unobservable (x and −x give the
 * same state), so errors are measured up to it.
 *
 * <p>Since Σ√p̂_i² = 1 the estimate is a unit vector; with correct signs its squared error is
 * Σ_i Var(√p̂_i) ≈ (N − 1)/(4 m₀) for m₀ computational-basis copies (delta method): the RMS error
 * falls as 1/√S.
 */
public final class AmplitudeReconstruction {
    private AmplitudeReconstruction() {}

    /** Copies given to setting 0 (computational basis); the rest split evenly over the n H-settings. */
    public static int[] allocation(int copies, int qubits) {
        if (copies < qubits + 1) throw new InvalidInputException("the attack needs at least " + (qubits + 1) + " copies (one per setting), got " + copies);
        int[] a = new int[qubits + 1];
        for (int s = 0; s <= qubits; s++) a[s] = copies / (qubits + 1) + (s < copies % (qubits + 1) ? 1 : 0);
        return a;
    }

    /** Estimates x̂ from {@code copies} copies of the state (which is left untouched). */
    public static double[] estimate(StateVector state, int copies, long seed) {
        int n = state.numQubits(), dim = state.dimension();
        int[] alloc = allocation(copies, n);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] mag = new double[dim];
        for (int o : Measurement.sample(state, alloc[0], rng).outcomes()) mag[o] += 1.0 / alloc[0];
        for (int i = 0; i < dim; i++) mag[i] = Math.sqrt(mag[i]);
        // Edge (j, j ⊕ 2^q) product estimates.
        double[][] prod = new double[n][dim];
        for (int q = 0; q < n; q++) {
            StateVector s = state.copy();
            MatrixGate.of("h", Gates.H, q).apply(s);
            double[] p = new double[dim];
            for (int o : Measurement.sample(s, alloc[q + 1], rng).outcomes()) p[o] += 1.0 / alloc[q + 1];
            for (int j = 0; j < dim; j++) {
                if ((j >>> q & 1) == 0) prod[q][j] = (p[j] - p[j | 1 << q]) / 2;
            }
        }
        return withSigns(mag, prod, n);
    }

    /** Prim's algorithm on the hypercube with weights |x̂_j x̂_j'|, signs multiplied along tree edges. */
    static double[] withSigns(double[] mag, double[][] prod, int n) {
        int dim = mag.length;
        int root = 0;
        for (int i = 1; i < dim; i++) if (mag[i] > mag[root]) root = i;
        int[] sign = new int[dim];
        boolean[] in = new boolean[dim];
        sign[root] = 1;
        in[root] = true;
        // queue entries: {weight, from, to}
        PriorityQueue<double[]> edges = new PriorityQueue<>((a, b) -> Double.compare(b[0], a[0]));
        pushEdges(root, prod, n, in, edges);
        int added = 1;
        while (added < dim && !edges.isEmpty()) {
            double[] e = edges.poll();
            int to = (int) e[2];
            if (in[to]) continue;
            int from = (int) e[1];
            double pr = productOf(from, to, prod);
            sign[to] = sign[from] * (pr < 0 ? -1 : 1);
            in[to] = true;
            added++;
            pushEdges(to, prod, n, in, edges);
        }
        double[] x = new double[dim];
        for (int i = 0; i < dim; i++) x[i] = sign[i] * mag[i];
        return x;
    }

    private static void pushEdges(int j, double[][] prod, int n, boolean[] in, PriorityQueue<double[]> edges) {
        for (int q = 0; q < n; q++) {
            int k = j ^ (1 << q);
            if (!in[k]) edges.add(new double[] {Math.abs(productOf(j, k, prod)), j, k});
        }
    }

    private static double productOf(int a, int b, double[][] prod) {
        int q = Integer.numberOfTrailingZeros(a ^ b);
        return prod[q][Math.min(a, b)];
    }

    /** min(‖a − b‖, ‖a + b‖): the distance up to the unobservable global sign. */
    public static double errorUpToSign(double[] estimate, double[] truth) {
        if (estimate.length < truth.length) throw new InvalidInputException("estimate has " + estimate.length + " entries, truth " + truth.length);
        double dm = 0, dp = 0;
        for (int i = 0; i < estimate.length; i++) {
            double t = i < truth.length ? truth[i] : 0;
            dm += (estimate[i] - t) * (estimate[i] - t);
            dp += (estimate[i] + t) * (estimate[i] + t);
        }
        return Math.sqrt(Math.min(dm, dp));
    }

    /** x/‖x‖. */
    public static double[] unit(double[] x) {
        double s = 0;
        for (double v : x) s += v * v;
        double n = Math.sqrt(s);
        if (!(n > 0)) throw new InvalidInputException("x must be non-zero");
        return Arrays.stream(x).map(v -> v / n).toArray();
    }
}
