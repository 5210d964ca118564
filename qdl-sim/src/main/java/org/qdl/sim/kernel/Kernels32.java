package org.qdl.sim.kernel;

import org.qdl.sim.Bits;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.Parallel;
import org.qdl.sim.gate.DiagonalGate;
import org.qdl.sim.gate.Gate;
import org.qdl.sim.gate.MatrixGate;
import org.qdl.sim.gate.PauliRotation;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.state.Complex;
import org.qdl.sim.state.ComplexMatrix;
import org.qdl.sim.state.StateVector32;

/**
 * Scalar kernels on complex64 amplitudes: every gate kind on a whole {@link StateVector32} (for
 * the gates a fused circuit applies on its own). Dense gates run the loops of {@link BlockLoops32},
 * generated from the complex128 source; products are formed in single precision, as in the SIMD kernels.
 */
public final class Kernels32 {
    private Kernels32() {}

    /** Applies any gate to the whole state, in place. */
    public static void apply(StateVector32 s, Gate g) {
        for (int q : g.qubits()) {
            if (q < 0 || q >= s.numQubits()) throw new InvalidInputException("gate " + g.name() + " acts on qubit " + q + " of a " + s.numQubits() + "-qubit state");
        }
        if (g instanceof PauliRotation p) {
            pauliRotation(s, p.pauli(), p.theta());
        } else if (g instanceof DiagonalGate d) {
            double[] ph = d.phases();
            float[] pr = new float[ph.length], pi = new float[ph.length];
            for (int m = 0; m < ph.length; m++) {
                pr[m] = (float) Math.cos(ph[m]);
                pi[m] = (float) Math.sin(ph[m]);
            }
            diagonal(s, d.qubits(), pr, pi);
        } else if (g instanceof MatrixGate m) {
            dense(s, m.targets(), Bits.mask(m.controls()), m.unitary());
        }
    }

    /** A dense gate on the whole state: the loops of {@link BlockLoops32}, as complex128 runs {@link BlockLoops}. */
    private static void dense(StateVector32 s, int[] targets, int cmask, ComplexMatrix u) {
        final float[] re = s.realArray(), im = s.imagArray();
        if (targets.length == 1) BlockLoops32.apply1(re, im, targets[0], toFloat(Kernels.coefficients(u)), cmask);
        else BlockLoops32.applyDense(re, im, targets, cmask, toFloat(u.realPart()), toFloat(u.imagPart()));
    }

    private static void diagonal(StateVector32 s, int[] qubits, float[] pr, float[] pi) {
        final float[] re = s.realArray(), im = s.imagArray();
        Parallel.forRange(s.dimension(), (a, b) -> {
            for (int i = a; i < b; i++) {
                int m = Bits.extract(i, qubits);
                float xr = re[i], xi = im[i];
                re[i] = pr[m] * xr - pi[m] * xi;
                im[i] = pr[m] * xi + pi[m] * xr;
            }
        });
    }

    /** exp(−iθP/2): pairs (j, j ⊕ x), or phases by Z parity when x = 0, as {@link Kernels#applyPauliRotation}. */
    private static void pauliRotation(StateVector32 s, PauliString p, double theta) {
        final float c = (float) Math.cos(theta / 2);
        final double sn = Math.sin(theta / 2);
        final float[] re = s.realArray(), im = s.imagArray();
        final int x = p.xMask(), z = p.zMask();
        if (x == 0) {
            final float ps = (float) sn;
            Parallel.forRange(s.dimension(), (a, b) -> {
                for (int i = a; i < b; i++) {
                    float ph = (Integer.bitCount(i & z) & 1) == 0 ? -ps : ps, xr = re[i], xi = im[i];
                    re[i] = c * xr - ph * xi;
                    im[i] = c * xi + ph * xr;
                }
            });
            return;
        }
        final Complex omega = p.phase();
        final float wr = (float) (sn * omega.im()), wi = (float) (-sn * omega.re());
        final int[] pivot = {Integer.numberOfTrailingZeros(Integer.highestOneBit(x))};
        Parallel.forRange(s.dimension() >>> 1, (from, to) -> {
            for (int p0 = from; p0 < to; p0++) {
                int j = Bits.insertZeros(p0, pivot), k = j ^ x;
                float sj = (Integer.bitCount(j & z) & 1) == 0 ? 1 : -1, sk = (Integer.bitCount(k & z) & 1) == 0 ? 1 : -1;
                float jr = re[j], ji = im[j], kr = re[k], ki = im[k];
                re[k] = c * kr + sj * (wr * jr - wi * ji);
                im[k] = c * ki + sj * (wr * ji + wi * jr);
                re[j] = c * jr + sk * (wr * kr - wi * ki);
                im[j] = c * ji + sk * (wr * ki + wi * kr);
            }
        });
    }

    /** The array rounded to single precision. */
    public static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) f[i] = (float) a[i];
        return f;
    }
}
