package org.qdl.sim.state;

import org.qdl.sim.InsufficientMemoryException;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.gate.Circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Amplitude encoding, basis and product states, and the memory guard. */
class StatePreparationTest {
    @Test
    void amplitudeEncodingPadsNormalisesAndReturnsNorm() {
        double[] x = {3, 0, -4, 0, 12}; // ‖x‖ = 13, length 5 → 3 qubits
        AmplitudeEncoding.Encoded e = AmplitudeEncoding.encode(x);
        assertEquals(3, e.state().numQubits());
        assertEquals(13, e.norm(), 1e-15);
        assertEquals(5, e.length());
        for (int i = 0; i < 8; i++) assertEquals(i < 5 ? x[i] / 13 : 0, e.state().amplitude(i).re(), 1e-16);
        assertEquals(1.0, e.state().normSquared(), 1e-15);
        AmplitudeEncoding.Encoded c = AmplitudeEncoding.encode(new double[] {1, 0, 0, 0}, new double[] {0, 1, 1, 1});
        assertEquals(2, c.state().numQubits());
        assertEquals(2, c.norm(), 1e-15);
        assertEquals(0.5, c.state().amplitude(3).im(), 1e-16);
        assertEquals(0, AmplitudeEncoding.encode(new double[] {-2}).state().numQubits());
        assertEquals(4, AmplitudeEncoding.qubitsFor(16));
        assertEquals(5, AmplitudeEncoding.qubitsFor(17));
    }

    @Test
    void amplitudeEncodingHandlesExtremeMagnitudes() {
        AmplitudeEncoding.Encoded big = AmplitudeEncoding.encode(new double[] {3e300, 4e300});
        assertEquals(5e300, big.norm(), 1e286);
        assertEquals(0.6, big.state().amplitude(0).re(), 1e-15);
        AmplitudeEncoding.Encoded tiny = AmplitudeEncoding.encode(new double[] {0, 3e-320, 4e-320});
        assertEquals(0.8, tiny.state().amplitude(2).re(), 1e-3); // subnormal inputs carry ~3 digits
        assertEquals(1.0, tiny.state().normSquared(), 1e-14);
        assertMessage("overflows", () -> AmplitudeEncoding.encode(new double[] {Double.MAX_VALUE, Double.MAX_VALUE}));
    }

    @Test
    void amplitudeEncodingRejectsBadVectors() {
        assertMessage("zero vector", () -> AmplitudeEncoding.encode(new double[4]));
        assertMessage("NaN", () -> AmplitudeEncoding.encode(new double[] {1, Double.NaN}));
        assertMessage("Infinity", () -> AmplitudeEncoding.encode(new double[] {1, Double.POSITIVE_INFINITY}));
        assertMessage("entry 1", () -> AmplitudeEncoding.encode(new double[] {1, 1}, new double[] {0, Double.NEGATIVE_INFINITY}));
        assertMessage("empty", () -> AmplitudeEncoding.encode(new double[0]));
        assertMessage("differ in length", () -> AmplitudeEncoding.encode(new double[2], new double[3]));
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable ex) {
        InvalidInputException e = assertThrows(InvalidInputException.class, ex);
        assertTrue(e.getMessage().contains(fragment), "message \"" + e.getMessage() + "\" lacks \"" + fragment + "\"");
    }

    @Test
    void basisStates() {
        StateVector s = StateVector.basis("0110"); // qubit 3 first
        assertEquals(4, s.numQubits());
        assertEquals(1.0, s.probability(6), 0);
        assertEquals(1.0, StateVector.basis(5, 17).probability(17), 0);
        assertMessage("0s and 1s", () -> StateVector.basis("01a"));
        assertMessage("outside", () -> StateVector.basis(3, 8));
    }

    @Test
    void productStatesEqualKroneckerProducts() {
        double[][] f = {{1, 0, 1, 0}, {0.6, 0, 0, 0.8}, {0, 0, 2, 0}}; // |+⟩, 0.6|0⟩+0.8i|1⟩, |1⟩ (normalised)
        StateVector s = StateVector.product(f);
        double r = 1 / Math.sqrt(2);
        // qubit 2 is |1⟩, so only indices 4..7
        assertEquals(0.6 * r, s.amplitude(4).re(), 1e-15);
        assertEquals(0.6 * r, s.amplitude(5).re(), 1e-15);
        assertEquals(0.8 * r, s.amplitude(6).im(), 1e-15);
        assertEquals(0.8 * r, s.amplitude(7).im(), 1e-15);
        assertEquals(0, s.probability(0) + s.probability(3), 0);
        StateVector b = StateVector.productBloch(new double[] {Math.PI / 2, Math.PI}, new double[] {0, 0});
        assertEquals(1.0, b.fidelity(new Circuit(2).h(0).x(1).run()), 1e-15);
        assertMessage("norm", () -> StateVector.product(new double[][] {{0, 0, 0, 0}}));
    }

    /** A register the test heap (-Xmx4g) cannot hold fails cleanly, saying how much memory it needs. */
    @Test
    void registerTooLargeForHeapFailsCleanly() {
        InsufficientMemoryException e = assertThrows(InsufficientMemoryException.class, () -> StateVector.zero(30));
        assertTrue(e.getMessage().contains("16.0 GiB") && e.getMessage().contains("-Xmx"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> StateVector.zero(31));
    }
}
