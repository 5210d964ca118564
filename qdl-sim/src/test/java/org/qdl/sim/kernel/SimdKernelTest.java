package org.qdl.sim.kernel;

import org.qdl.sim.gate.Circuit;
import org.qdl.sim.gate.DiagonalGate;
import org.qdl.sim.gate.Gate;
import org.qdl.sim.gate.GateSamples;
import org.qdl.sim.gate.MatrixGate;
import org.qdl.sim.gate.RandomUnitaries;
import org.qdl.sim.state.ComplexMatrix;
import org.qdl.sim.state.StateVector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qdl.sim.fusion.FusedCircuit;
import org.qdl.sim.fusion.FusionOptions;

/**
 * The SIMD kernels against the scalar ones: 1-qubit gates, phases and 2-qubit gates with both
 * targets inside a vector bit for bit (the chains of multiply-adds are the same), other 2-qubit
 * gates and wider ones to rounding, at every target/control position,
 * including targets inside a vector (lane permutations) and controls inside a vector.
 */
class SimdKernelTest {
    private boolean saved;

    @BeforeEach
    void requireSimd() {
        // The build adds jdk.incubator.vector to the test JVM; without it there is nothing to compare.
        assumeTrue(Simd.available(), "jdk.incubator.vector not present: " + Simd.describe());
        saved = Simd.enabled();
    }

    @AfterEach
    void restore() {
        Simd.setEnabled(saved);
    }

    private static StateVector run(boolean simd, StateVector in, Gate g) {
        Simd.setEnabled(simd);
        StateVector s = in.copy();
        g.apply(s);
        return s;
    }

    private static void assertBitsEqual(StateVector a, StateVector b, String what) {
        for (int i = 0; i < a.dimension(); i++) {
            // == rather than bit patterns: a multiply by an exact zero may give −0 on one path and +0 on the other
            if (a.realArray()[i] != b.realArray()[i] || a.imagArray()[i] != b.imagArray()[i]) {
                throw new AssertionError(what + ": amplitude " + i + " differs: " + a.amplitude(i) + " vs " + b.amplitude(i));
            }
        }
    }

    private static void assertClose(StateVector a, StateVector b, double tol, String what) {
        for (int i = 0; i < a.dimension(); i++) {
            assertEquals(a.realArray()[i], b.realArray()[i], tol, what + " re " + i);
            assertEquals(a.imagArray()[i], b.imagArray()[i], tol, what + " im " + i);
        }
    }

    @Test
    void everyTargetAndControlPlacementMatchesScalar() {
        SplittableRandom rnd = new SplittableRandom(11);
        int lanesBits = Integer.numberOfTrailingZeros(VectorKernels.LANES);
        int cases = 0;
        for (int n = lanesBits; n <= lanesBits + 4; n++) {
            StateVector in = GateSamples.randomState(n, rnd);
            for (int k = 1; k <= Math.min(3, n); k++) {
                for (int trial = 0; trial < 30; trial++) {
                    int c = n > k ? rnd.nextInt(Math.min(3, n - k) + 1) : 0;
                    int[] all = GateSamples.distinctQubits(n, k + c, rnd);
                    int[] t = Arrays.copyOfRange(all, 0, k), ctl = Arrays.copyOfRange(all, k, k + c);
                    // Real and RX-like matrices too: both paths have special cases for them.
                    ComplexMatrix u = switch (trial % 3) {
                        case 0 -> RandomUnitaries.haarOrthogonal(1 << k, rnd);
                        case 1 -> k == 1 ? rxLike(rnd.nextDouble(-4, 4)) : RandomUnitaries.haar(1 << k, rnd);
                        default -> RandomUnitaries.haar(1 << k, rnd);
                    };
                    Gate g = c == 0 ? MatrixGate.of("u", u, t) : MatrixGate.controlled("cu", u, ctl, t);
                    StateVector scalar = run(false, in, g), simd = run(true, in, g);
                    String what = "n=" + n + " targets " + Arrays.toString(t) + " controls " + Arrays.toString(ctl);
                    long inside = Arrays.stream(t).filter(q -> q < lanesBits).count();
                    boolean reordered = k == 2 && inside < 2; // two and twoMixed sum in two chains per part
                    if (k <= 2 && !reordered) assertBitsEqual(scalar, simd, what);
                    else assertClose(scalar, simd, 1e-14, what);
                    assertEquals(1.0, simd.norm(), 1e-12, what);
                    cases++;
                }
            }
        }
        assertTrue(cases > 300);
    }

