package org.qdl.sim.kernel;

import org.qdl.sim.DenseReference;
import org.qdl.sim.Parallel;
import org.qdl.sim.gate.Gate;
import org.qdl.sim.gate.GateSamples;
import org.qdl.sim.gate.Gates;
import org.qdl.sim.gate.MatrixGate;
import org.qdl.sim.state.ComplexMatrix;
import org.qdl.sim.state.StateVector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every specialised kernel path (low and high strides, real/RX-like/diagonal 1-qubit matrices, many
 * controls, 2- and 3-qubit dense, phase tables, Pauli rotations) against independent references, on
 * random states; at n = 16 the parallel paths run and must give the same bits on 1 and 2 threads.
 */
class SpecialisedKernelTest {
    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void smallRegistersMatchFullDenseMatrix() {
        SplittableRandom rnd = new SplittableRandom(21);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rnd.nextInt(9); // 1..9
            StateVector s = GateSamples.randomState(n, rnd);
            double[] vr = s.realArray().clone(), vi = s.imagArray().clone();
            Gate g = GateSamples.gate(n, rnd);
            g.apply(s);
            DenseReference.apply(DenseReference.embed(n, g.qubits(), g.matrix()), vr, vi);
            double d = GateSamples.maxDiff(s, vr, vi);
            assertTrue(d < 1e-12, "trial " + trial + " " + g + " on " + n + " qubits: max deviation " + d);
        }
    }

    @Test
    void everyOneQubitPathOnEveryQubit() {
        SplittableRandom rnd = new SplittableRandom(22);
        int n = 9;
        for (int q = 0; q < n; q++) {
            for (int kind = 0; kind < 12; kind++) {
                StateVector s = GateSamples.randomState(n, rnd);
                double[] vr = s.realArray().clone(), vi = s.imagArray().clone();
                int c = kind % 4; // 0..3 controls
                int[] all = GateSamples.distinct(n, c + 1, rnd);
                all[0] = q;
                for (int i = 1; i < all.length; i++) if (all[i] == q) all[i] = all[0] == 0 ? n - 1 : (q + 1) % n;
                if (new java.util.HashSet<>(java.util.Arrays.stream(all).boxed().toList()).size() != all.length) continue;
                Gate g = MatrixGate.controlled("u", GateSamples.oneQubit(rnd), java.util.Arrays.copyOfRange(all, 1, all.length), q);
                g.apply(s);
                GateSamples.naiveApply(g, vr, vi);
                double d = GateSamples.maxDiff(s, vr, vi);
                assertTrue(d < 1e-12, g + ": max deviation " + d);
            }
        }
    }

    @Test
    void parallelPathsAtSixteenQubitsMatchNaiveReferenceAndAreThreadCountIndependent() {
        SplittableRandom rnd = new SplittableRandom(23);
        int n = 16;
        for (int trial = 0; trial < 40; trial++) {
            StateVector start = GateSamples.randomState(n, rnd);
            Gate g = trial < 4 ? MatrixGate.of("u", GateSamples.unitary(2, rnd), new int[] {0, 1, 14, 15}[trial])
                    : GateSamples.gate(n, rnd);
            double[] vr = start.realArray().clone(), vi = start.imagArray().clone();
            GateSamples.naiveApply(g, vr, vi);
            Parallel.setThreads(1);
            StateVector one = start.copy();
            g.apply(one);
            Parallel.setThreads(2);
            StateVector two = start.copy();
            g.apply(two);
            double d = GateSamples.maxDiff(two, vr, vi);
            assertTrue(d < 1e-12, g + ": max deviation " + d);
            assertArrayEquals(one.realArray(), two.realArray(), g.toString());
            assertArrayEquals(one.imagArray(), two.imagArray(), g.toString());
        }
    }

    @Test
    void farPartnerPathGivesTheSameBitsAsThePlainPairLoop() {
        // pairsFar serves the top qubits of registers too large for a unit test (stride ≥ 2^24);
        // it must agree bit for bit with pairsRuns so that thread counts cannot change results.
        SplittableRandom rnd = new SplittableRandom(24);
        int stride = 5000; // more than one copy chunk, and not a multiple of it
        for (ComplexMatrix m : new ComplexMatrix[] {Gates.ry(0.7), Gates.rx(-1.1), GateSamples.unitary(2, rnd)}) {
            double[] re = new double[3 * stride], im = new double[3 * stride];
            for (int i = 0; i < re.length; i++) {
                re[i] = rnd.nextGaussian();
                im[i] = rnd.nextGaussian();
            }
            double[] re2 = re.clone(), im2 = im.clone();
            double[] u = Kernels.coefficients(m);
            BlockLoops.pairs(re, im, u, 100, stride, stride);
            BlockLoops.pairsFar(re2, im2, u, 100, stride, stride);
            assertArrayEquals(re, re2);
            assertArrayEquals(im, im2);
        }
    }
}
