package org.qdl.sim.measurement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.gate.GateSamples;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.state.StateVector;

/** Joint and shadow measurements of Pauli strings against exact expectations, within their shot noise. */
class PauliGroupMeasurementTest {
    private static final List<PauliString> QWC = List.of(PauliString.parse("Z0 Z1"), PauliString.parse("X2"), PauliString.parse("Z1 X2"), PauliString.parse("Z0"));

    private static double mean(double[][] t, int j, int shots) {
        int[] size = ShotGroups.sizes(shots, t.length);
        double s = 0;
        for (int g = 0; g < t.length; g++) s += t[g][j] * size[g];
        return s / shots;
    }

    @Test
    void commutingStringsShareEveryShotAndMatchTheExactExpectations() {
        StateVector psi = GateSamples.randomState(4, new SplittableRandom(3));
        int shots = 40_000;
        double[][] t = CommutingPauliMeasurement.groupMeans(QWC, psi.copy(), shots, 8, 17);
        assertEquals(8, t.length);
        for (int j = 0; j < QWC.size(); j++) {
            double exact = QWC.get(j).expectation(psi);
            double sd = Math.sqrt((1 - exact * exact) / shots);
            assertEquals(exact, mean(t, j, shots), 5 * sd + 1e-12, QWC.get(j).toString());
        }
        // One shot per group: every entry is a ±1 outcome, and Z0·Z1 = (Z0 Z1) holds shot by shot.
        double[][] single = CommutingPauliMeasurement.groupMeans(List.of(PauliString.parse("Z0"), PauliString.parse("Z1"), PauliString.parse("Z0 Z1")),
                psi.copy(), 200, 200, 5);
        for (double[] row : single) assertEquals(row[0] * row[1], row[2], 0.0);
    }

    @Test
    void nonCommutingStringsAreRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CommutingPauliMeasurement.groupMeans(
                List.of(PauliString.parse("Z0"), PauliString.parse("X0 Z1")), StateVector.zero(2), 10, 1, 1));
        assertTrue(e.getMessage().contains("qubit-wise commuting"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> CommutingPauliMeasurement.groupMeans(QWC, StateVector.zero(3), 5, 6, 1));
    }

    @Test
    void shadowsAreUnbiasedForEveryStringWithTheFixedFactor() {
        StateVector psi = GateSamples.randomState(4, new SplittableRandom(8));
        PauliString fixed = PauliString.single('Y', 3);
        List<PauliString> ps = List.of(PauliString.parse("X0"), PauliString.parse("Z0 Y1"), PauliString.parse("X1 X2"), PauliString.parse("Y0 Z2"));
        int shots = 60_000;
        double[][] t = PauliShadows.groupMeans(ps, fixed, psi, shots, 6, 23);
        for (int j = 0; j < ps.size(); j++) {
            PauliString joint = PauliString.ofMasks(ps.get(j).xMask() | fixed.xMask(), ps.get(j).zMask() | fixed.zMask());
            double exact = joint.expectation(psi);
            double sd = Math.sqrt(Math.pow(3, ps.get(j).weight()) / shots); // snapshot variance ≤ 3^w
            assertEquals(exact, mean(t, j, shots), 5 * sd, joint.toString());
        }
        // The input state is left as it was (shadows copy it per basis).
        assertArrayEquals(GateSamples.randomState(4, new SplittableRandom(8)).realArray(), psi.realArray(), 0.0);
        assertThrows(InvalidInputException.class, () -> PauliShadows.groupMeans(List.of(PauliString.parse("Y3")), fixed, psi, 10, 1, 1));
    }

    @Test
    void groupMeansOfPerShotValuesKeepTheTotal() {
        double[] v = {1, -1, 1, 1, -1, 1, 1};
        double[][] m = ShotGroups.means(v, 3);
        int[] size = ShotGroups.sizes(7, 3);
        assertArrayEquals(new int[] {3, 2, 2}, size);
        double total = 0;
        for (int g = 0; g < 3; g++) total += m[g][0] * size[g];
        assertEquals(3, total, 1e-12);
        assertArrayEquals(new double[][] {{1}, {-1}, {1}, {1}, {-1}, {1}, {1}}, ShotGroups.means(v, 7));
    }
}
