package org.qdl.sim.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qdl.sim.gate.Circuit;
import org.qdl.sim.state.ComplexMatrix;
import org.qdl.sim.gate.RandomUnitaries;
import org.qdl.sim.gate.Gate;
import org.qdl.sim.gate.RandomCircuits;
import org.qdl.sim.state.StateVector;

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
        ComplexMatrix u = RandomUnitaries.haar(2, new SplittableRandom(3)); // a general 2×2
        Circuit c = new Circuit(2).rz(0, 0.3).cz(0, 1).gate("u", u, 0) // RZ passes the CZ and joins U
                .cx(0, 1).rz(0, 0.9).cx(0, 1);                          // blocked on both sides by CX (q0 is its control)
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
    void diagonalsStayOutOfRealAndRxLikeGates() {
        // folding RZ into RX, RY or H would make a general 2×2 (twice the multiplies): they stay apart
        for (Circuit c : List.of(new Circuit(1).rz(0, 0.3).rx(0, 0.7), new Circuit(1).ry(0, 0.7).rz(0, 0.3), new Circuit(1).t(0).h(0))) {
            assertEquals(2, SingleQubitMerge.apply(c.gates()).size(), c.gates().toString());
        }
        // a general gate takes it
        Circuit g = new Circuit(1).rz(0, 0.3).gate("u", RandomUnitaries.haar(2, new SplittableRandom(4)), 0);
        assertEquals(1, SingleQubitMerge.apply(g.gates()).size());
        // a phase that keeps the form folds: Z·RY is real, so it joins
        Circuit z = new Circuit(1).z(0).ry(0, 0.4);
        assertEquals(1, SingleQubitMerge.apply(z.gates()).size());
        assertTrue(distance(run(z.gates(), 1), run(SingleQubitMerge.apply(z.gates()), 1)) < 1e-15);
    }

    @Test
    void layeredCircuitsKeepTheirState() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int n = 3; n <= 9; n++) {
            Circuit c = RandomCircuits.layered(n, 12, rnd);
            List<Gate> merged = SingleQubitMerge.apply(c.gates());
            assertTrue(merged.size() < c.size(), n + ": " + c.size() + " → " + merged.size());
            assertTrue(distance(run(c.gates(), n), run(merged, n)) < 1e-12);
        }
    }

    @Test
    void diagonalsMoveBackToTheLatestDiagonalPastGatesOnOtherQubits() {
        FusionOptions all = new FusionOptions(4, 1);
        // RZ(3) moves back past RX(2) into the CZ's op; RZ(2) cannot pass RX(2)
        assertEquals(2, FusedCircuit.compile(new Circuit(6).cz(0, 1).rx(2, 0.5).rz(3, 0.2), all).blockOpCount());
        assertEquals(3, FusedCircuit.compile(new Circuit(6).cz(0, 1).rx(2, 0.5).rz(2, 0.2), all).blockOpCount());
        Circuit c = new Circuit(6).h(3).cz(0, 1).rx(2, 0.5).rz(3, 0.2).cz(2, 3).ry(1, 0.3).rz(2, 0.7);
        StateVector a = StateVector.zero(6), b = StateVector.zero(6);
        c.apply(a);
        FusedCircuit.compile(c, all).apply(b);
        assertTrue(distance(a, b) < 1e-14);
    }
}
