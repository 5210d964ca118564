package org.qdl.sim.measurement;

import org.qdl.sim.gate.GateSamples;
import org.qdl.sim.DenseReference;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.Parallel;
import org.qdl.sim.gate.Circuit;
import org.qdl.sim.gate.Gates;
import org.qdl.sim.observable.DiagonalObservable;
import org.qdl.sim.observable.HermitianObservable;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.observable.PauliSum;
import org.qdl.sim.state.Complex;
import org.qdl.sim.state.ComplexMatrix;
import org.qdl.sim.state.StateVector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Sampling, collapse, expectation values, probabilities, inner products. */
class MeasurementTest {
    @Test
    void shotCountsWithinBinomialConfidenceOfExactProbabilities() {
        SplittableRandom rnd = new SplittableRandom(1);
        StateVector s = GateSamples.randomState(4, rnd);
        int shots = 40_000;
        int[] counts = new int[16];
        for (int o : Measurement.sample(s, shots, new SplittableRandom(99)).outcomes()) counts[o]++;
        double[] p = s.probabilities();
        for (int i = 0; i < 16; i++) {
            double sd = Math.sqrt(shots * p[i] * (1 - p[i]));
            assertTrue(Math.abs(counts[i] - shots * p[i]) <= 5 * sd + 1, "outcome " + i + ": " + counts[i] + " vs " + shots * p[i] + " ± " + sd);
        }
    }

    /** The 95% Wald interval from 1000 shots covers the exact probability in about 95% of 300 seeds. */
    @Test
    void confidenceIntervalCoverageOverSeeds() {
        StateVector s = new Circuit(3).ry(0, 2 * Math.asin(Math.sqrt(0.3))).h(1).cx(1, 2).run(); // P(q0 = 1) = 0.3
        double p = Measurement.marginal(s, 0)[1];
        assertEquals(0.3, p, 1e-14);
        int covered = 0, runs = 300, shots = 1000;
        for (int seed = 0; seed < runs; seed++) {
            int ones = 0;
            for (int o : Measurement.sample(s, shots, new SplittableRandom(seed)).outcomes()) ones += o & 1;
            double est = ones / (double) shots, half = 1.96 * Math.sqrt(est * (1 - est) / shots);
            if (Math.abs(est - p) <= half) covered++;
        }
        // binomial(300, 0.95): mean 285, sd 3.8; [270, 298] is about ±4 sd
        assertTrue(covered >= 270 && covered <= 298, "coverage " + covered + "/" + runs);
    }

    @Test
    void samplingNeverReturnsImpossibleOutcomes() {
        StateVector s = new Circuit(6).h(0).cx(0, 5).x(3).run(); // support {8, 41}
        for (int o : Measurement.sample(s, 5000, new SplittableRandom(3)).outcomes()) assertTrue(o == 8 || o == 41, "outcome " + o);
    }

    @Test
    void samplingAndCollapseAreReproducibleAcrossThreadCounts() {
        int before = Parallel.threads();
        try {
            long[] h1 = runAll(1), h2 = runAll(2);
            assertArrayEquals(h1, h2);
        } finally {
            Parallel.setThreads(before);
        }
    }

    /** Samples and measures an 18-qubit state (large enough for the parallel paths), hashing what comes out. */
    private static long[] runAll(int threads) {
        Parallel.setThreads(threads);
        int n = 18;
        Circuit c = new Circuit(n);
        SplittableRandom rnd = new SplittableRandom(8);
        for (int layer = 0; layer < 3; layer++) {
            for (int q = 0; q < n; q++) c.u3(q, rnd.nextDouble(3), rnd.nextDouble(3), rnd.nextDouble(3));
            for (int q = layer % 2; q + 1 < n; q += 2) c.cz(q, q + 1);
        }
        StateVector s = c.run();
        int[] shots = Measurement.sample(s, 20_000, new SplittableRandom(42)).outcomes();
        long h = java.util.Arrays.hashCode(shots);
        SplittableRandom m = new SplittableRandom(43);
        int o1 = Measurement.measure(s, m, 3, 11, 17);
        int o2 = Measurement.measure(s, m, 0);
        long amp = Double.doubleToLongBits(s.realArray()[12345]) ^ Double.doubleToLongBits(s.imagArray()[777]);
        return new long[] {h, o1, o2, amp, Double.doubleToLongBits(PauliString.parse("X1 Z4 Y9").expectation(s))};
    }

    @Test
    void measuringSubsetCollapsesGhz() {
        for (int seed = 0; seed < 20; seed++) {
            StateVector s = new Circuit(4).h(0).cx(0, 1).cx(1, 2).cx(2, 3).run();
            int o = Measurement.measure(s, new SplittableRandom(seed), 1, 3);
            assertTrue(o == 0 || o == 3, "GHZ subset outcome " + o);
            assertEquals(1.0, s.probability(o == 0 ? 0 : 15), 1e-14);
            assertEquals(1.0, s.normSquared(), 1e-14);
        }
    }

