package org.qdl.sim.noise;

import java.util.function.Consumer;
import org.qdl.sim.Bits;
import org.qdl.sim.ComplexMatrix;
import org.qdl.sim.DiagonalObservable;
import org.qdl.sim.HermitianObservable;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.Observable;
import org.qdl.sim.Parallel;
import org.qdl.sim.PauliString;
import org.qdl.sim.PauliSum;
import org.qdl.sim.StateVector;

/**
 * A density matrix ρ of n ≤ {@value #MAX_QUBITS} qubits, dense and row-major (ρ_{rc} at r·d + c,
 * qubit 0 the least significant bit of r and c): the exact reference for noisy circuits.
 *
 * <p>Unitaries come as any operation on a state vector (a gate, a layer): UρU† is formed by
 * applying it to every column of ρ (Uρ), taking the adjoint, and applying it again (U(Uρ)† = UρU†
 * as ρ is Hermitian). So every existing kernel works on density matrices unchanged. Channels are
 * applied exactly: Σ_k K_k ρ K_k† on the 2×2 blocks of each qubit.
 */
public final class DensityMatrix {
    public static final int MAX_QUBITS = 12;

    private final int n;
    private final int d;
    private final double[] re;
    private final double[] im;

    private DensityMatrix(int n) {
        if (n < 0 || n > MAX_QUBITS) throw new InvalidInputException("density matrices are limited to " + MAX_QUBITS + " qubits, got " + n);
        this.n = n;
        this.d = 1 << n;
        this.re = new double[d * d];
        this.im = new double[d * d];
    }

    /** |ψ⟩⟨ψ| (ψ normalised by the caller). */
    public static DensityMatrix pure(StateVector psi) {
        DensityMatrix m = new DensityMatrix(psi.numQubits());
        double[] pr = psi.realArray(), pi = psi.imagArray();
        int d = m.d;
        Parallel.forRange(d, (a, b) -> {
            for (int r = a; r < b; r++) {
                for (int c = 0; c < d; c++) {
                    m.re[r * d + c] = pr[r] * pr[c] + pi[r] * pi[c];
                    m.im[r * d + c] = pi[r] * pr[c] - pr[r] * pi[c];
                }
            }
        });
        return m;
    }

    public int numQubits() {
        return n;
    }

    public double re(int r, int c) {
        return re[r * d + c];
    }

    public double im(int r, int c) {
        return im[r * d + c];
    }

    /** ρ ← UρU† for a unitary given as an operation on n-qubit state vectors. */
    public void applyUnitary(Consumer<StateVector> u) {
        applyToColumns(u);
        adjointInPlace();
        applyToColumns(u);
    }

    private void applyToColumns(Consumer<StateVector> u) {
        StateVector col = StateVector.zeros(n);
        for (int c = 0; c < d; c++) {
            double[] cr = col.realArray(), ci = col.imagArray();
            for (int r = 0; r < d; r++) {
                cr[r] = re[r * d + c];
                ci[r] = im[r * d + c];
            }
            u.accept(col);
            if (col.numQubits() != n) throw new IllegalStateException("the operation changed the register size");
            double[] outR = col.realArray(), outI = col.imagArray(); // the operation may swap buffers
            for (int r = 0; r < d; r++) {
                re[r * d + c] = outR[r];
                im[r * d + c] = outI[r];
            }
        }
    }

    private void adjointInPlace() {
        for (int r = 0; r < d; r++) {
            im[r * d + r] = -im[r * d + r];
            for (int c = r + 1; c < d; c++) {
                int a = r * d + c, b = c * d + r;
                double t = re[a];
                re[a] = re[b];
                re[b] = t;
                double ti = im[a];
                im[a] = -im[b];
                im[b] = -ti;
            }
        }
    }