    @Test
    void farTargetPairsThroughTheChunkBufferGiveTheSameBits() {
        // Both targets ≥ 2^13 apart and one ≥ farStride: the four columns go through a buffer.
        SplittableRandom rnd = new SplittableRandom(15);
        int n = 16, saved = VectorKernels.farStride;
        StateVector in = GateSamples.randomState(n, rnd);
        try {
            for (int[] t : new int[][] {{13, 14}, {15, 13}, {14, 15}, {12, 15}}) {
                Gate g = MatrixGate.of("u2", RandomUnitaries.haar(4, rnd), t);
                VectorKernels.farStride = 8;
                assertEquals(t[0] >= VectorKernels.FAR_QUAD_BITS && t[1] >= VectorKernels.FAR_QUAD_BITS,
                        VectorKernels.farQuads(1 << n, t, 0), Arrays.toString(t));
                StateVector far = run(true, in, g);
                VectorKernels.farStride = Integer.MAX_VALUE;
                assertFalse(VectorKernels.farQuads(1 << n, t, 0));
                StateVector near = run(true, in, g);
                assertBitsEqual(near, far, "targets " + Arrays.toString(t));
                assertClose(run(false, in, g), far, 1e-14, "scalar, targets " + Arrays.toString(t));
            }
        } finally {
            VectorKernels.farStride = saved;
        }
    }

    /** RX(θ): real diagonal, imaginary off-diagonal (the kernels' special form; Complex64Test uses it too). */
    static ComplexMatrix rxLike(double theta) {
        double c = Math.cos(theta / 2), sn = Math.sin(theta / 2);
        return ComplexMatrix.of(2, new double[] {c, 0, 0, c}, new double[] {0, -sn, -sn, 0});
    }

    @Test
    void diagonalGatesMatchScalarBitForBit() {
        SplittableRandom rnd = new SplittableRandom(12);
        for (int n = 3; n <= 9; n++) {
            StateVector in = GateSamples.randomState(n, rnd);
            for (int trial = 0; trial < 20; trial++) {
                int k = 1 + rnd.nextInt(Math.min(4, n));
                double[] ph = new double[1 << k];
                for (int m = 0; m < ph.length; m++) ph[m] = rnd.nextDouble(-Math.PI, Math.PI);
                Gate g = new DiagonalGate("d", GateSamples.distinctQubits(n, k, rnd), ph);
                assertBitsEqual(run(false, in, g), run(true, in, g), "diagonal n=" + n + " " + g);
            }
        }
    }

    @Test
    void fusedCircuitsMatchScalar() {
        SplittableRandom rnd = new SplittableRandom(13);
        for (int n : new int[] {4, 7, 10, 12}) {
            Circuit c = GateSamples.randomCircuit(n, 120, rnd);
            StateVector in = GateSamples.randomState(n, rnd);
            for (FusionOptions o : new FusionOptions[] {new FusionOptions(Math.min(n, 3), 1), new FusionOptions(Math.min(n, 6), 2)}) {
                FusedCircuit f = FusedCircuit.compile(c, o);
                Simd.setEnabled(false);
                StateVector a = in.copy();
                f.apply(a);
                Simd.setEnabled(true);
                StateVector b = in.copy();
                f.apply(b);
                assertClose(a, b, 1e-12, "fused n=" + n + " " + o);
            }
        }
    }

    @Test
    void farPartnersThroughTheBufferGiveTheSameBits() {
        // The buffered path normally starts at partners 2^24 apart; lowered here to reach it at n = 14.
        SplittableRandom rnd = new SplittableRandom(14);
        int n = 14, saved = VectorKernels.farStride;
        StateVector in = GateSamples.randomState(n, rnd);
        try {
            for (int q = 3; q < n; q++) {
                for (ComplexMatrix u : new ComplexMatrix[] {RandomUnitaries.haar(2, rnd), RandomUnitaries.haarOrthogonal(2, rnd), rxLike(1.3)}) {
                    Gate g = MatrixGate.of("u", u, q);
                    VectorKernels.farStride = Integer.MAX_VALUE;
                    StateVector near = run(true, in, g);
                    VectorKernels.farStride = 8;
                    StateVector far = run(true, in, g);
                    assertBitsEqual(near, far, "q=" + q);
                    assertBitsEqual(run(false, in, g), far, "scalar q=" + q);
                }
                // 2-qubit gates with one target inside a vector take the same buffered path
                int lanesBits = Integer.numberOfTrailingZeros(VectorKernels.LANES);
                Gate g2 = MatrixGate.of("u2", RandomUnitaries.haar(4, rnd), q % lanesBits, q);
                VectorKernels.farStride = Integer.MAX_VALUE;
                StateVector near = run(true, in, g2);
                VectorKernels.farStride = 8;
                StateVector far = run(true, in, g2);
                assertBitsEqual(near, far, "2q q=" + q);
                assertClose(run(false, in, g2), far, 1e-14, "2q scalar q=" + q);
            }
        } finally {
            VectorKernels.farStride = saved;
        }
    }

    @Test
    void switchingOffRunsTheScalarKernels() {
        boolean was = Simd.setEnabled(false);
        assertEquals(1, Simd.lanes());
        assertTrue(Simd.describe().startsWith("scalar"));
        Simd.setEnabled(was);
    }
}
