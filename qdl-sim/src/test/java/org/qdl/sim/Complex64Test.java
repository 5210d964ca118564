package org.qdl.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qdl.sim.fusion.FusedCircuit;
import org.qdl.sim.fusion.FusionOptions;

/**
 * complex64 states: fused circuits against the complex128 kernels (every gate kind, tiny blocks so
 * that gathers, scalar fallbacks and gates applied on their own all occur), SIMD against scalar
 * single-precision kernels, and the error's size: near float rounding, far above double rounding.
 */
class Complex64Test {
    @AfterEach
    void restore() {
        Simd.setEnabled(true);
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    /** max_i |a_i − b_i| between a complex64 and a complex128 state. */
    static double maxDiff(StateVector32 a, StateVector b) {
        double m = 0;
        for (int i = 0; i < a.dimension(); i++) {
            m = Math.max(m, Math.hypot(a.realArray()[i] - b.realArray()[i], a.imagArray()[i] - b.imagArray()[i]));
        }
        return m;
    }

    @Test
    void everyGateKindMatchesDoublePrecisionWithinFloatRounding() {
        SplittableRandom rnd = new SplittableRandom(61);
        for (int trial = 0; trial < 60; trial++) {
            int n = 3 + rnd.nextInt(8); // 3..10
            int bits = 2 + rnd.nextInt(Math.max(1, n - 2));
            FusionOptions o = new FusionOptions(Math.min(bits, 24), rnd.nextInt(Math.max(1, bits / 2)));
            Circuit c = FusionReferenceTest.randomCircuit(n, 40, rnd);
            StateVector ref = GateSamples.randomState(n, rnd);
            StateVector32 s = StateVector32.fromDouble(ref);
            c.apply(ref);
            FusedCircuit f = FusedCircuit.compile(c, o);
            f.apply(s);
            double d = maxDiff(s, ref);
            // 40 gates, each rounding to ~6e-8 relative: a few 1e-6 at most
            assertTrue(d < 5e-6, "trial " + trial + " n=" + n + " " + o + " " + f + ": max deviation " + d);
            assertEquals(1.0, s.normSquared(), 1e-5, "norm after " + f);
        }
    }

    @Test
    void gatesAppliedOnTheirOwnMatchDoublePrecision() {
        // blocks of 2 qubits: every 3-qubit gate and every wide Pauli rotation runs through Kernels32.apply
        SplittableRandom rnd = new SplittableRandom(62);
        int n = 7;
        Circuit c = new Circuit(n);
        c.add(MatrixGate.controlled("u3", GateSamples.unitary(8, rnd), new int[] {6}, 0, 3, 5));
        c.add(new PauliRotation(PauliString.parse("X0 Y2 Z3 X6"), 0.7));
        c.add(new PauliRotation(PauliString.parse("Z0 Z1 Z4 Z5 Z6"), -1.1));
        c.add(new DiagonalGate("d", new int[] {1, 2, 4}, new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8}));
        FusedCircuit f = FusedCircuit.compile(c, new FusionOptions(2, 0));
        assertTrue(f.unfusedCount() >= 2, f.toString());
        StateVector start = GateSamples.randomState(n, rnd), ref = start.copy();
        StateVector32 s = StateVector32.fromDouble(ref);
        c.apply(ref);
        f.apply(s);
        assertTrue(maxDiff(s, ref) < 1e-6, "max deviation " + maxDiff(s, ref));
        // every kind through Kernels32.apply directly: the inverses in reverse order give back the start
        for (int g = c.size() - 1; g >= 0; g--) Kernels32.apply(s, c.gates().get(g).inverse());
        assertTrue(maxDiff(s, start) < 1e-6, "undo: max deviation " + maxDiff(s, start));
    }

    @Test
    void simdAndScalarSinglePrecisionKernelsAgree() {
        SplittableRandom rnd = new SplittableRandom(63);
        for (int n : new int[] {5, 9, 12}) {
            Circuit c = FusionReferenceTest.randomCircuit(n, 120, rnd);
            StateVector32 start = StateVector32.fromDouble(GateSamples.randomState(n, rnd));
            FusedCircuit f = FusedCircuit.compile(c);
            StateVector32 vec = StateVector32.fromDouble(start.toDouble());
            f.apply(vec);
            Simd.setEnabled(false);
            StateVector32 sca = StateVector32.fromDouble(start.toDouble());
            f.apply(sca);
            Simd.setEnabled(true);
            double d = maxDiff(vec, sca.toDouble());
            assertTrue(d < 5e-6, "n=" + n + " " + f + ": SIMD vs scalar " + d);
        }
    }

    @Test
    void layeredCircuitErrorIsFloatSizedAndIndependentOfThreads() {
        SplittableRandom rnd = new SplittableRandom(64);
        int n = 16;
        Circuit c = RandomCircuits.layered(n, 20, rnd);
        FusedCircuit f = FusedCircuit.compile(c);
        StateVector ref = f.run();
        Parallel.setThreads(1);
        StateVector32 one = StateVector32.zero(n);
        f.apply(one);
        Parallel.setThreads(2);
        StateVector32 two = StateVector32.zero(n);
        f.apply(two);
        assertTrue(java.util.Arrays.equals(one.realArray(), two.realArray()) && java.util.Arrays.equals(one.imagArray(), two.imagArray()));
        double infidelity = 1 - two.toDouble().fidelity(ref);
        // single-precision rounding: well above double's ~1e-15, well below 1e-4
        assertTrue(infidelity < 1e-5 && infidelity > 1e-13, "infidelity " + infidelity);
        assertEquals(1.0, Math.abs(two.inner(ref).re()), 1e-5);
    }

    @Test
    void conversionsAndErrors() {
        SplittableRandom rnd = new SplittableRandom(65);
        StateVector s = GateSamples.randomState(6, rnd);
        StateVector back = StateVector32.fromDouble(s).toDouble();
        assertTrue(GateSamples.maxDiff(s, back) < 1e-7);
        assertEquals(1.0, StateVector32.fromDouble(s).normSquared(), 1e-6);
        StateVector32 b = StateVector32.basis(3, 5);
        assertEquals(1.0f, b.realArray()[5]);
        assertEquals(4L << 20, StateVector32.bytesFor(19));
        assertThrows(InvalidInputException.class, () -> StateVector32.zero(31));
        assertThrows(InvalidInputException.class, () -> StateVector32.basis(3, 8));
        FusedCircuit f = FusedCircuit.compile(new Circuit(4));
        assertThrows(InvalidInputException.class, () -> f.apply(StateVector32.zero(5)));
        assertThrows(InvalidInputException.class, () -> Kernels32.apply(StateVector32.zero(2), MatrixGate.of("h", Gates.H, 2)));
    }
}
