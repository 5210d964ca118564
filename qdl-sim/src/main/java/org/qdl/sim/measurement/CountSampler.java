package org.qdl.sim.measurement;

import org.qdl.sim.InvalidInputException;
import org.qdl.sim.Memory;
import org.qdl.sim.Parallel;
import org.qdl.sim.state.StateVector;

import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Multinomial counts of full-register outcomes without one array entry per shot: the shots are
 * split over fixed chunks of the distribution, then over the amplitudes of each chunk, by
 * conditional binomials. Memory is one double per chunk plus one entry per outcome seen; time is
 * at most one pass over the state, whatever the number of shots (up to 2^63 − 1). The same
 * generator state gives the same counts for any thread count (the chunks are fixed).
 */
public final class CountSampler {
    private CountSampler() {}

    /** Counts per basis index (bit q = qubit q) of {@code shots} draws from |ψ|² (ψ need not be normalised). */
    public static Map<Integer, Long> counts(StateVector s, long shots, RandomGenerator rng) {
        if (shots < 0) throw new InvalidInputException("number of shots must be non-negative, got " + shots);
        final double[] re = s.realArray(), im = s.imagArray();
        int n = s.dimension();
        int chunk = Parallel.REDUCE_CHUNK;
        double[] mass = Measurement.chunkMasses(s);
        int chunks = mass.length;
        double total = 0;
        for (double m : mass) total += m;
        if (!(total > 0)) throw new InvalidInputException("cannot sample from a state of norm 0");
        int lastChunk = chunks - 1;
        while (mass[lastChunk] == 0) lastChunk--; // it takes what rounding leaves, so no shot lands where there is no weight
        Map<Integer, Long> out = new TreeMap<>();
        long left = shots;
        double restMass = total;
        for (int c = 0; c <= lastChunk && left > 0; c++) {
            long k = c == lastChunk ? left : binomial(left, mass[c] / restMass, rng);
            left -= k;
            restMass -= mass[c];
            if (k == 0) continue;
            double chunkLeft = mass[c];
            int last = Math.min(n, (c + 1) * chunk) - 1;
            while (last > c * chunk && re[last] == 0 && im[last] == 0) last--; // shots left over by rounding go to an outcome with weight
            for (int i = c * chunk; i <= last && k > 0; i++) {
                double w = re[i] * re[i] + im[i] * im[i];
                long ki = i == last ? k : binomial(k, w / chunkLeft, rng);
                chunkLeft -= w;
                k -= ki;
                if (ki > 0) out.put(i, ki);
            }
        }
        return out;
    }

    /** One Binomial(n, p) draw, exact up to rounding: inversion for small means, beta splitting (Devroye) otherwise. */
    public static long binomial(long n, double p, RandomGenerator rng) {
        if (n <= 0 || !(p > 0)) return 0;
        if (p >= 1) return n;
        if (p > 0.5) return n - binomial(n, 1 - p, rng);
        long base = 0;
        // The a-th smallest of n uniforms is Beta(a, n + 1 − a); the count below p follows from which side it falls.
        while (n * p >= 32) {
            long a = 1 + n / 2;
            double x = beta(a, n + 1 - a, rng);
            if (x >= p) {
                n = a - 1;
                p = p / x;
            } else {
                base += a;
                n = n - a;
                p = (p - x) / (1 - x);
            }
            if (p > 0.5) return base + n - binomial(n, 1 - p, rng);
        }
        return base + inversion(n, p, rng);
    }

    private static long inversion(long n, double p, RandomGenerator rng) {
        double q = 1 - p, ratio = p / q, pmf = Math.exp(n * Math.log1p(-p)), u = rng.nextDouble();
        long x = 0;
        while (u > pmf && x < n) {
            u -= pmf;
            x++;
            pmf *= ratio * (n - x + 1) / x;
            if (pmf == 0) break; // the tail beyond rounding: stop at the last reachable count
        }
        return x;
    }

    private static double beta(double a, double b, RandomGenerator rng) {
        double x = gamma(a, rng), y = gamma(b, rng);
        return x / (x + y);
    }

    /** Gamma(shape ≥ 1, 1) by Marsaglia and Tsang's squeeze method. */
    private static double gamma(double shape, RandomGenerator rng) {
        double d = shape - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = rng.nextGaussian(), v = 1 + c * z;
            if (v <= 0) continue;
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * z * z * z * z || Math.log(u) < 0.5 * z * z + d * (1 - v + Math.log(v))) return d * v;
        }
    }
}
