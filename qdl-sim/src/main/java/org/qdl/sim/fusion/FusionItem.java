package org.qdl.sim.fusion;

import org.qdl.sim.Bits;
import org.qdl.sim.state.ComplexMatrix;
import org.qdl.sim.gate.DiagonalGate;
import org.qdl.sim.gate.Gate;
import org.qdl.sim.gate.MatrixGate;
import org.qdl.sim.gate.PauliRotation;

/**
 * A gate as the scheduler sees it: diagonal (applicable in any block, commutes with other
 * diagonals), dense on targets with controls (targets must lie in the block; controls need not), or
 * unfusable (applied on its own).
 */
final class FusionItem {
    /** Diagonals on more qubits than this are not tabulated per block. */
    static final int MAX_DIAGONAL_QUBITS = 12;
    /** Pauli rotations with an X/Y part on at most this many qubits become dense block ops. */
    static final int MAX_PAULI_DENSE = 3;

    final Gate gate;
    final boolean diagonal;
    final boolean fusable;
    final int touched;
    final int targetMask;
    // dense: targets, controls, row-major matrix; diagonal: qubits and phases
    final int[] qubits;
    final int[] controls;
    final double[] re, im;

    private FusionItem(Gate gate, boolean diagonal, boolean fusable, int[] qubits, int[] controls, double[] re, double[] im) {
        this.gate = gate;
        this.diagonal = diagonal;
        this.fusable = fusable;
        this.qubits = qubits;
        this.controls = controls;
        this.re = re;
        this.im = im;
        this.touched = gate == null ? Bits.mask(qubits) : Bits.mask(gate.qubits());
        this.targetMask = diagonal || !fusable ? 0 : Bits.mask(qubits);
    }

    static FusionItem of(Gate g, int maxTargets) {
        if (g instanceof DiagonalGate d) {
            if (d.qubits().length <= MAX_DIAGONAL_QUBITS) {
                double[] ph = d.phases();
                double[] pr = new double[ph.length], pi = new double[ph.length];
                for (int m = 0; m < ph.length; m++) {
                    pr[m] = Math.cos(ph[m]);
                    pi[m] = Math.sin(ph[m]);
                }
                return new FusionItem(g, true, true, d.qubits(), new int[0], pr, pi);
            }
        } else if (g instanceof MatrixGate m) {
            int all = m.targets().length + m.controls().length;
            if (isDiagonal(m.unitary()) && all <= MAX_DIAGONAL_QUBITS) return diagonalOf(g);
            if (m.targets().length <= maxTargets) {
                ComplexMatrix u = m.unitary();
                return new FusionItem(g, false, true, m.targets().clone(), m.controls().clone(), u.realPart(), u.imagPart());
            }
        } else if (g instanceof PauliRotation p) {
            int x = p.pauli().xMask();
            if (x == 0 && g.qubits().length <= MAX_DIAGONAL_QUBITS) return diagonalOf(g);
            if (x != 0 && g.qubits().length <= Math.min(MAX_PAULI_DENSE, maxTargets)) {
                ComplexMatrix u = g.matrix();
                return new FusionItem(g, false, true, g.qubits(), new int[0], u.realPart(), u.imagPart());
            }
        }
        return new FusionItem(g, false, false, g.qubits(), new int[0], null, null);
    }

    /** Largest qubit set of a diagonal made by {@link #mergeDiagonals}. */
    static final int MAX_MERGED_DIAGONAL = 10;

