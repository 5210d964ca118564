package org.qdl.sim.measurement;

import org.qdl.sim.gate.Gates;
import org.qdl.sim.gate.MatrixGate;
import org.qdl.sim.state.StateVector;

/** Rotates a product Pauli basis to the computational one, so that sampling bits measures it. */
final class PauliBasisChange {
    private PauliBasisChange() {}

    /** Each qubit with letter X (x bit only) gets H, with Y (both bits) S†·then·H; Z and I are left. */
    static void toZ(StateVector s, int xMask, int zMask) {
        for (int q = 0; q < s.numQubits(); q++) {
            boolean xb = (xMask >>> q & 1) != 0, zb = (zMask >>> q & 1) != 0;
            if (xb && !zb) MatrixGate.of("h", Gates.H, q).apply(s);
            else if (xb) MatrixGate.of("sdg·h", Gates.H.times(Gates.SDG), q).apply(s);
        }
    }

    /** Parity (±1) of the outcome bits under {@code mask}. */
    static int parity(int outcome, int mask) {
        return (Integer.bitCount(outcome & mask) & 1) == 0 ? 1 : -1;
    }
}
