package org.qdl.sim.gate;

import org.qdl.sim.state.ComplexMatrix;

/**
 * The relative-phase Toffolis of qelib1.inc have no tidy closed form, so their matrices are
 * multiplied out here from qelib1's own gate sequences (h = u2(0,π), u1(±π/4), cx).
 */
final class Qelib1Decompositions {
    private Qelib1Decompositions() {}

    /** rccx a,b,c (a = qubit 0 of the matrix index). */
    static final ComplexMatrix RCCX;
    /** rc3x a,b,c,d. */
    static final ComplexMatrix RC3X;

    static {
        Circuit c = new Circuit(3);
        int a = 0, b = 1, t = 2;
        c.h(t).u1(t, Math.PI / 4).cx(b, t).u1(t, -Math.PI / 4).cx(a, t).u1(t, Math.PI / 4).cx(b, t)
                .u1(t, -Math.PI / 4).h(t);
        RCCX = c.unitary();

        Circuit d = new Circuit(4);
        int cc = 2, tt = 3;
        d.h(tt).u1(tt, Math.PI / 4).cx(cc, tt).u1(tt, -Math.PI / 4).h(tt)
                .cx(a, tt).u1(tt, Math.PI / 4).cx(b, tt).u1(tt, -Math.PI / 4)
                .cx(a, tt).u1(tt, Math.PI / 4).cx(b, tt).u1(tt, -Math.PI / 4)
                .h(tt).u1(tt, Math.PI / 4).cx(cc, tt).u1(tt, -Math.PI / 4).h(tt);
        RC3X = d.unitary();
    }
}
