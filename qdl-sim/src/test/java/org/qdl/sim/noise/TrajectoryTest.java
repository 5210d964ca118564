package org.qdl.sim.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qdl.sim.gate.Circuit;
import org.qdl.sim.measurement.Measurement;
import org.qdl.sim.Parallel;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.gate.RandomCircuits;
import org.qdl.sim.state.StateVector;

/** Quantum trajectories with grouped shots against the density matrix. */
class TrajectoryTest {
    private static final int N = 4;
    private static final PauliString OBS = PauliString.parse("Z0 Z1");

    /** Three hops of noise (depolarising, then amplitude damping, then global depolarising) between random layers. */
    private static final Circuit[] LAYERS;
    private static final Channel[] HOPS = {PauliChannel.depolarizing(0.15), KrausChannel.amplitudeDamping(0.3), new GlobalDepolarizing(0.2)};
    private static final StateVector PSI;

    static {
        SplittableRandom rnd = new SplittableRandom(21);
        LAYERS = new Circuit[] {RandomCircuits.layered(N, 2, rnd), RandomCircuits.layered(N, 2, rnd), RandomCircuits.layered(N, 2, rnd)};
        PSI = DensityMatrixTest.randomState(N, rnd);
    }

    private static double exact() {
        DensityMatrix rho = DensityMatrix.pure(PSI);
        for (int h = 0; h < 3; h++) {
            rho.apply(HOPS[h], 0, 1, 2, 3);
            Circuit c = LAYERS[h];
            rho.applyUnitary(v -> DensityMatrixTest.gates(c, v));
        }
        return rho.expectation(OBS);
    }

    /** Per-shot ±1 outcomes of Z0 Z1, one group per jump pattern. */
    private static double[] shots(long s, long seed) {
        List<TrajectoryRunner.Group<double[]>> groups = TrajectoryRunner.run(s, seed, run -> {
            StateVector psi = PSI.copy();
            for (int h = 0; h < 3; h++) {
                Trajectories.apply(HOPS[h], psi, new int[] {0, 1, 2, 3}, run.trajectory());
                LAYERS[h].apply(psi);
            }
            int m = (int) run.shots();
            int[] out = Measurement.sample(psi, m, new SplittableRandom(seed * 31 + run.index())).outcomes();
            double[] v = new double[m];
            for (int k = 0; k < m; k++) v[k] = (Integer.bitCount(out[k] & 3) & 1) == 0 ? 1 : -1;
            return v;
        });
        double[] all = new double[(int) s];
        int at = 0;
        for (var g : groups) {
            assertEquals(g.shots(), g.result().length);
            System.arraycopy(g.result(), 0, all, at, g.result().length);
            at += g.result().length;
        }
        assertEquals(s, at, "groups hold every shot once");
        return all;
    }

    /** ≥ 90 of 100 seeded 95% intervals (mean ± 1.96·s/√S, 2000 shots each) contain the exact noisy value. */
    @Test
    void intervalsCoverTheDensityMatrixValue() {
        double exact = exact();
        int covered = 0, seeds = 100, s = 2000;
        for (int seed = 0; seed < seeds; seed++) {
            double[] v = shots(s, 1000 + seed);
            double mean = 0, sq = 0;
            for (double x : v) mean += x;
            mean /= s;
            for (double x : v) sq += (x - mean) * (x - mean);
            double half = 1.96 * Math.sqrt(sq / (s - 1) / s);
            if (Math.abs(mean - exact) <= half) covered++;
        }
        assertTrue(covered >= 90, covered + " of " + seeds + " intervals cover " + exact);
    }

    /** The noiseless value is outside reach: the test above would fail if the noise were ignored. */
    @Test
    void noiseMovesTheValueFarBeyondTheInterval() {
        StateVector ideal = PSI.copy();
        for (Circuit c : LAYERS) c.apply(ideal);
        assertTrue(Math.abs(OBS.expectation(ideal) - exact()) > 0.05, OBS.expectation(ideal) + " vs " + exact());
    }

    @Test
    void seededAndThreadCountIndependent() {
        // n = 16 so the kernels really split over threads.
        int n = 16;
        StateVector psi = DensityMatrixTest.randomState(n, new SplittableRandom(2));
        int[] qubits = new int[n];
        for (int q = 0; q < n; q++) qubits[q] = q;
        java.util.function.Supplier<double[]> run = () -> {
            List<TrajectoryRunner.Group<Double>> g = TrajectoryRunner.run(500, 9, r -> {
                StateVector s = psi.copy();
                Trajectories.apply(KrausChannel.amplitudeDamping(0.02), s, qubits, r.trajectory());
                Trajectories.apply(PauliChannel.depolarizing(0.01), s, qubits, r.trajectory());
                return PauliString.parse("X3 Z7").expectation(s);
            });
            double[] out = new double[2 * g.size()];
            for (int i = 0; i < g.size(); i++) {
                out[2 * i] = g.get(i).result();
                out[2 * i + 1] = g.get(i).shots();
            }
            return out;
        };
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            double[] one = run.get();
            Parallel.setThreads(4);
            double[] four = run.get();
            assertArrayEquals(one, four);
            assertTrue(one.length > 2, "some shots jumped");
        } finally {
            Parallel.setThreads(before);
        }
    }

    /** Without noise locations every shot is one group: the noiseless run, simulated once. */
    @Test
    void noiselessIsOneGroup() {
        var g = TrajectoryRunner.run(12345, 1, r -> r.shots());
        assertEquals(1, g.size());
        assertEquals(12345L, g.get(0).shots());
    }

    /** Single-qubit Pauli jumps: the group sizes are multinomial with the channel's probabilities. */
    @Test
    void groupSizesFollowTheChannel() {
        PauliChannel c = new PauliChannel("test", 0.1, 0.2, 0.3);
        long s = 200_000;
        var groups = TrajectoryRunner.run(s, 4, r -> {
            StateVector psi = StateVector.zero(1);
            Trajectories.apply(c, psi, new int[] {0}, r.trajectory());
            return 0;
        });
        double[] probs = c.probabilities();
        assertEquals(4, groups.size());
        for (var g : groups) {
            double p = probs[g.pattern()[0]];
            double sd = Math.sqrt(s * p * (1 - p));
            assertTrue(Math.abs(g.shots() - s * p) < 5 * sd, g.shots() + " vs " + s * p);
        }
    }

    @Test
    void binomialMeanAndVariance() {
        SplittableRandom rng = new SplittableRandom(8);
        for (double[] np : new double[][] {{50, 0.02}, {1000, 0.3}, {20, 0.9}, {1_000_000, 0.001}}) {
            long n = (long) np[0];
            double p = np[1];
            int draws = 4000;
            double sum = 0, sq = 0;
            for (int i = 0; i < draws; i++) {
                long k = Binomial.sample(n, p, rng);
                assertTrue(k >= 0 && k <= n);
                sum += k;
                sq += (double) k * k;
            }
            double mean = sum / draws, var = sq / draws - mean * mean, v = n * p * (1 - p);
            assertEquals(n * p, mean, 5 * Math.sqrt(v / draws), "mean at n=" + n + ", p=" + p);
            assertEquals(v, var, 0.15 * v, "variance at n=" + n + ", p=" + p);
        }
    }
}
