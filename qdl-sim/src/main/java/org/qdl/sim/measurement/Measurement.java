package org.qdl.sim.measurement;

import org.qdl.sim.Bits;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.Memory;
import org.qdl.sim.Parallel;
import org.qdl.sim.state.StateVector;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Sampling and projective measurement in the computational basis. Every sampler draws its uniforms
 * from the caller's generator in a fixed order and walks fixed chunks of the distribution, so the
 * same seed gives the same shots whatever the thread count.
 */
public final class Measurement {
    private Measurement() {}

    /** Shots drawn from a state: each outcome is a basis index (bit q = qubit q), in draw order. */
    public record Shots(int numQubits, int[] outcomes) {
        /** Counts per outcome, ordered by basis index. */
        public Map<Integer, Integer> counts() {
            Map<Integer, Integer> c = new TreeMap<>();
            for (int o : outcomes) c.merge(o, 1, Integer::sum);
            return c;
        }

        /** The outcome as a bitstring, qubit n−1 first (OpenQASM/Qiskit display order). */
        public static String bitstring(int outcome, int numQubits) {
            StringBuilder sb = new StringBuilder(numQubits);
            for (int q = numQubits - 1; q >= 0; q--) sb.append((outcome >>> q & 1) == 0 ? '0' : '1');
            return sb.toString();
        }
    }

    /** Σ|ψ_i|² over each block of {@link Parallel#REDUCE_CHUNK} amplitudes, in parallel (the same sums for any thread count). */
    static double[] chunkMasses(StateVector s) {
        final double[] re = s.realArray(), im = s.imagArray();
        int n = s.dimension();
        int chunk = Parallel.REDUCE_CHUNK;
        double[] mass = new double[(n + chunk - 1) / chunk];
        Parallel.forRange(mass.length, (a, b) -> {
            for (int c = a; c < b; c++) {
                double m = 0;
                for (int i = c * chunk, e = Math.min(n, (c + 1) * chunk); i < e; i++) m += re[i] * re[i] + im[i] * im[i];
                mass[c] = m;
            }
        });
        return mass;
    }

    /** Draws {@code shots} full-register samples from |ψ|² (ψ need not be normalised). */
    public static Shots sample(StateVector s, int shots, RandomGenerator rng) {
        if (shots < 0) throw new InvalidInputException("number of shots must be non-negative, got " + shots);
        Memory.require(shots + " shots drawn one by one (24 bytes each)", 24L * shots);
        final double[] re = s.realArray(), im = s.imagArray();
        int n = s.dimension();
        int chunk = Parallel.REDUCE_CHUNK;
        double[] mass = chunkMasses(s);
        int chunks = mass.length;
        double[] cum = new double[chunks + 1];
        for (int c = 0; c < chunks; c++) cum[c + 1] = cum[c] + mass[c];
        double total = cum[chunks];
        if (!(total > 0)) throw new InvalidInputException("cannot sample from a state of norm 0");

        double[] u = new double[shots];
        for (int k = 0; k < shots; k++) u[k] = rng.nextDouble() * total;
        // Resolve the targets in ascending order (one forward walk), then hand each draw its outcome.
        // Primitive arrays only: equal targets get equal outcomes, so a binary search finds the right one.
        double[] sorted = u.clone();
        Arrays.sort(sorted);
        int[] sortedOut = new int[shots];
        int c = 0, i = 0;
        double acc = 0;
        boolean inChunk = false;
        for (int rank = 0; rank < shots; rank++) {
            double target = sorted[rank];
            if (!inChunk || target >= cum[c + 1]) {
                // jump to the chunk holding the target (chunks are independent of thread count)
                while (c < chunks - 1 && target >= cum[c + 1]) c++;
                i = c * chunk;
                acc = cum[c];
                inChunk = true;
            }
            int end = Math.min(n, (c + 1) * chunk);
            while (i < end - 1 && acc + re[i] * re[i] + im[i] * im[i] <= target) {
                acc += re[i] * re[i] + im[i] * im[i];
                i++;
            }
            sortedOut[rank] = nonZeroNear(re, im, i, c * chunk, end);
        }
        int[] out = new int[shots];
        for (int k = 0; k < shots; k++) out[k] = sortedOut[Arrays.binarySearch(sorted, u[k])];
        return new Shots(s.numQubits(), out);
    }

