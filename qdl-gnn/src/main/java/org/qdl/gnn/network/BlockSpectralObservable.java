package org.qdl.gnn.network;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.qdl.protocol.SampledObservable;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.state.StateVector;

/**
 * O = Σ_k |k⟩⟨k|_hop ⊗ I_node ⊗ M_k with each M_k a real symmetric matrix on the feature register,
 * given by its non-zero eigenpairs (M_k = E_k diag(λ_k) E_kᵀ, orthonormal columns). Measuring it is
 * a projective measurement in the eigenbasis of the M_k (the holder rotates the feature register
 * into that basis, conditioned on the hop register, and reads the eigenvalue; the complement of the
 * eigenvectors reads 0). The outcome probabilities p_{k,i} = Σ_v |⟨e_{k,i}|ψ_{k,v}⟩|² are computed
 * from the state vector the holder received.
 */
public final class BlockSpectralObservable implements SampledObservable {
    private final SignRegisterLayout layout;
    private final double[][] eigenvalues;
    private final DMatrixRMaj[] eigenvectors; // liftedFeatures × r_k
    private final double lo;
    private final double hi;

    public BlockSpectralObservable(SignRegisterLayout layout, double[][] eigenvalues, DMatrixRMaj[] eigenvectors) {
        if (eigenvalues.length != layout.hops() || eigenvectors.length != layout.hops()) {
            throw new InvalidInputException("need one eigensystem per hop (" + layout.hops() + ")");
        }
        double l = 0, h = 0; // 0 is always an outcome (the complement of the eigenvectors)
        for (int k = 0; k < eigenvalues.length; k++) {
            if (eigenvectors[k].numRows != layout.liftedFeatures() || eigenvectors[k].numCols != eigenvalues[k].length) {
                throw new InvalidInputException("hop " + k + ": eigenvector matrix is " + eigenvectors[k].numRows + "×"
                        + eigenvectors[k].numCols + ", expected " + layout.liftedFeatures() + "×" + eigenvalues[k].length);
            }
            for (double v : eigenvalues[k]) {
                l = Math.min(l, v);
                h = Math.max(h, v);
            }
        }
        this.layout = layout;
        this.eigenvalues = eigenvalues;
        this.eigenvectors = eigenvectors;
        this.lo = l;
        this.hi = h;
    }

    public SignRegisterLayout layout() {
        return layout;
    }

    /** Unnormalised outcome weights: per hop k, p[k][i] for eigenvalue i; the last entry of the result is Σ|ψ|². */
    double[][] weights(StateVector psi) {
        if (psi.numQubits() != layout.totalQubits()) {
            throw new InvalidInputException("observable expects a " + layout.totalQubits() + "-qubit register, got " + psi.numQubits());
        }
        double[] re = psi.realArray(), im = psi.imagArray();
        int rows = 1 << layout.nodeQubits();
        int fl = layout.liftedFeatures();
        double[][] p = new double[layout.hops() + 1][];
        DMatrixRMaj block = new DMatrixRMaj(rows, fl);
        for (int k = 0; k < layout.hops(); k++) {
            int r = eigenvalues[k].length;
            p[k] = new double[r];
            for (double[] part : new double[][] {re, im}) {
                boolean any = false;
                for (int v = 0; v < rows; v++) {
                    int base = layout.index(k, v, 0);
                    System.arraycopy(part, base, block.data, v * fl, fl);
                    if (!any) for (int f = 0; f < fl; f++) any |= part[base + f] != 0;
                }
                if (!any || r == 0) continue;
                DMatrixRMaj proj = new DMatrixRMaj(rows, r);
                CommonOps_DDRM.mult(block, eigenvectors[k], proj);
                for (int v = 0; v < rows; v++) for (int i = 0; i < r; i++) {
                    double a = proj.data[v * r + i];
                    p[k][i] += a * a;
                }
            }
        }
        p[layout.hops()] = new double[] {psi.normSquared()};
        return p;
    }

    @Override
    public double expectation(StateVector psi) {
        double[][] p = weights(psi);
        double e = 0;
        for (int k = 0; k < layout.hops(); k++) for (int i = 0; i < p[k].length; i++) e += eigenvalues[k][i] * p[k][i];
        return e;
    }

    @Override
    public double[] sample(StateVector psi, int shots, RandomGenerator rng) {
        double[][] p = weights(psi);
        int outcomes = 1;
        for (int k = 0; k < layout.hops(); k++) outcomes += p[k].length;
        double[] value = new double[outcomes], cum = new double[outcomes];
        double acc = 0;
        int o = 0;
        for (int k = 0; k < layout.hops(); k++) {
            for (int i = 0; i < p[k].length; i++) {
                acc += p[k][i];
                value[o] = eigenvalues[k][i];
                cum[o++] = acc;
            }
        }
        double total = p[layout.hops()][0];
        if (!(total > 0)) throw new InvalidInputException("cannot measure a state of norm 0");
        value[o] = 0; // the eigenvalue-0 complement takes the remaining weight
        cum[o] = Math.max(acc, total);
        double[] out = new double[shots];
        for (int s = 0; s < shots; s++) {
            double u = rng.nextDouble() * cum[outcomes - 1];
            int idx = Arrays.binarySearch(cum, u);
            idx = idx >= 0 ? idx + 1 : -idx - 1;
            out[s] = value[Math.min(idx, outcomes - 1)];
        }
        return out;
    }

    @Override
    public double[] outcomeRange() {
        return new double[] {lo, hi};
    }

    @Override
    public int[] support() {
        int[] q = new int[layout.totalQubits()];
        for (int i = 0; i < q.length; i++) q[i] = i;
        return q;
    }

    @Override
    public double normBound() {
        return Math.max(-lo, hi);
    }

    @Override
    public String toString() {
        return "block-spectral[" + layout.hops() + " hops]";
    }
}
