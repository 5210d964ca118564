package org.qdl.sim.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qdl.sim.Circuit;
import org.qdl.sim.Gate;
import org.qdl.sim.RandomCircuits;
import org.qdl.sim.StateVector;

class SingleQubitMergeTest {
    private static StateVector run(List<Gate> gates, int n) {
        StateVector s = StateVector.zero(n);
        for (int q = 0; q < n; q++) new Circuit(n).h(q).gates().get(0).apply(s);
        for (Gate g : gates) g.apply(s);
        return s;
    }

    private static double distance(StateVector a, StateVector b) {
        double d = 0;
        for (int i = 0; i < a.dimension(); i++) {
            d = Math.max(d, Math.hypot(a.realArray()[i] - b.realArray()[i], a.imagArray()[i] - b.imagArray()[i]));
        }
        return d;
    }

    @Test
    void diagonalMovesThroughDiagonalsButNotThroughDenseGates() {
        Circuit c = new Circuit(2).rz(0, 0.3).cz(0, 1).rx(0, 0.7) // RZ passes the CZ and joins the RX
                .cx(0, 1).rz(0, 0.9).cx(0, 1);                     // blocked on both sides by CX (q0 is its control)
        List<Gate> merged = SingleQubitMerge.apply(c.gates());
        assertEquals(c.size() - 1, merged.size(), merged.toString());
        assertTrue(distance(run(c.gates(), 2), run(merged, 2)) < 1e-14);
    }

    @Test
    void consecutiveDenseGatesOnAQubitBecomeOne() {
        Circuit c = new Circuit(3).rx(1, 0.2).ry(1, 0.4).h(1).cz(0, 2).ry(2, 1.1);
        List<Gate> merged = SingleQubitMerge.apply(c.gates());
        assertEquals(3, merged.size(), merged.toString());
        assertTrue(distance(run(c.gates(), 3), run(merged, 3)) < 1e-14);
    }

    @Test
    void layeredCircuitsKeepTheirStateAndLoseTheirRzs() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int n = 3; n <= 9; n++) {
            Circuit c = RandomCircuits.layered(n, 12, rnd);
            long rz = c.gates().stream().filter(g -> g.name().equals("rz")).count();
            List<Gate> merged = SingleQubitMerge.apply(c.gates());
            // Each qubit has a dense RX/RY in some layer, so every RZ finds one through the CZs.
            assertTrue(c.size() - merged.size() >= rz, n + ": " + c.size() + " → " + merged.size() + " with " + rz + " RZ");
            assertTrue(distance(run(c.gates(), n), run(merged, n)) < 1e-12);
        }
    }
}