    /**
     * Diagonal items merged into earlier diagonal ones (the product of their phases on the union of
     * their qubits, up to {@link #MAX_MERGED_DIAGONAL} qubits), so that e.g. a layer of CZs and the
     * RZs around it cost one sweep over a block instead of one per gate. A diagonal moves back to
     * the latest diagonal with room, past dense items on other qubits and past other diagonals (it
     * commutes with both); a dense item on one of its qubits stops it. Dense items keep their order.
     */
    static java.util.List<FusionItem> mergeDiagonals(java.util.List<FusionItem> items) {
        java.util.List<FusionItem> out = new java.util.ArrayList<>();
        for (FusionItem it : items) {
            int at = -1;
            if (it.diagonal) {
                for (int j = out.size() - 1; j >= 0; j--) {
                    FusionItem o = out.get(j);
                    if (o.diagonal && Integer.bitCount(o.touched | it.touched) <= MAX_MERGED_DIAGONAL) {
                        at = j;
                        break;
                    }
                    if (!o.diagonal && (o.touched & it.touched) != 0) break;
                }
            }
            if (at >= 0) out.set(at, product(out.get(at), it));
            else out.add(it);
        }
        return out;
    }

    /** The diagonal a·b on a's qubits followed by b's new ones. */
    private static FusionItem product(FusionItem a, FusionItem b) {
        int[] q = java.util.Arrays.copyOf(a.qubits, Integer.bitCount(a.touched | b.touched));
        int k = a.qubits.length;
        for (int x : b.qubits) if ((a.touched & 1 << x) == 0) q[k++] = x;
        int[] bAt = new int[b.qubits.length]; // position of each of b's qubits in q
        for (int t = 0; t < b.qubits.length; t++) for (int u = 0; u < q.length; u++) if (q[u] == b.qubits[t]) bAt[t] = u;
        int amask = (1 << a.qubits.length) - 1;
        double[] re = new double[1 << q.length], im = new double[re.length];
        for (int m = 0; m < re.length; m++) {
            int mb = 0;
            for (int t = 0; t < bAt.length; t++) mb |= (m >>> bAt[t] & 1) << t;
            double ar = a.re[m & amask], ai = a.im[m & amask], br = b.re[mb], bi = b.im[mb];
            re[m] = ar * br - ai * bi;
            im[m] = ar * bi + ai * br;
        }
        return new FusionItem(null, true, true, q, new int[0], re, im);
    }

    private static FusionItem diagonalOf(Gate g) {
        ComplexMatrix u = g.matrix();
        int d = u.dim();
        double[] pr = new double[d], pi = new double[d];
        for (int i = 0; i < d; i++) {
            pr[i] = u.re(i, i);
            pi[i] = u.im(i, i);
        }
        return new FusionItem(g, true, true, g.qubits(), new int[0], pr, pi);
    }

    private static boolean isDiagonal(ComplexMatrix u) {
        for (int r = 0; r < u.dim(); r++) {
            for (int c = 0; c < u.dim(); c++) if (r != c && (u.re(r, c) != 0 || u.im(r, c) != 0)) return false;
        }
        return true;
    }

    /** This gate on a block whose qubits are {@code blockQubits} (ascending). */
    BlockOp toBlockOp(int[] blockQubits) {
        int[] local = new int[32];
        java.util.Arrays.fill(local, -1);
        for (int t = 0; t < blockQubits.length; t++) local[blockQubits[t]] = t;
        if (diagonal) {
            int nl = 0;
            for (int q : qubits) if (local[q] >= 0) nl++;
            int[] lq = new int[nl], lat = new int[nl], oq = new int[qubits.length - nl], oat = new int[qubits.length - nl];
            for (int b = 0, i = 0, o = 0; b < qubits.length; b++) {
                if (local[qubits[b]] >= 0) {
                    lq[i] = local[qubits[b]];
                    lat[i++] = b;
                } else {
                    oq[o] = qubits[b];
                    oat[o++] = b;
                }
            }
            return new DiagonalBlockOp(lq, lat, oq, oat, re, im);
        }
        int[] lt = new int[qubits.length];
        for (int b = 0; b < qubits.length; b++) lt[b] = local[qubits[b]];
        int lc = 0, oc = 0;
        for (int c : controls) {
            if (local[c] >= 0) lc |= 1 << local[c];
            else oc |= 1 << c;
        }
        return new DenseBlockOp(lt, lc, oc, re, im);
    }
}
