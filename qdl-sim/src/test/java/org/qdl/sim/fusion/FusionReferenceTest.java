package org.qdl.sim.fusion;

import org.qdl.sim.DenseReference;
import org.qdl.sim.Parallel;
import org.qdl.sim.gate.Circuit;
import org.qdl.sim.gate.DiagonalGate;
import org.qdl.sim.gate.Gate;
import org.qdl.sim.gate.GateSamples;
import org.qdl.sim.gate.MatrixGate;
import org.qdl.sim.gate.RandomCircuits;
import org.qdl.sim.state.StateVector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qdl.sim.fusion.FusedCircuit;
import org.qdl.sim.fusion.FusionOptions;

/**
 * The cache-blocked path (org.qdl.sim.fusion) against the dense reference on small registers with
 * tiny blocks (so gathers, outside controls and outside diagonal bits all occur), against the
 * unfused kernels at n = 14–16 with the default blocks, and across thread counts.
 */
class FusionReferenceTest {
    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    static Circuit layered(int n, int depth, SplittableRandom rnd) {
        return RandomCircuits.layered(n, depth, rnd);
    }

    @Test
    void smallBlocksMatchDenseReference() {
        SplittableRandom rnd = new SplittableRandom(31);
        for (int trial = 0; trial < 60; trial++) {
            int n = 3 + rnd.nextInt(6); // 3..8
            int bits = 2 + rnd.nextInt(Math.max(1, n - 2));
            FusionOptions o = new FusionOptions(Math.min(bits, 24), rnd.nextInt(Math.max(1, bits / 2)));
            Circuit c = GateSamples.randomCircuit(n, 30, rnd);
            StateVector s = GateSamples.randomState(n, rnd);
            double[] vr = s.realArray().clone(), vi = s.imagArray().clone();
            for (Gate g : c.gates()) DenseReference.apply(DenseReference.embed(n, g.qubits(), g.matrix()), vr, vi);
            FusedCircuit f = FusedCircuit.compile(c, o);
            f.apply(s);
            double d = GateSamples.maxDiff(s, vr, vi);
            assertTrue(d < 1e-11, "trial " + trial + " n=" + n + " " + o + " " + f + ": max deviation " + d);
        }
    }

    @Test
    void layeredCircuitOnTenQubitsMatchesDenseReference() {
        SplittableRandom rnd = new SplittableRandom(32);
        int n = 10;
        Circuit c = layered(n, 6, rnd);
        double[] vr = new double[1 << n], vi = new double[1 << n];
        vr[0] = 1;
        for (Gate g : c.gates()) GateSamples.naiveApply(g, vr, vi);
        FusedCircuit f = FusedCircuit.compile(c, new FusionOptions(6, 2));
        assertTrue(f.passCount() > 1 && f.passCount() < c.size(), f.toString());
        StateVector s = f.run();
        assertTrue(GateSamples.maxDiff(s, vr, vi) < 1e-12, f.toString());
    }

    @Test
    void fusedEqualsUnfusedAtFourteenToSixteenQubits() {
        SplittableRandom rnd = new SplittableRandom(33);
        for (int n = 14; n <= 16; n++) {
            for (Circuit c : new Circuit[] {layered(n, 8, rnd), GateSamples.randomCircuit(n, 150, rnd)}) {
                StateVector plain = GateSamples.randomState(n, rnd);
                StateVector fused = plain.copy();
                c.apply(plain);
                FusedCircuit f = FusedCircuit.compile(c);
                f.apply(fused);
                double d = GateSamples.maxDiff(plain, fused);
                assertTrue(d < 1e-12, "n=" + n + " " + f + ": max deviation " + d);
                assertEquals(1.0, fused.normSquared(), 1e-12);
            }
        }
    }

    @Test
    void fusedResultIsIndependentOfThreadCount() {
        SplittableRandom rnd = new SplittableRandom(34);
        int n = 16;
        Circuit c = GateSamples.randomCircuit(n, 120, rnd);
        StateVector start = GateSamples.randomState(n, rnd);
        FusedCircuit f = FusedCircuit.compile(c);
        Parallel.setThreads(1);
        StateVector one = start.copy();
        f.apply(one);
        Parallel.setThreads(2);
        StateVector two = start.copy();
        f.apply(two);
        assertArrayEquals(one.realArray(), two.realArray());
        assertArrayEquals(one.imagArray(), two.imagArray());
    }

    @Test
    void consecutiveDiagonalsMergeAndMatchGateByGate() {
        // layers of CZ and random diagonals between rotations: runs of diagonals become one block op
        // each (while their union stays within 10 qubits), with the same result
        SplittableRandom rnd = new SplittableRandom(36);
        int n = 12;
        Circuit c = new Circuit(n);
        int diagonals = 0;
        for (int layer = 0; layer < 4; layer++) {
            for (int q = 0; q < n; q++) c.add(MatrixGate.of("u", GateSamples.oneQubit(rnd), q));
            for (int q = layer % 2; q + 1 < n; q += 2, diagonals++) c.cz(q, q + 1);
            for (int k = 0; k < 3; k++, diagonals++) c.add(GateSamples.gate(n, rnd) instanceof DiagonalGate d ? d
                    : new DiagonalGate("d", GateSamples.distinct(n, 3, rnd), new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8}));
        }
        FusedCircuit f = FusedCircuit.compile(c, new FusionOptions(8, 3));
        assertTrue(f.blockOpCount() < c.size() - diagonals / 2, f + " for " + c.size() + " gates, " + diagonals + " diagonal");
        StateVector plain = GateSamples.randomState(n, rnd), fused = plain.copy();
        c.apply(plain);
        f.apply(fused);
        assertTrue(GateSamples.maxDiff(plain, fused) < 1e-12, f.toString());
    }

    @Test
    void fusionReducesPassesOnLayeredCircuit() {
        // 20 layers on 20 qubits: 590 gates; blocks of 15 qubits cover them in a handful of sweeps.
        Circuit c = layered(20, 20, new SplittableRandom(35));
        FusedCircuit f = FusedCircuit.compile(c);
        assertEquals(0, f.unfusedCount());
        assertTrue(f.passCount() <= 12, f.toString());
    }
}
