package org.qdl.sim.gate;

import org.qdl.sim.DenseReference;
import org.qdl.sim.Bits;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.kernel.Kernels;
import org.qdl.sim.state.Complex;
import org.qdl.sim.state.ComplexMatrix;
import org.qdl.sim.state.StateVector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Textbook gate identities, multi-controlled truth tables, and the dense/diagonal/whole-register gates. */
class GateIdentitiesTest {
    static void assertSameMatrix(ComplexMatrix expected, ComplexMatrix actual, String what) {
        assertTrue(expected.distance(actual) < 1e-12, what + ": distance " + expected.distance(actual) + "\nexpected\n" + expected + "actual\n" + actual);
    }

    @Test
    void hzhIsX() {
        assertSameMatrix(Gates.X, Gates.H.times(Gates.Z).times(Gates.H), "HZH");
        assertSameMatrix(Gates.Z, Gates.H.times(Gates.X).times(Gates.H), "HXH");
        assertSameMatrix(Gates.Z, Gates.S.times(Gates.S), "S²");
        assertSameMatrix(Gates.S, Gates.T.times(Gates.T), "T²");
        assertSameMatrix(Gates.X, Gates.SX.times(Gates.SX), "√X²");
        assertSameMatrix(new Circuit(1).x(0).unitary(), new Circuit(1).h(0).z(0).h(0).unitary(), "circuit HZH");
    }

    @Test
    void cnotFromCzAndHadamards() {
        for (int[] pair : new int[][] {{0, 1}, {1, 0}, {0, 2}, {2, 1}}) {
            int c = pair[0], t = pair[1];
            ComplexMatrix cnot = new Circuit(3).cx(c, t).unitary();
            ComplexMatrix viaCz = new Circuit(3).h(t).cz(c, t).h(t).unitary();
            assertSameMatrix(cnot, viaCz, "CNOT(" + c + "," + t + ")");
        }
        assertSameMatrix(new Circuit(2).swap(0, 1).unitary(), new Circuit(2).cx(0, 1).cx(1, 0).cx(0, 1).unitary(), "SWAP = 3 CNOT");
    }