    @Test
    void collapseEqualsNormalisedProjection() {
        SplittableRandom rnd = new SplittableRandom(4);
        int n = 6;
        int[] qubits = {4, 1};
        StateVector s = GateSamples.randomState(n, rnd);
        StateVector before = s.copy();
        double[] marg = Measurement.marginal(s, qubits);
        double[] brute = new double[4];
        for (int i = 0; i < 1 << n; i++) brute[(i >> 4 & 1) | (i >> 1 & 1) << 1] += before.probability(i);
        assertArrayEquals(brute, marg, 1e-14);
        int o = Measurement.measure(s, new SplittableRandom(5), qubits);
        for (int i = 0; i < 1 << n; i++) {
            boolean keep = ((i >> 4 & 1) | (i >> 1 & 1) << 1) == o;
            double f = keep ? 1 / Math.sqrt(brute[o]) : 0;
            assertEquals(before.realArray()[i] * f, s.realArray()[i], 1e-14);
            assertEquals(before.imagArray()[i] * f, s.imagArray()[i], 1e-14);
        }
    }

    private static double denseExpectation(StateVector s, int[] qubits, ComplexMatrix local) {
        double[] vr = s.realArray().clone(), vi = s.imagArray().clone();
        DenseReference.apply(DenseReference.embed(s.numQubits(), qubits, local), vr, vi);
        double e = 0;
        for (int i = 0; i < vr.length; i++) e += s.realArray()[i] * vr[i] + s.imagArray()[i] * vi[i];
        return e;
    }

    @Test
    void expectationValuesMatchDenseReference() {
        SplittableRandom rnd = new SplittableRandom(6);
        int n = 7;
        StateVector s = GateSamples.randomState(n, rnd);
        // weighted Pauli sum
        PauliSum h = PauliSum.parse("0.5 Z0 Z1 - 0.25 X2 Y6 + 1.5 Y3 + 2e-1 X0 X1 X2 X3 X4 X5 X6");
        double ref = 0.5 * denseExpectation(s, new int[] {0, 1}, Gates.Z.kron(Gates.Z))
                - 0.25 * denseExpectation(s, new int[] {2, 6}, Gates.Y.kron(Gates.X))
                + 1.5 * denseExpectation(s, new int[] {3}, Gates.Y)
                + 0.2 * denseExpectation(s, new int[] {0, 1, 2, 3, 4, 5, 6},
                        Gates.X.kron(Gates.X).kron(Gates.X).kron(Gates.X).kron(Gates.X).kron(Gates.X).kron(Gates.X));
        assertEquals(ref, h.expectation(s), 1e-12);
        // diagonal observable
        int[] dq = {5, 2, 0};
        double[] vals = new double[8];
        for (int m = 0; m < 8; m++) vals[m] = rnd.nextDouble(-3, 3);
        assertEquals(denseExpectation(s, dq, ComplexMatrix.diagonal(vals, new double[8])), new DiagonalObservable(dq, vals).expectation(s), 1e-12);
        // Hermitian matrix on a qubit subset: A + A†
        ComplexMatrix a = GateSamples.randomUnitary(4, rnd);
        ComplexMatrix herm = a.plus(a.dagger());
        int[] hq = {6, 3};
        assertEquals(denseExpectation(s, hq, herm), new HermitianObservable(hq, herm).expectation(s), 1e-12);
        assertThrows(InvalidInputException.class, () -> new HermitianObservable(hq, a));
        assertThrows(InvalidInputException.class, () -> PauliString.parse("Z9").expectation(s));
    }

    @Test
    void probabilitiesInnerProductsAndFidelity() {
        SplittableRandom rnd = new SplittableRandom(7);
        StateVector s = GateSamples.randomState(5, rnd), t = GateSamples.randomState(5, rnd);
        double[] p = s.probabilities();
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += p[i];
            assertEquals(s.amplitude(i).abs2(), p[i], 1e-16);
        }
        assertEquals(1.0, sum, 1e-14);
        Complex ip = Complex.ZERO;
        for (int i = 0; i < 32; i++) ip = ip.plus(s.amplitude(i).conj().times(t.amplitude(i)));
        assertEquals(ip.re(), s.inner(t).re(), 1e-14);
        assertEquals(ip.im(), s.inner(t).im(), 1e-14);
        assertEquals(ip.abs2(), s.fidelity(t), 1e-14);
        StateVector zero = StateVector.zero(1), plus = new Circuit(1).h(0).run();
        assertEquals(1 / Math.sqrt(2), zero.inner(plus).re(), 1e-15);
        assertEquals(0.5, zero.fidelity(plus), 1e-15);
        StateVector phased = plus.copy();
        new Circuit(1).unitary("phase", ComplexMatrix.identity(2).scale(Complex.polar(1, 0.9)), 0).apply(phased);
        assertEquals(1.0, plus.fidelity(phased), 1e-15, "fidelity ignores global phase");
    }
}
