package org.qdl.sim.kernel;

import org.qdl.sim.DenseReference;
import org.qdl.sim.gate.Gate;
import org.qdl.sim.gate.GateSamples;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.state.StateVector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Random gates of every kind against an independent dense-matrix reference. */
class KernelReferenceTest {
    @Test
    void randomCircuitsMatchDenseReference() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 40; trial++) {
            int n = 2 + rnd.nextInt(7); // 2..8
            StateVector s = StateVector.zero(n);
            double[] vr = new double[1 << n], vi = new double[1 << n];
            vr[0] = 1;
            for (int g = 0; g < 25; g++) {
                Gate gate = GateSamples.randomGate(n, rnd);
                gate.apply(s);
                DenseReference.apply(DenseReference.embed(n, gate.qubits(), gate.matrix()), vr, vi);
            }
            for (int i = 0; i < vr.length; i++) {
                assertEquals(vr[i], s.realArray()[i], 1e-10, "re[" + i + "] trial " + trial);
                assertEquals(vi[i], s.imagArray()[i], 1e-10, "im[" + i + "] trial " + trial);
            }
            assertEquals(1.0, s.normSquared(), 1e-12);
        }
    }

    @Test
    void pauliExpectationMatchesDenseReference() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 30; trial++) {
            int n = 2 + rnd.nextInt(6);
            StateVector s = StateVector.zero(n);
            for (int g = 0; g < 15; g++) GateSamples.randomGate(n, rnd).apply(s);
            PauliString p = PauliString.ofMasks(rnd.nextInt(1 << n), rnd.nextInt(1 << n));
            double[][][] m = DenseReference.embed(n, p.support(), p.matrixOnSupport());
            double[] vr = s.realArray().clone(), vi = s.imagArray().clone();
            DenseReference.apply(m, vr, vi);
            double ref = 0;
            for (int i = 0; i < vr.length; i++) ref += s.realArray()[i] * vr[i] + s.imagArray()[i] * vi[i];
            assertEquals(ref, p.expectation(s), 1e-10, p.toString());
            assertTrue(Math.abs(p.expectation(s)) <= 1 + 1e-12);
        }
    }
}