    /** Applies a channel to the given qubits (a Pauli or Kraus channel to each, global depolarising to all together). */
    public void apply(Channel channel, int... qubits) {
        for (int q : qubits) if (q < 0 || q >= n) throw new InvalidInputException("noise names qubit " + q + " but the register has qubits 0.." + (n - 1));
        if (channel instanceof GlobalDepolarizing g) {
            applyGlobalDepolarizing(g.p(), qubits);
            return;
        }
        ComplexMatrix[] ops;
        if (channel instanceof PauliChannel p) {
            double[] pr = p.probabilities();
            ops = new ComplexMatrix[] {ComplexMatrix.identity(2).scale(new org.qdl.sim.Complex(Math.sqrt(pr[0]), 0)),
                    org.qdl.sim.Gates.pauli('X').scale(new org.qdl.sim.Complex(Math.sqrt(pr[1]), 0)),
                    org.qdl.sim.Gates.pauli('Y').scale(new org.qdl.sim.Complex(Math.sqrt(pr[2]), 0)),
                    org.qdl.sim.Gates.pauli('Z').scale(new org.qdl.sim.Complex(Math.sqrt(pr[3]), 0))};
        } else {
            ops = ((KrausChannel) channel).operators().toArray(new ComplexMatrix[0]);
        }
        for (int q : qubits) applyKraus(ops, q);
    }

    /** ρ ← Σ_k K_k ρ K_k† on qubit q: every 2×2 block (rows r0, r1; columns c0, c1 differing in bit q). */
    private void applyKraus(ComplexMatrix[] ops, int q) {
        final int bit = 1 << q, half = d >>> 1;
        Parallel.forRange(half, (a, b) -> {
            double[] br = new double[4], bi = new double[4], or = new double[4], oi = new double[4];
            for (int pr = a; pr < b; pr++) {
                int r0 = ((pr >>> q) << (q + 1)) | (pr & (bit - 1)), r1 = r0 | bit;
                for (int pc = 0; pc < half; pc++) {
                    int c0 = ((pc >>> q) << (q + 1)) | (pc & (bit - 1)), c1 = c0 | bit;
                    int[] idx = {r0 * d + c0, r0 * d + c1, r1 * d + c0, r1 * d + c1};
                    for (int e = 0; e < 4; e++) {
                        br[e] = re[idx[e]];
                        bi[e] = im[idx[e]];
                        or[e] = 0;
                        oi[e] = 0;
                    }
                    for (ComplexMatrix k : ops) accumulate(k, br, bi, or, oi);
                    for (int e = 0; e < 4; e++) {
                        re[idx[e]] = or[e];
                        im[idx[e]] = oi[e];
                    }
                }
            }
        });
    }

