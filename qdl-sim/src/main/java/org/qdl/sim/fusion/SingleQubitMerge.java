package org.qdl.sim.fusion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.qdl.sim.state.ComplexMatrix;
import org.qdl.sim.gate.Gate;
import org.qdl.sim.kernel.BlockLoops;
import org.qdl.sim.kernel.Kernels;
import org.qdl.sim.gate.MatrixGate;

/**
 * Folds 1-qubit gates into their neighbours before scheduling, so that a block pass makes fewer
 * sweeps over its block: consecutive dense 1-qubit gates on one qubit become one, and a diagonal
 * 1-qubit gate (RZ, S, T, phase) joins the nearest uncontrolled dense 1-qubit gate on its qubit,
 * found by moving through gates that commute with it (gates on other qubits and diagonal gates),
 * forward first, then backward, unless that would turn a real or RX-like gate (half the
 * multiplies) into a general one: such a diagonal is left to be merged into a run of diagonals
 * (CZs) in its pass ({@link FusionItem#mergeDiagonals}), where it costs nothing extra.
 */
final class SingleQubitMerge {
    private SingleQubitMerge() {}

    static List<Gate> apply(List<Gate> gates) {
        Gate[] g = gates.toArray(new Gate[0]);
        for (int i = 0; i < g.length; i++) {
            if (g[i] == null || g[i].qubits().length != 1) continue;
            int q = g[i].qubits()[0];
            boolean diag = isDiagonal(g[i].matrix());
            if (!diag && !isPlainSingle(g[i])) continue;
            int j = next(g, i, q, diag, +1);
            if (j >= 0 && isPlainSingle(g[j])) { // g[i] first, then g[j]
                ComplexMatrix m = g[j].matrix().times(g[i].matrix());
                if (!diag || keepsCost(g[j].matrix(), m)) {
                    g[j] = MatrixGate.of(g[j].name() + "·" + g[i].name(), m, q);
                    g[i] = null;
                    continue;
                }
            }
            if (!diag) continue;
            j = next(g, i, q, true, -1);
            if (j >= 0 && isPlainSingle(g[j])) { // g[j] first, then g[i]
                ComplexMatrix m = g[i].matrix().times(g[j].matrix());
                if (keepsCost(g[j].matrix(), m)) {
                    g[j] = MatrixGate.of(g[i].name() + "·" + g[j].name(), m, q);
                    g[i] = null;
                }
            }
        }
        List<Gate> out = new ArrayList<>(g.length);
        for (Gate x : g) if (x != null) out.add(x);
        return out;
    }

    /**
     * The index of the next gate (in direction dir) that touches q and that gate i cannot simply move
     * past, or −1. A diagonal gate i moves past other diagonal gates on q too.
     */
    private static int next(Gate[] g, int i, int q, boolean diag, int dir) {
        for (int j = i + dir; j >= 0 && j < g.length; j += dir) {
            if (g[j] == null) continue;
            int[] qs = g[j].qubits();
            if (Arrays.stream(qs).noneMatch(x -> x == q)) continue;
            if (diag && qs.length <= 8 && isDiagonal(g[j].matrix())) continue;
            return j;
        }
        return -1;
    }

    /** Whether folding a diagonal into {@code before} (giving {@code after}) keeps its kernel form's cost. */
    private static boolean keepsCost(ComplexMatrix before, ComplexMatrix after) {
        return !BlockLoops.isCheap(Kernels.coefficients(before)) || BlockLoops.isCheap(Kernels.coefficients(after));
    }

    /** An uncontrolled dense 1-qubit matrix gate. */
    private static boolean isPlainSingle(Gate g) {
        return g instanceof MatrixGate m && m.targets().length == 1 && m.controls().length == 0 && !isDiagonal(m.unitary());
    }

    private static boolean isDiagonal(ComplexMatrix u) {
        for (int r = 0; r < u.dim(); r++) {
            for (int c = 0; c < u.dim(); c++) if (r != c && (u.re(r, c) != 0 || u.im(r, c) != 0)) return false;
        }
        return true;
    }
}
