package org.qdl.sim.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qdl.sim.gate.Circuit;
import org.qdl.sim.observable.DiagonalObservable;
import org.qdl.sim.observable.HermitianObservable;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.observable.PauliSum;
import org.qdl.sim.gate.RandomCircuits;
import org.qdl.sim.gate.RandomUnitaries;
import org.qdl.sim.state.StateVector;

/** The density-matrix backend against pure states and against the channels' analytic action. */
class DensityMatrixTest {
    static StateVector randomState(int n, SplittableRandom rnd) {
        double[] re = new double[1 << n], im = new double[1 << n];
        for (int i = 0; i < re.length; i++) {
            re[i] = rnd.nextGaussian();
            im[i] = rnd.nextGaussian();
        }
        StateVector s = StateVector.of(re, im);
        s.normalize();
        return s;
    }

    /** A circuit's gates on the low qubits of any register (as layers act). */
    static void gates(Circuit c, StateVector v) {
        for (org.qdl.sim.gate.Gate g : c.gates()) g.apply(v);
    }

    @Test
    void noiselessCircuitMatchesPureState() {
        SplittableRandom rnd = new SplittableRandom(3);
        StateVector psi = randomState(5, rnd);
        Circuit c = RandomCircuits.layered(5, 4, rnd);
        DensityMatrix rho = DensityMatrix.pure(psi);
        rho.applyUnitary(v -> gates(c, v));
        StateVector out = psi.copy();
        c.apply(out);
        DensityMatrix ref = DensityMatrix.pure(out);
        double err = 0;
        for (int r = 0; r < 32; r++) {
            for (int k = 0; k < 32; k++) err = Math.max(err, Math.hypot(rho.re(r, k) - ref.re(r, k), rho.im(r, k) - ref.im(r, k)));
        }
        assertTrue(err < 1e-12, "max entry error " + err);
        assertEquals(1, rho.trace(), 1e-12);
        assertEquals(1, rho.purity(), 1e-12);
        for (String p : new String[] {"Z0 Z1", "X2 Y4", "Y0 X1 Z3", "X4"}) {
            assertEquals(PauliString.parse(p).expectation(out), rho.expectation(PauliString.parse(p)), 1e-12, p);
        }
        DiagonalObservable diag = new DiagonalObservable(new int[] {1, 3}, new double[] {0.5, -1, 2, 3});
        assertEquals(diag.expectation(out), rho.expectation(diag), 1e-12);
        var u = RandomUnitaries.haar(4, rnd);
        HermitianObservable herm = new HermitianObservable(new int[] {2, 0}, u.plus(u.dagger()));
        assertEquals(herm.expectation(out), rho.expectation(herm), 1e-12);
    }

    @Test
    void channelsKeepTraceOneAndHermiticity() {
        SplittableRandom rnd = new SplittableRandom(5);
        DensityMatrix rho = DensityMatrix.pure(randomState(4, rnd));
        rho.apply(PauliChannel.depolarizing(0.2), 0, 1, 2, 3);
        rho.apply(KrausChannel.amplitudeDamping(0.3), 1, 3);
        rho.apply(PauliChannel.dephasing(0.4), 2);
        rho.apply(new GlobalDepolarizing(0.1), 0, 1, 2, 3);
        Circuit c = RandomCircuits.layered(4, 3, rnd);
        rho.applyUnitary(v -> gates(c, v));
        assertEquals(1, rho.trace(), 1e-12);
        assertTrue(rho.hermiticityError() < 1e-12);
        assertTrue(rho.purity() < 1 - 1e-3, "noise made the state mixed");
        for (double p : rho.probabilities()) assertTrue(p >= -1e-15);
    }

    /** Depolarising with p: each single-qubit ⟨σ⟩ scales by (1 − p); a weight-w string by (1 − p)^w. */
    @Test
    void depolarizingScalesPauliExpectations() {
        SplittableRandom rnd = new SplittableRandom(7);
        StateVector psi = randomState(3, rnd);
        double p = 0.13;
        for (String s : new String[] {"X0", "Y1", "Z2", "X0 Z1", "Y0 Y1 X2"}) {
            PauliString o = PauliString.parse(s);
            DensityMatrix rho = DensityMatrix.pure(psi);
            rho.apply(PauliChannel.depolarizing(p), 0, 1, 2);
            assertEquals(Math.pow(1 - p, o.weight()) * o.expectation(psi), rho.expectation(o), 1e-13, s);
        }
    }