    /** out += K B K† for 2×2 B (row-major arrays). */
    private static void accumulate(ComplexMatrix k, double[] br, double[] bi, double[] or, double[] oi) {
        double[] tr = new double[4], ti = new double[4];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double sr = 0, si = 0;
                for (int m = 0; m < 2; m++) {
                    double kr = k.re(i, m), ki = k.im(i, m), xr = br[m * 2 + j], xi = bi[m * 2 + j];
                    sr += kr * xr - ki * xi;
                    si += kr * xi + ki * xr;
                }
                tr[i * 2 + j] = sr;
                ti[i * 2 + j] = si;
            }
        }
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double sr = 0, si = 0;
                for (int m = 0; m < 2; m++) {
                    // (T K†)_{ij} = Σ_m T_{im} conj(K_{jm})
                    double kr = k.re(j, m), ki = -k.im(j, m), xr = tr[i * 2 + m], xi = ti[i * 2 + m];
                    sr += xr * kr - xi * ki;
                    si += xr * ki + xi * kr;
                }
                or[i * 2 + j] += sr;
                oi[i * 2 + j] += si;
            }
        }
    }

    /** ρ ← (1 − p)ρ + p·Tr_Q(ρ) ⊗ I/2^{|Q|} on the qubits Q (all of them: (1 − p)ρ + p·I/d). */
    private void applyGlobalDepolarizing(double p, int[] qubits) {
        int mask = 0;
        for (int q : qubits) mask |= 1 << q;
        final int qm = mask;
        final double dq = 1 << Integer.bitCount(mask);
        // Partial trace over Q, then spread back: entries with equal Q-bits in row and column get the block trace.
        double[] tre = new double[d * d], tim = new double[d * d];
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < d; c++) {
                if (((r ^ c) & qm) != 0) continue;
                int rr = r & ~qm, cc = c & ~qm;
                tre[rr * d + cc] += re[r * d + c];
                tim[rr * d + cc] += im[r * d + c];
            }
        }
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < d; c++) {
                int i = r * d + c;
                double ar = (1 - p) * re[i], ai = (1 - p) * im[i];
                if (((r ^ c) & qm) == 0) {
                    int j = (r & ~qm) * d + (c & ~qm);
                    ar += p * tre[j] / dq;
                    ai += p * tim[j] / dq;
                }
                re[i] = ar;
                im[i] = ai;
            }
        }
    }

    public double trace() {
        double t = 0;
        for (int i = 0; i < d; i++) t += re[i * d + i];
        return t;
    }

    /** Tr(ρ²). */
    public double purity() {
        double s = 0;
        for (int i = 0; i < d * d; i++) s += re[i] * re[i] + im[i] * im[i];
        return s;
    }

    /** max |ρ_{rc} − conj(ρ_{cr})|. */
    public double hermiticityError() {
        double e = 0;
        for (int r = 0; r < d; r++) {
            for (int c = r; c < d; c++) {
                e = Math.max(e, Math.hypot(re[r * d + c] - re[c * d + r], im[r * d + c] + im[c * d + r]));
            }
        }
        return e;
    }

    /** Diagonal: the probabilities of the basis outcomes. */
    public double[] probabilities() {
        double[] p = new double[d];
        for (int i = 0; i < d; i++) p[i] = re[i * d + i];
        return p;
    }

    /** Tr(Oρ) for a Pauli string, Pauli sum, diagonal or Hermitian observable. */
    public double expectation(Observable o) {
        o.requireFits(n);
        if (o instanceof PauliString p) return pauliExpectation(p);
        if (o instanceof PauliSum s) {
            double e = 0;
            for (PauliSum.Term t : s.terms()) e += t.coefficient() * pauliExpectation(t.pauli());
            return e;
        }
        if (o instanceof DiagonalObservable dg) {
            double e = 0;
            for (int i = 0; i < d; i++) e += dg.values()[Bits.extract(i, dg.qubits())] * re[i * d + i];
            return e;
        }
        if (o instanceof HermitianObservable h) return hermitianExpectation(h);
        throw new InvalidInputException("the density-matrix backend cannot evaluate an observable of type " + o.getClass().getSimpleName());
    }

    /** Tr(Pρ) = Σ_j i^{nY} (−1)^{|j ∧ z|} ρ_{j, j⊕x} (P|j⟩ = i^{nY}(−1)^{|j∧z|}|j⊕x⟩). */
    private double pauliExpectation(PauliString p) {
        int x = p.xMask(), z = p.zMask();
        double sr = 0, si = 0;
        for (int j = 0; j < d; j++) {
            double sg = (Integer.bitCount(j & z) & 1) == 0 ? 1 : -1;
            sr += sg * re[j * d + (j ^ x)];
            si += sg * im[j * d + (j ^ x)];
        }
        org.qdl.sim.Complex w = p.phase();
        return w.re() * sr - w.im() * si;
    }

    /** Tr(Hρ) = Σ_rest Σ_{a,b} H_{ab} ρ_{(b,rest),(a,rest)}. */
    private double hermitianExpectation(HermitianObservable h) {
        int[] qs = h.qubits();
        int[] sortedQ = Bits.sorted(qs);
        int[] off = Bits.offsets(qs);
        int k = off.length;
        ComplexMatrix m = h.matrix();
        double e = 0;
        for (int p = 0; p < d >>> qs.length; p++) {
            int base = Bits.insertZeros(p, sortedQ);
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    int i = (base + off[b]) * d + base + off[a];
                    e += m.re(a, b) * re[i] - m.im(a, b) * im[i];
                }
            }
        }
        return e;
    }
}