    /**
     * Index i itself unless its amplitude is exactly zero, which can only happen when rounding puts a
     * target at the very end of a chunk: then the nearest earlier (else later) index with weight, so
     * an impossible outcome is never reported. Leaves the scan position untouched.
     */
    private static int nonZeroNear(double[] re, double[] im, int i, int from, int end) {
        if (re[i] != 0 || im[i] != 0) return i;
        for (int j = i - 1; j >= from; j--) if (re[j] != 0 || im[j] != 0) return j;
        for (int j = i + 1; j < end; j++) if (re[j] != 0 || im[j] != 0) return j;
        return i;
    }

    /** Probabilities of the 2^k outcomes of measuring {@code qubits} (qubits[0] is bit 0 of the outcome). */
    public static double[] marginal(StateVector s, int... qubits) {
        s.checkQubits("measurement", qubits);
        if (qubits.length > 24) throw new InvalidInputException("marginal over " + qubits.length + " qubits is too large; at most 24");
        final double[] re = s.realArray(), im = s.imagArray();
        int d = 1 << qubits.length;
        int n = s.dimension();
        int chunk = Parallel.REDUCE_CHUNK;
        int chunks = (n + chunk - 1) / chunk;
        if ((long) chunks * d > (1 << 24)) { // too many partial tables: plain sequential pass
            double[] p = new double[d];
            for (int i = 0; i < n; i++) p[Bits.extract(i, qubits)] += re[i] * re[i] + im[i] * im[i];
            return p;
        }
        double[][] partial = new double[chunks][];
        Parallel.forRange(chunks, (a, b) -> {
            for (int c = a; c < b; c++) {
                double[] p = new double[d];
                for (int i = c * chunk, e = Math.min(n, (c + 1) * chunk); i < e; i++) {
                    p[Bits.extract(i, qubits)] += re[i] * re[i] + im[i] * im[i];
                }
                partial[c] = p;
            }
        });
        double[] p = new double[d];
        for (double[] part : partial) for (int m = 0; m < d; m++) p[m] += part[m];
        return p;
    }

    /**
     * Measures {@code qubits} projectively: samples an outcome from the marginal, collapses the state
     * onto it and renormalises. Returns the outcome (qubits[0] is bit 0).
     */
    public static int measure(StateVector s, RandomGenerator rng, int... qubits) {
        double[] p = marginal(s, qubits);
        double total = 0;
        for (double v : p) total += v;
        if (!(total > 0)) throw new InvalidInputException("cannot measure a state of norm 0");
        double u = rng.nextDouble() * total, acc = 0;
        int outcome = p.length - 1;
        for (int m = 0; m < p.length; m++) {
            acc += p[m];
            if (u < acc && p[m] > 0) {
                outcome = m;
                break;
            }
        }
        while (p[outcome] == 0) outcome--; // guard against rounding at the top end
        collapse(s, qubits, outcome, p[outcome]);
        return outcome;
    }

    /** Projects onto outcome m of {@code qubits} and divides by √prob. */
    public static void collapse(StateVector s, int[] qubits, int outcome, double prob) {
        final double[] re = s.realArray(), im = s.imagArray();
        final double f = 1 / Math.sqrt(prob);
        Parallel.forRange(s.dimension(), (a, b) -> {
            for (int i = a; i < b; i++) {
                if (Bits.extract(i, qubits) == outcome) {
                    re[i] *= f;
                    im[i] *= f;
                } else {
                    re[i] = 0;
                    im[i] = 0;
                }
            }
        });
    }
}
