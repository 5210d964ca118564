package org.qdl.claims.expressivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.kernel.Kernels;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.state.StateVector;

class EncodingSpectrumTest {
    /** Hv for H = Σ s_j P_j / 2, applied with the simulator's Pauli kernel. */
    private static StateVector applyH(List<PauliString> ps, double[] s, StateVector v) {
        StateVector out = StateVector.zeros(v.numQubits());
        for (int j = 0; j < ps.size(); j++) {
            StateVector t = v.copy();
            Kernels.applyPauli(t, ps.get(j));
            for (int i = 0; i < t.dimension(); i++) {
                out.realArray()[i] += s[j] / 2 * t.realArray()[i];
                out.imagArray()[i] += s[j] / 2 * t.imagArray()[i];
            }
        }
        return out;
    }

    /** ∏_{λ∈Λ, λ≠skip} (H − λ) v. */
    private static double residual(List<PauliString> ps, double[] s, double[] lambdas, int skip, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] re = new double[1 << n], im = new double[1 << n];
        for (int i = 0; i < re.length; i++) {
            re[i] = r.nextGaussian();
            im[i] = r.nextGaussian();
        }
        StateVector v = StateVector.of(re, im);
        v.normalize();
        for (int k = 0; k < lambdas.length; k++) {
            if (k == skip) continue;
            StateVector hv = applyH(ps, s, v);
            for (int i = 0; i < v.dimension(); i++) {
                hv.realArray()[i] -= lambdas[k] * v.realArray()[i];
                hv.imagArray()[i] -= lambdas[k] * v.imagArray()[i];
            }
            v = hv;
        }
        return v.norm();
    }

    /**
     * The minimal polynomial test, independent of the sign-pattern enumeration: H is diagonalisable,
     * so ∏_λ (H − λ) = 0 exactly when Λ contains every eigenvalue, and dropping any λ leaves it
     * non-zero on a random vector exactly when λ is an eigenvalue.
     */
    private static void checkSpectrum(List<PauliString> ps, double[] s, int n) {
        double[] lam = EncodingSpectrum.eigenvalues(ps, s);
        assertTrue(residual(ps, s, lam, -1, n, 1) < 1e-9, "every eigenvalue listed");
        for (int k = 0; k < lam.length; k++) assertTrue(residual(ps, s, lam, k, n, 2) > 1e-6, "λ = " + lam[k] + " is an eigenvalue");
    }

    @Test
    void diagonalAndNonDiagonalCommutingSetsMatchTheMinimalPolynomial() {
        checkSpectrum(List.of(PauliString.parse("Z0")), new double[] {1}, 1);
        checkSpectrum(List.of(PauliString.parse("Z0"), PauliString.parse("Z1"), PauliString.parse("Z0 Z1")), new double[] {1, 3, 0.5}, 2);
        // X0X1, Y0Y1 and Z0Z1 commute and multiply to −I: only consistent sign patterns survive.
        checkSpectrum(List.of(PauliString.parse("X0 X1"), PauliString.parse("Y0 Y1"), PauliString.parse("Z0 Z1")), new double[] {1, 2, 4}, 2);
        checkSpectrum(List.of(PauliString.parse("X0 X1"), PauliString.parse("Z0 Z1"), PauliString.parse("Y2")), new double[] {0.7, 1.3, 2.9}, 3);
    }

    @Test
    void xxYyZzRelationRemovesInconsistentPatterns() {
        // XX·YY·ZZ = −I: ε1ε2ε3 = −1; the four patterns give (±1 ± 2 ± 4)/2 with odd numbers of minus signs.
        double[] lam = EncodingSpectrum.eigenvalues(
                List.of(PauliString.parse("X0 X1"), PauliString.parse("Y0 Y1"), PauliString.parse("Z0 Z1")), new double[] {1, 2, 4});
        assertArrayEquals(new double[] {-3.5, -0.5, 1.5, 2.5}, lam, 1e-12);
    }

    @Test
    void nonCommutingGeneratorsAreRejected() {
        assertThrows(InvalidInputException.class,
                () -> EncodingSpectrum.eigenvalues(List.of(PauliString.parse("X0"), PauliString.parse("Z0")), new double[] {1, 1}));
    }
}
