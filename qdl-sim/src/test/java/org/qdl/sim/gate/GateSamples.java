package org.qdl.sim.gate;

import org.qdl.sim.observable.PauliString;
import org.qdl.sim.state.ComplexMatrix;
import org.qdl.sim.state.StateVector;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Random gates and states for the kernel and fusion tests, plus a naive reference that applies a
 * gate's local matrix column by column (independent of the kernels; O(2^n · 2^k), so usable at
 * n = 16 where a dense 2^n matrix is not).
 */
public final class GateSamples {
    private GateSamples() {}

    public static ComplexMatrix randomUnitary(int dim, SplittableRandom rnd) {
        return RandomUnitaries.haar(dim, rnd);
    }

    public static int[] distinctQubits(int n, int k, SplittableRandom rnd) {
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

    public static Gate randomGate(int n, SplittableRandom rnd) {
        switch (rnd.nextInt(4)) {
            case 0: { // dense, 1..3 targets
                int k = 1 + rnd.nextInt(Math.min(3, n));
                return MatrixGate.of("u", randomUnitary(1 << k, rnd), distinctQubits(n, k, rnd));
            }
            case 1: { // controlled dense
                int k = 1 + rnd.nextInt(Math.min(2, n - 1));
                int c = 1 + rnd.nextInt(Math.min(3, n - k));
                int[] all = distinctQubits(n, k + c, rnd);
                int[] t = Arrays.copyOfRange(all, 0, k), ctl = Arrays.copyOfRange(all, k, k + c);
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

    public static ComplexMatrix unitary(int d, SplittableRandom rnd) {
        return RandomUnitaries.haar(d, rnd);
    }

    /** A 1-qubit matrix of each structure the kernels special-case: general, real, RX-like, diagonal. */
    public static ComplexMatrix oneQubit(SplittableRandom rnd) {
        double th = rnd.nextDouble(-4, 4);
        return switch (rnd.nextInt(6)) {
            case 0 -> Gates.ry(th);
            case 1 -> Gates.rx(th);
            case 2 -> Gates.rz(th);
            case 3 -> Gates.phase(th);
            case 4 -> Gates.H;
            default -> unitary(2, rnd);
        };
    }

    public static int[] distinct(int n, int k, SplittableRandom rnd) {
        int[] q = new int[k];
        long used = 0;
        for (int i = 0; i < k; i++) {
            int c;
            do c = rnd.nextInt(n); while ((used >> c & 1) != 0);
            used |= 1L << c;
            q[i] = c;
        }
        return q;
    }

    /** Qubits biased to the edges (0, 1, 2 and the top ones), where the kernels have special paths. */
    public static int[] edgeBiased(int n, int k, SplittableRandom rnd) {
        int[] q = new int[k];
        long used = 0;
        for (int i = 0; i < k; i++) {
            int c;
            do {
                int r = rnd.nextInt(4);
                c = r == 0 ? rnd.nextInt(Math.min(3, n)) : r == 1 ? n - 1 - rnd.nextInt(Math.min(2, n)) : rnd.nextInt(n);
            } while ((used >> c & 1) != 0);
            used |= 1L << c;
            q[i] = c;
        }
        return q;
    }

    /** Any gate kind: dense 1..3 targets with 0..4 controls, diagonal 1..4 qubits, Pauli rotation. */
    public static Gate gate(int n, SplittableRandom rnd) {
        switch (rnd.nextInt(5)) {
            case 0, 1: {
                int k = 1 + rnd.nextInt(Math.min(3, n));
                int c = rnd.nextInt(Math.min(5, n - k + 1));
                int[] all = edgeBiased(n, k + c, rnd);
                int[] t = Arrays.copyOfRange(all, 0, k), ctl = Arrays.copyOfRange(all, k, k + c);
                ComplexMatrix u = k == 1 ? oneQubit(rnd) : unitary(1 << k, rnd);
                return MatrixGate.controlled("u", u, ctl, t);
            }
            case 2: {
                int k = 1 + rnd.nextInt(Math.min(4, n));
                double[] ph = new double[1 << k];
                for (int m = 0; m < ph.length; m++) ph[m] = rnd.nextInt(3) == 0 ? 0 : rnd.nextDouble(-Math.PI, Math.PI);
                return new DiagonalGate("d", edgeBiased(n, k, rnd), ph);
            }
            case 3: {
                if (n < 2) return MatrixGate.of("h", Gates.H, 0);
                int[] q = edgeBiased(n, 2, rnd);
                return new DiagonalGate("cz", q, new double[] {0, 0, 0, Math.PI});
            }
            default: {
                int sup = 0; // at most 6 qubits, so that its local matrix stays small
                for (int q : edgeBiased(n, Math.min(n, 6), rnd)) sup |= 1 << q;
                int x = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(1 << n) & sup, z = rnd.nextInt(1 << n) & sup;
                return new PauliRotation(PauliString.ofMasks(x, z), rnd.nextDouble(-4, 4));
            }
        }
    }

    /** A circuit of random gates of every kind. */
    public static Circuit randomCircuit(int n, int gates, SplittableRandom rnd) {
        Circuit c = new Circuit(n);
        for (int g = 0; g < gates; g++) c.add(gate(n, rnd));
        return c;
    }

    public static StateVector randomState(int n, SplittableRandom rnd) {
        double[] re = new double[1 << n], im = new double[1 << n];
        for (int i = 0; i < re.length; i++) {
            re[i] = rnd.nextGaussian();
            im[i] = rnd.nextGaussian();
        }
        StateVector s = StateVector.of(re, im);
        s.normalize();
        return s;
    }

    /** v ← G v using only the gate's local matrix on its qubits (qubits()[0] = local bit 0). */
    public static void naiveApply(Gate g, double[] vr, double[] vi) {
        int[] q = g.qubits();
        ComplexMatrix m = g.matrix();
        int mask = 0;
        for (int b : q) mask |= 1 << b;
        double[] nr = new double[vr.length], ni = new double[vr.length];
        for (int col = 0; col < vr.length; col++) {
            if (vr[col] == 0 && vi[col] == 0) continue;
            int lc = 0;
            for (int b = 0; b < q.length; b++) lc |= ((col >> q[b]) & 1) << b;
            for (int lr = 0; lr < m.dim(); lr++) {
                int row = col & ~mask;
                for (int b = 0; b < q.length; b++) row |= ((lr >> b) & 1) << q[b];
                double ar = m.re(lr, lc), ai = m.im(lr, lc);
                nr[row] += ar * vr[col] - ai * vi[col];
                ni[row] += ar * vi[col] + ai * vr[col];
            }
        }
        System.arraycopy(nr, 0, vr, 0, vr.length);
        System.arraycopy(ni, 0, vi, 0, vi.length);
    }

    public static double maxDiff(StateVector s, double[] vr, double[] vi) {
        double d = 0;
        for (int i = 0; i < vr.length; i++) d = Math.max(d, Math.hypot(s.realArray()[i] - vr[i], s.imagArray()[i] - vi[i]));
        return d;
    }

    public static double maxDiff(StateVector a, StateVector b) {
        return maxDiff(a, b.realArray(), b.imagArray());
    }
}
