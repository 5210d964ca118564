package org.qdl.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Random gates of every kind against an independent dense-matrix reference. */
class KernelReferenceTest {
    static ComplexMatrix randomUnitary(int dim, SplittableRandom rnd) {
        return RandomUnitaries.haar(dim, rnd);
    }

    static int[] distinctQubits(int n, int k, SplittableRandom rnd) {
        int[] q = new int[k];
        int used = 0;
        for (int i = 0; i < k; i++) {
            int c;
            do c = rnd.nextInt(n); while ((used >> c & 1) != 0);
            used |= 1 << c;
            q[i] = c;
        }
        return q;
    }

    static Gate randomGate(int n, SplittableRandom rnd) {
        switch (rnd.nextInt(4)) {
            case 0: { // dense, 1..3 targets
                int k = 1 + rnd.nextInt(Math.min(3, n));
                return MatrixGate.of("u", randomUnitary(1 << k, rnd), distinctQubits(n, k, rnd));
            }
            case 1: { // controlled dense
                int k = 1 + rnd.nextInt(Math.min(2, n - 1));
                int c = 1 + rnd.nextInt(Math.min(3, n - k));
                int[] all = distinctQubits(n, k + c, rnd);
                int[] t = java.util.Arrays.copyOfRange(all, 0, k), ctl = java.util.Arrays.copyOfRange(all, k, k + c);
                return MatrixGate.controlled("cu", randomUnitary(1 << k, rnd), ctl, t);
            }
            case 2: { // diagonal
                int k = 1 + rnd.nextInt(Math.min(3, n));
                double[] ph = new double[1 << k];
                for (int m = 0; m < ph.length; m++) ph[m] = rnd.nextDouble(-Math.PI, Math.PI);
                return new DiagonalGate("d", distinctQubits(n, k, rnd), ph);
            }
            default: { // Pauli rotation
                int x = rnd.nextInt(1 << n), z = rnd.nextInt(1 << n);
                return new PauliRotation(PauliString.ofMasks(x, z), rnd.nextDouble(-4, 4));
            }
        }
    }

    @Test
    void randomCircuitsMatchDenseReference() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 40; trial++) {
            int n = 2 + rnd.nextInt(7); // 2..8
            StateVector s = StateVector.zero(n);
            double[] vr = new double[1 << n], vi = new double[1 << n];
            vr[0] = 1;
            for (int g = 0; g < 25; g++) {
                Gate gate = randomGate(n, rnd);
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
            for (int g = 0; g < 15; g++) randomGate(n, rnd).apply(s);
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
