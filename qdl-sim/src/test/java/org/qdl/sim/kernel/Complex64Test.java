package org.qdl.sim.kernel;

import org.qdl.sim.Bits;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.Parallel;
import org.qdl.sim.gate.Circuit;
import org.qdl.sim.gate.DiagonalGate;
import org.qdl.sim.gate.GateSamples;
import org.qdl.sim.gate.Gates;
import org.qdl.sim.gate.MatrixGate;
import org.qdl.sim.gate.PauliRotation;
import org.qdl.sim.gate.RandomCircuits;
import org.qdl.sim.gate.RandomUnitaries;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.state.ComplexMatrix;
import org.qdl.sim.state.StateVector32;
import org.qdl.sim.state.StateVector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
 * complex64 states: fused circuits against the complex128 kernels (every gate kind, tiny blocks so
 * that gathers, scalar fallbacks and gates applied on their own all occur), SIMD against scalar
 * single-precision kernels, and the error's size: near float rounding, far above double rounding.
 */
class Complex64Test {
    private boolean saved;

    @BeforeEach
    void save() {
        saved = Simd.enabled();
    }

    @AfterEach
    void restore() {
        Simd.setEnabled(saved);
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
            Circuit c = GateSamples.randomCircuit(n, 40, rnd);
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
        assumeTrue(Simd.available(), "jdk.incubator.vector not present: " + Simd.describe());
        SplittableRandom rnd = new SplittableRandom(63);
        for (int n : new int[] {8, 10, 12}) { // blocks of at least 2^6 amplitudes: the SIMD path runs
            Circuit c = GateSamples.randomCircuit(n, 120, rnd);
            StateVector32 start = StateVector32.fromDouble(GateSamples.randomState(n, rnd));
            FusedCircuit f = FusedCircuit.compile(c);
            Simd.setEnabled(true);
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

    @Test
    void everyPlacementOnABlockMatchesTheScalarAndDoubleKernels() {
        // one block of 2^n amplitudes: targets and controls inside and outside a 16-float vector
        assumeTrue(Simd.available(), "jdk.incubator.vector not present: " + Simd.describe());
        Simd.setEnabled(true);
        SplittableRandom rnd = new SplittableRandom(66);
        int cases = 0, simdCases = 0;
        for (int n = 4; n <= 7; n++) {
            StateVector in = GateSamples.randomState(n, rnd);
            for (int k = 1; k <= 3; k++) {
                for (int trial = 0; trial < 24; trial++) {
                    int c = rnd.nextInt(Math.min(2, n - k) + 1);
                    int[] all = GateSamples.distinctQubits(n, k + c, rnd);
                    int[] t = Arrays.copyOfRange(all, 0, k), ctl = Arrays.copyOfRange(all, k, k + c);
                    ComplexMatrix u = switch (trial % 3) {
                        case 0 -> RandomUnitaries.haarOrthogonal(1 << k, rnd);
                        case 1 -> k == 1 ? SimdKernelTest.rxLike(rnd.nextDouble(-4, 4)) : RandomUnitaries.haar(1 << k, rnd);
                        default -> RandomUnitaries.haar(1 << k, rnd);
                    };
                    StateVector ref = in.copy();
                    MatrixGate.controlled("u", u, ctl, t).apply(ref);
                    int cmask = Bits.mask(ctl), from = 1 << n; // the block sits at an offset inside a larger array
                    float[] vr = new float[3 << n], vi = new float[3 << n], sr = new float[3 << n], si = new float[3 << n];
                    for (int i = 0; i < in.dimension(); i++) {
                        vr[from + i] = sr[from + i] = (float) in.realArray()[i];
                        vi[from + i] = si[from + i] = (float) in.imagArray()[i];
                    }
                    boolean simd = Simd.blockKernel(t, cmask, u.realPart(), u.imagPart()).apply(vr, vi, from, 1 << n);
                    float[] mr = Kernels32.toFloat(u.realPart()), mi = Kernels32.toFloat(u.imagPart());
                    float[] u1 = k == 1 ? Kernels32.toFloat(Kernels.coefficients(u)) : null;
                    if (!simd) BlockLoops32.denseBlock(vr, vi, t, Bits.offsets(t), cmask, mr, mi, u1, from, 1 << n);
                    BlockLoops32.denseBlock(sr, si, t, Bits.offsets(t), cmask, mr, mi, u1, from, 1 << n);
                    String what = "n=" + n + " targets " + Arrays.toString(t) + " controls " + Arrays.toString(ctl) + " simd " + simd;
                    for (int i = 0; i < 3 << n; i++) {
                        boolean inBlock = i >= from && i < 2 * from;
                        double er = inBlock ? ref.realArray()[i - from] : 0, ei = inBlock ? ref.imagArray()[i - from] : 0;
                        assertEquals(er, vr[i], 2e-6, what + " SIMD re " + i);
                        assertEquals(ei, vi[i], 2e-6, what + " SIMD im " + i);
                        assertEquals(er, sr[i], 2e-6, what + " scalar re " + i);
                        assertEquals(ei, si[i], 2e-6, what + " scalar im " + i);
                    }
                    cases++;
                    if (simd) simdCases++;
                }
            }
        }
        assertTrue(cases == 288 && simdCases >= 200, cases + " cases, " + simdCases + " on the SIMD path");
    }

    @Test
    void phaseTablesOnFloatsMatchDoubleAtAnyAlignment() {
        SplittableRandom rnd = new SplittableRandom(67);
        int n = 9;
        for (int trial = 0; trial < 60; trial++) {
            int k = 1 + rnd.nextInt(5);
            int[] q = GateSamples.distinctQubits(n, k, rnd);
            double[] pr = new double[1 << k], pi = new double[1 << k];
            for (int m = 0; m < pr.length; m++) {
                double a = rnd.nextDouble(-Math.PI, Math.PI);
                pr[m] = Math.cos(a);
                pi[m] = Math.sin(a);
            }
            PhaseTable t = new PhaseTable(q, pr, pi);
            StateVector in = GateSamples.randomState(n, rnd);
            int from = trial % 2 == 0 ? 0 : rnd.nextInt(1 << n), to = from + rnd.nextInt((1 << n) - from + 1);
            double[] dr = in.realArray().clone(), di = in.imagArray().clone();
            t.apply(dr, di, from, to);
            StateVector32 f = StateVector32.fromDouble(in);
            t.apply(f.realArray(), f.imagArray(), from, to);
            for (int i = 0; i < 1 << n; i++) {
                assertEquals(dr[i], f.realArray()[i], 1e-6, "qubits " + Arrays.toString(q) + " [" + from + ", " + to + ") re " + i);
                assertEquals(di[i], f.imagArray()[i], 1e-6, "qubits " + Arrays.toString(q) + " [" + from + ", " + to + ") im " + i);
            }
        }
    }

    @Test
    void diagonalRunsMergeUpToTenQubitsAndWideDiagonalsRunOnTheirOwn() {
        int n = 14;
        Circuit ten = new Circuit(n), twelve = new Circuit(n);
        for (int q = 0; q < 10; q += 2) ten.cz(q, q + 1);
        for (int q = 0; q < 12; q += 2) twelve.cz(q, q + 1);
        assertEquals(1, FusedCircuit.compile(ten).blockOpCount()); // 5 CZs on 10 qubits: one op
        assertEquals(2, FusedCircuit.compile(twelve).blockOpCount()); // a 6th would make 12: a second op
        // a 13-qubit diagonal is not tabulated per block: it runs on its own through Kernels32
        SplittableRandom rnd = new SplittableRandom(68);
        double[] ph = new double[1 << 13];
        for (int m = 0; m < ph.length; m++) ph[m] = rnd.nextDouble(-Math.PI, Math.PI);
        Circuit wide = new Circuit(n).h(0).add(new DiagonalGate("d13", GateSamples.distinctQubits(n, 13, rnd), ph)).h(3);
        FusedCircuit f = FusedCircuit.compile(wide);
        assertEquals(1, f.unfusedCount(), f.toString());
        StateVector ref = GateSamples.randomState(n, rnd);
        StateVector32 s = StateVector32.fromDouble(ref);
        wide.apply(ref);
        f.apply(s);
        assertTrue(maxDiff(s, ref) < 1e-6, "max deviation " + maxDiff(s, ref));
    }
}
