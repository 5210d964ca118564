package org.qdl.sim.observable;

import org.qdl.sim.Bits;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.Parallel;
import org.qdl.sim.state.ComplexMatrix;
import org.qdl.sim.state.StateVector;

import java.util.Arrays;

/** A dense Hermitian matrix on a subset of qubits (qubits[0] the least significant bit of its index). */
public record HermitianObservable(int[] qubits, ComplexMatrix matrix) implements Observable {
    public static final double HERMITIAN_TOLERANCE = 1e-9;

    public HermitianObservable {
        qubits = qubits.clone();
        if (matrix.dim() != 1 << qubits.length) {
            throw new InvalidInputException("a " + matrix.dim() + "×" + matrix.dim() + " observable cannot act on " + qubits.length + " qubit(s)");
        }
        double err = matrix.hermiticityError();
        if (!(err <= HERMITIAN_TOLERANCE)) {
            throw new InvalidInputException(String.format("observable matrix is not Hermitian: max |H − H†| = %.3g exceeds %.0e", err, HERMITIAN_TOLERANCE));
        }
    }

    /** ⟨ψ|(H ⊗ I)|ψ⟩, summing v†Hv over every setting of the other qubits. */
    @Override
    public double expectation(StateVector s) {
        requireFits(s.numQubits());
        final double[] re = s.realArray(), im = s.imagArray();
        final int[] sortedQ = Bits.sorted(qubits);
        final int[] off = Bits.offsets(qubits);
        final int d = off.length;
        return Parallel.sum(s.dimension() >>> qubits.length, (a, b) -> {
            double[] vr = new double[d], vi = new double[d];
            double acc = 0;
            for (int p = a; p < b; p++) {
                int base = Bits.insertZeros(p, sortedQ);
                for (int m = 0; m < d; m++) {
                    vr[m] = re[base + off[m]];
                    vi[m] = im[base + off[m]];
                }
                for (int r = 0; r < d; r++) {
                    double hr = 0, hi = 0;
                    for (int c = 0; c < d; c++) {
                        double mr = matrix.re(r, c), mi = matrix.im(r, c);
                        hr += mr * vr[c] - mi * vi[c];
                        hi += mr * vi[c] + mi * vr[c];
                    }
                    acc += vr[r] * hr + vi[r] * hi; // Re(conj(v_r) (Hv)_r)
                }
            }
            return acc;
        });
    }

    @Override
    public int[] support() {
        return qubits.clone();
    }

    /** Frobenius norm: an upper bound on the spectral norm. */
    @Override
    public double normBound() {
        double f = 0;
        for (int r = 0; r < matrix.dim(); r++) for (int c = 0; c < matrix.dim(); c++) f += matrix.get(r, c).abs2();
        return Math.sqrt(f);
    }

    @Override
    public String toString() {
        return "hermitian" + Arrays.toString(qubits);
    }
}
