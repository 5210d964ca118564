package org.qdl.sim.state;

import org.qdl.sim.gate.Circuit;
import org.qdl.sim.observable.PauliString;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Circuits whose output states are known in closed form. */
class AnalyticStatesTest {
    private static final double R = 1 / Math.sqrt(2);

    @Test
    void bellState() {
        StateVector s = new Circuit(2).h(0).cx(0, 1).run();
        assertEquals(R, s.amplitude(0).re(), 1e-15);
        assertEquals(R, s.amplitude(3).re(), 1e-15);
        assertEquals(0, s.probability(1) + s.probability(2), 1e-30);
        assertEquals(1, PauliString.parse("Z0 Z1").expectation(s), 1e-14);
        assertEquals(1, PauliString.parse("X0 X1").expectation(s), 1e-14);
        assertEquals(-1, PauliString.parse("Y0 Y1").expectation(s), 1e-14);
        assertEquals(0, PauliString.parse("Z0").expectation(s), 1e-14);
    }

    @Test
    void ghzState() {
        for (int n : new int[] {3, 5, 12}) {
            Circuit c = new Circuit(n).h(0);
            for (int q = 1; q < n; q++) c.cx(q - 1, q);
            StateVector s = c.run();
            assertEquals(0.5, s.probability(0), 1e-14);
            assertEquals(0.5, s.probability((1L << n) - 1), 1e-14);
            StringBuilder xs = new StringBuilder();
            for (int q = 0; q < n; q++) xs.append("X").append(q).append(' ');
            assertEquals(1, PauliString.parse(xs.toString()).expectation(s), 1e-12, "⟨X…X⟩ on GHZ");
        }
    }

    /** W_n = (|10…0⟩ + |01…0⟩ + … )/√n, built by the usual cascade of ry and controlled moves. */
    @Test
    void wState() {
        for (int n : new int[] {2, 3, 4, 7}) {
            Circuit c = new Circuit(n).x(0);
            for (int q = 0; q < n - 1; q++) {
                // move amplitude from qubit q to q+1 so that q keeps exactly 1/(n−q) of what it holds
                double theta = 2 * Math.acos(Math.sqrt(1.0 / (n - q)));
                c.cry(q, q + 1, theta).cx(q + 1, q);
            }
            StateVector s = c.run();
            for (int i = 0; i < 1 << n; i++) {
                double expected = Integer.bitCount(i) == 1 ? 1.0 / n : 0;
                assertEquals(expected, s.probability(i), 1e-13, "W_" + n + " basis " + i);
                if (Integer.bitCount(i) == 1) assertEquals(Math.sqrt(1.0 / n), s.amplitude(i).re(), 1e-13);
            }
        }
    }

    /** QFT|j⟩ = N^{-1/2} Σ_k e^{2πijk/N}|k⟩ (textbook circuit with the final swaps). */
    @Test
    void qftOfBasisStates() {
        int n = 5, dim = 1 << n;
        Circuit qft = new Circuit(n);
        for (int q = n - 1; q >= 0; q--) {
            qft.h(q);
            for (int k = q - 1; k >= 0; k--) qft.cp(k, q, Math.PI / (1 << (q - k)));
        }
        for (int q = 0; q < n / 2; q++) qft.swap(q, n - 1 - q);
        for (int j : new int[] {0, 1, 5, 19, 31}) {
            StateVector s = StateVector.basis(n, j);
            qft.apply(s);
            for (int k = 0; k < dim; k++) {
                double ang = 2 * Math.PI * j * k / dim;
                assertEquals(Math.cos(ang) / Math.sqrt(dim), s.amplitude(k).re(), 1e-13, "j=" + j + " k=" + k);
                assertEquals(Math.sin(ang) / Math.sqrt(dim), s.amplitude(k).im(), 1e-13, "j=" + j + " k=" + k);
            }
        }
    }
}