    /** Global depolarising commutes with unitaries: ⟨O⟩ scales by (1 − p) per hop whatever runs between. */
    @Test
    void globalDepolarizingScalesByOneMinusPPerHop() {
        SplittableRandom rnd = new SplittableRandom(11);
        StateVector psi = randomState(4, rnd);
        Circuit[] layers = {RandomCircuits.layered(4, 2, rnd), RandomCircuits.layered(4, 2, rnd), RandomCircuits.layered(4, 2, rnd)};
        PauliSum o = PauliSum.parse("0.7 Z0 Z1 - 0.3 X2");
        double[] p = {0.05, 0.2, 0.1};
        DensityMatrix rho = DensityMatrix.pure(psi);
        StateVector ideal = psi.copy();
        double f = 1;
        for (int h = 0; h < 3; h++) {
            rho.apply(new GlobalDepolarizing(p[h]), 0, 1, 2, 3);
            Circuit c = layers[h];
            rho.applyUnitary(v -> gates(c, v));
            layers[h].apply(ideal);
            f *= 1 - p[h];
        }
        assertEquals(f * o.expectation(ideal), rho.expectation(o), 1e-13);
    }

    @Test
    void dephasingKillsCoherenceButNotPopulations() {
        StateVector plus = new Circuit(1).h(0).run();
        StateVector tilted = new Circuit(1).ry(0, 0.7).rz(0, 0.4).run();
        for (StateVector psi : new StateVector[] {plus, tilted}) {
            DensityMatrix rho = DensityMatrix.pure(psi);
            rho.apply(PauliChannel.dephasing(1), 0);
            assertEquals(0, rho.expectation(PauliString.parse("X0")), 1e-15);
            assertEquals(0, rho.expectation(PauliString.parse("Y0")), 1e-15);
            assertEquals(PauliString.parse("Z0").expectation(psi), rho.expectation(PauliString.parse("Z0")), 1e-15);
            DensityMatrix half = DensityMatrix.pure(psi);
            half.apply(PauliChannel.dephasing(0.25), 0);
            assertEquals(0.75 * PauliString.parse("X0").expectation(psi), half.expectation(PauliString.parse("X0")), 1e-15);
        }
    }

    /** Amplitude damping over storage time t on |1⟩: P(1) = e^{−t/T1}; coherence of |+⟩ decays as e^{−t/T2}. */
    @Test
    void relaxationFollowsT1AndT2() {
        double t1 = 50, t2 = 70;
        for (double t : new double[] {0, 5, 20, 100}) {
            DensityMatrix one = DensityMatrix.pure(StateVector.basis("1"));
            for (Channel c : Relaxation.of(t, t1, t2)) one.apply(c, 0);
            assertEquals(Math.exp(-t / t1), one.probabilities()[1], 1e-14, "t = " + t);
            DensityMatrix plus = DensityMatrix.pure(new Circuit(1).h(0).run());
            for (Channel c : Relaxation.of(t, t1, t2)) plus.apply(c, 0);
            assertEquals(Math.exp(-t / t2), plus.expectation(PauliString.parse("X0")), 1e-14, "t = " + t);
        }
        assertThrows(InvalidInputException.class, () -> Relaxation.of(1, 10, 30));
    }

    @Test
    void rejectsNonTracePreservingKrausAndTooManyQubits() {
        var bad = org.qdl.sim.state.ComplexMatrix.identity(2).scale(new org.qdl.sim.state.Complex(0.9, 0));
        assertThrows(InvalidInputException.class, () -> new KrausChannel("bad", java.util.List.of(bad)));
        assertThrows(InvalidInputException.class, () -> DensityMatrix.pure(StateVector.zero(13)));
        assertThrows(InvalidInputException.class, () -> PauliChannel.depolarizing(1.5));
    }
}