    /** Each multi-controlled X flips its target exactly when every control is 1, on every basis state. */
    @Test
    void multiControlledGatesFollowTruthTables() {
        int n = 7;
        int[][] controlSets = {{0, 1}, {3, 5, 6}, {6, 0, 2, 4}, {1, 2, 3, 5, 6}, {0, 1, 2, 3, 4, 5}};
        for (int[] controls : controlSets) {
            int target = 0;
            while (contains(controls, target)) target++;
            Circuit c = new Circuit(n);
            switch (controls.length) {
                case 2 -> c.ccx(controls[0], controls[1], target);
                case 3 -> c.c3x(controls[0], controls[1], controls[2], target);
                case 4 -> c.c4x(controls[0], controls[1], controls[2], controls[3], target);
                default -> c.mcx(controls, target);
            }
            for (int in = 0; in < 1 << n; in++) {
                StateVector s = StateVector.basis(n, in);
                c.apply(s);
                boolean all = true;
                for (int q : controls) all &= (in >>> q & 1) == 1;
                int expected = all ? in ^ (1 << target) : in;
                assertEquals(1.0, s.probability(expected), 1e-12, "controls " + java.util.Arrays.toString(controls) + " input " + in);
                assertEquals(1.0, s.amplitude(expected).re(), 1e-12, "no phase");
            }
        }
        // Fredkin: swaps 1 and 2 exactly when qubit 0 is 1
        Circuit f = new Circuit(3).cswap(0, 1, 2);
        for (int in = 0; in < 8; in++) {
            StateVector s = StateVector.basis(3, in);
            f.apply(s);
            int b1 = in >>> 1 & 1, b2 = in >>> 2 & 1;
            int expected = (in & 1) == 1 ? (in & 1) | b1 << 2 | b2 << 1 : in;
            assertEquals(1.0, s.probability(expected), 1e-12, "cswap input " + in);
        }
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) if (x == v) return true;
        return false;
    }

    /** Any gate with any number of controls acts as U on the all-ones control subspace, identity elsewhere. */
    @Test
    void controlledArbitraryUnitaryMatchesDenseReference() {
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 8;
        for (int trial = 0; trial < 12; trial++) {
            int k = 1 + rnd.nextInt(2), nc = rnd.nextInt(6);
            int[] all = GateSamples.distinctQubits(n, k + nc, rnd);
            int[] t = java.util.Arrays.copyOfRange(all, 0, k), ctl = java.util.Arrays.copyOfRange(all, k, k + nc);
            ComplexMatrix u = GateSamples.randomUnitary(1 << k, rnd);
            // the reference: explicit block matrix over (targets, controls) built here
            int d = 1 << (k + nc);
            double[] re = new double[d * d], im = new double[d * d];
            int ones = ((1 << nc) - 1) << k;
            for (int r = 0; r < d; r++) for (int c = 0; c < d; c++) {
                if ((r & ~((1 << k) - 1)) != (c & ~((1 << k) - 1))) continue;
                if ((r & ones) == ones) {
                    re[r * d + c] = u.re(r & ((1 << k) - 1), c & ((1 << k) - 1));
                    im[r * d + c] = u.im(r & ((1 << k) - 1), c & ((1 << k) - 1));
                } else if (r == c) {
                    re[r * d + c] = 1;
                }
            }
            int[] order = Bits.concat(t, ctl);
            double[][][] ref = DenseReference.embed(n, order, ComplexMatrix.of(d, re, im));
            StateVector s = GateSamples.randomState(n, rnd);
            double[] vr = s.realArray().clone(), vi = s.imagArray().clone();
            new Circuit(n).controlled("cu", u, ctl, t).apply(s);
            DenseReference.apply(ref, vr, vi);
            for (int i = 0; i < vr.length; i++) {
                assertEquals(vr[i], s.realArray()[i], 1e-12);
                assertEquals(vi[i], s.imagArray()[i], 1e-12);
            }
        }
    }

    private static void assertMatchesReference(int n, int[] qubits, ComplexMatrix local, java.util.function.Consumer<StateVector> op, long seed) {
        StateVector s = GateSamples.randomState(n, new SplittableRandom(seed));
        double[] vr = s.realArray().clone(), vi = s.imagArray().clone();
        op.accept(s);
        DenseReference.apply(DenseReference.embed(n, qubits, local), vr, vi);
        for (int i = 0; i < vr.length; i++) {
            assertEquals(vr[i], s.realArray()[i], 1e-11, "re " + i);
            assertEquals(vi[i], s.imagArray()[i], 1e-11, "im " + i);
        }
    }

    @Test
    void denseEightQubitUnitaryOnAnySubset() {
        SplittableRandom rnd = new SplittableRandom(17);
        int n = 10;
        int[] qubits = GateSamples.distinctQubits(n, 8, rnd);
        ComplexMatrix u = GateSamples.randomUnitary(256, rnd);
        assertMatchesReference(n, qubits, u, s -> new Circuit(n).unitary("u8", u, qubits).apply(s), 1);
        assertThrows(InvalidInputException.class, () -> new Circuit(10).unitary("u9", ComplexMatrix.identity(512), 0, 1, 2, 3, 4, 5, 6, 7, 8));
    }

    @Test
    void diagonalUnitaryFromPhaseVector() {
        SplittableRandom rnd = new SplittableRandom(19);
        int n = 6;
        int[] qubits = {4, 1, 3};
        double[] phases = new double[8];
        double[] cr = new double[8], ci = new double[8];
        for (int m = 0; m < 8; m++) {
            phases[m] = rnd.nextDouble(-Math.PI, Math.PI);
            cr[m] = Math.cos(phases[m]);
            ci[m] = Math.sin(phases[m]);
        }
        assertMatchesReference(n, qubits, ComplexMatrix.diagonal(cr, ci), s -> new Circuit(n).diagonal(phases, qubits).apply(s), 2);
    }

    @Test
    void wholeRegisterUnitary() {
        SplittableRandom rnd = new SplittableRandom(23);
        ComplexMatrix u6 = GateSamples.randomUnitary(64, rnd);
        assertMatchesReference(6, new int[] {0, 1, 2, 3, 4, 5}, u6, s -> new Circuit(6).registerUnitary(u6).apply(s), 3);
        ComplexMatrix u9 = GateSamples.randomUnitary(512, rnd);
        int[] all9 = {0, 1, 2, 3, 4, 5, 6, 7, 8};
        assertMatchesReference(9, all9, u9, s -> s.applyUnitary(u9), 4);
        assertThrows(InvalidInputException.class, () -> new Circuit(9).registerUnitary(u9));
    }

    /** exp(−iθP/2) for "X0 Y3 Z7" equals cos(θ/2)·I − i sin(θ/2)·P with P multiplied out from Pauli matrices here. */
    @Test
    void pauliStringRotation() {
        double theta = 0.83;
        ComplexMatrix p = Gates.Z.kron(ComplexMatrix.identity(8)).kron(Gates.Y).kron(ComplexMatrix.identity(4)).kron(Gates.X); // qubits 7..0
        ComplexMatrix expected = ComplexMatrix.identity(256).scale(new Complex(Math.cos(theta / 2), 0))
                .plus(p.scale(new Complex(0, -Math.sin(theta / 2))));
        int[] all = {0, 1, 2, 3, 4, 5, 6, 7};
        assertMatchesReference(8, all, expected, s -> new Circuit(8).pauliRotation("X0 Y3 Z7", theta).apply(s), 5);
    }

    @Test
    void nonUnitaryMatrixIsRejectedWithTolerance() {
        ComplexMatrix bad = ComplexMatrix.real(new double[][] {{1, 0}, {0, 1.001}});
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Circuit(2).unitary("bad", bad, 0));
        assertTrue(e.getMessage().contains("not unitary") && e.getMessage().contains("1e-09"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> new Circuit(2).controlled("bad", bad, new int[] {1}, 0));
        assertThrows(InvalidInputException.class, () -> StateVector.zero(2).applyUnitary(ComplexMatrix.identity(4).scale(new Complex(2, 0))));
        // within tolerance is accepted
        ComplexMatrix nearly = ComplexMatrix.real(new double[][] {{1, 0}, {0, 1 + 1e-12}});
        new Circuit(1).unitary("ok", nearly, 0);
    }

    @Test
    void gateArgumentsAreChecked() {
        assertThrows(InvalidInputException.class, () -> new Circuit(3).cx(1, 1));
        assertThrows(InvalidInputException.class, () -> new Circuit(3).cx(0, 3));
        assertThrows(InvalidInputException.class, () -> new Circuit(3).standard("cu3", new double[] {1, 2}, 0, 1));
        assertThrows(InvalidInputException.class, () -> new Circuit(3).standard("nope", new double[0], 0));
        assertThrows(InvalidInputException.class, () -> new Circuit(3).rx(0, Double.NaN));
    }

    @Test
    void inverseCircuitUndoesIt() {
        SplittableRandom rnd = new SplittableRandom(29);
        Circuit c = new Circuit(5);
        for (int g = 0; g < 60; g++) c.add(GateSamples.randomGate(5, rnd));
        c.ccx(0, 1, 2).cu(3, 4, 0.1, 0.2, 0.3, 0.4).rxx(1, 3, 0.7).rzz(0, 4, -0.2).c3sqrtx(0, 1, 2, 3);
        StateVector s = GateSamples.randomState(5, rnd);
        StateVector orig = s.copy();
        c.apply(s);
        c.inverse().apply(s);
        assertEquals(1.0, s.inner(orig).re(), 1e-12);
    }
}
