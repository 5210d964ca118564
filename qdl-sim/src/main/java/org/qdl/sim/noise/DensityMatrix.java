package org.qdl.sim.noise;

import java.util.function.Consumer;
import org.qdl.sim.Bits;
import org.qdl.sim.state.ComplexMatrix;
import org.qdl.sim.observable.DiagonalObservable;
import org.qdl.sim.observable.HermitianObservable;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.observable.Observable;
import org.qdl.sim.Parallel;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.observable.PauliSum;
import org.qdl.sim.state.StateVector;

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
    /** ρ as a 2n-qubit vector: ρ_{rc} at r·d + c, so qubits 0..n−1 index the column c. */
    private final StateVector vec;
    private double[] re;
    private double[] im;

    private DensityMatrix(int n) {
        if (n < 0 || n > MAX_QUBITS) throw new InvalidInputException("density matrices are limited to " + MAX_QUBITS + " qubits, got " + n);
        this.n = n;
        this.d = 1 << n;
        this.vec = StateVector.zeros(2 * n);
        refresh();
    }

    /** Kernels may swap the vector's buffers: re-read them after every operation on it. */
    private void refresh() {
        re = vec.realArray();
        im = vec.imagArray();
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

    /**
     * ρ ← UρU† for a unitary given as an operation that acts on qubits 0..n−1 of the register it is
     * handed, whatever its size (as gates and layers do). With ρ stored row-major, those qubits index
     * the column, so one application maps ρ to ρU^T. As ρ is Hermitian (conj(ρ) = ρ^T): conjugate,
     * apply (ρ^T U^T = (Uρ)^T), adjoint (conj(Uρ)), apply (conj(UρU†)), conjugate: UρU†. Two
     * passes of the operation over the d²-vector, so every kernel (and its threads) works unchanged.
     */
    public void applyUnitary(Consumer<StateVector> u) {
        conjugateInPlace();
        u.accept(vec);
        refresh();
        adjointInPlace();
        u.accept(vec);
        refresh();
        conjugateInPlace();
    }

    private void conjugateInPlace() {
        for (int i = 0; i < im.length; i++) im[i] = -im[i];
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
            ops = new ComplexMatrix[] {ComplexMatrix.identity(2).scale(new org.qdl.sim.state.Complex(Math.sqrt(pr[0]), 0)),
                    org.qdl.sim.gate.Gates.pauli('X').scale(new org.qdl.sim.state.Complex(Math.sqrt(pr[1]), 0)),
                    org.qdl.sim.gate.Gates.pauli('Y').scale(new org.qdl.sim.state.Complex(Math.sqrt(pr[2]), 0)),
                    org.qdl.sim.gate.Gates.pauli('Z').scale(new org.qdl.sim.state.Complex(Math.sqrt(pr[3]), 0))};
        } else {
            ops = ((KrausChannel) channel).operators().toArray(new ComplexMatrix[0]);
        }
        for (int q : qubits) applyKraus(ops, q);
    }

    /**
     * ρ ← Σ_k K_k ρ K_k† on qubit q. On each 2×2 block B (rows r0, r1 and columns c0, c1 that differ
     * only in bit q) the channel is linear: B'_{ij} = Σ_{ab} S_{ij,ab} B_{ab} with
     * S_{ij,ab} = Σ_k K_{ia} conj(K_{jb}), precomputed once.
     */
    private void applyKraus(ComplexMatrix[] ops, int q) {
        final double[] sr = new double[16], si = new double[16];
        for (ComplexMatrix k : ops) {
            for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) for (int a = 0; a < 2; a++) for (int b = 0; b < 2; b++) {
                double xr = k.re(i, a), xi = k.im(i, a), yr = k.re(j, b), yi = -k.im(j, b);
                int e = (i * 2 + j) * 4 + a * 2 + b;
                sr[e] += xr * yr - xi * yi;
                si[e] += xr * yi + xi * yr;
            }
        }
        final int bit = 1 << q, half = d >>> 1;
        Parallel.forRange(half, (from, to) -> {
            int[] idx = new int[4];
            double[] br = new double[4], bi = new double[4];
            for (int pr = from; pr < to; pr++) {
                int r0 = ((pr >>> q) << (q + 1)) | (pr & (bit - 1)), r1 = r0 | bit;
                for (int pc = 0; pc < half; pc++) {
                    int c0 = ((pc >>> q) << (q + 1)) | (pc & (bit - 1)), c1 = c0 | bit;
                    idx[0] = r0 * d + c0;
                    idx[1] = r0 * d + c1;
                    idx[2] = r1 * d + c0;
                    idx[3] = r1 * d + c1;
                    for (int e = 0; e < 4; e++) {
                        br[e] = re[idx[e]];
                        bi[e] = im[idx[e]];
                    }
                    for (int e = 0; e < 4; e++) {
                        double or = 0, oi = 0;
                        for (int f = 0; f < 4; f++) {
                            double mr = sr[e * 4 + f], mi = si[e * 4 + f];
                            or += mr * br[f] - mi * bi[f];
                            oi += mr * bi[f] + mi * br[f];
                        }
                        re[idx[e]] = or;
                        im[idx[e]] = oi;
                    }
                }
            }
        });
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
        org.qdl.sim.state.Complex w = p.phase();
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
