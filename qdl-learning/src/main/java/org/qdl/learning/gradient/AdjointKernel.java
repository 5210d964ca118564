package org.qdl.learning.gradient;

import org.qdl.sim.DiagonalGate;
import org.qdl.sim.Kernels;
import org.qdl.sim.Parallel;
import org.qdl.sim.PauliString;
import org.qdl.sim.StateVector;

/**
 * The backward step of adjoint differentiation: Im⟨λ|Gψ⟩ in one read-only pass over both states,
 * then R† = exp(+iθG/2) on each with the simulator's rotation kernel. (A single fused read-write
 * pass was measured slower: its loop body is too large for the JIT to keep in registers.) Chunking
 * is fixed (Parallel.sum2), so the result does not depend on the thread count.
 */
final class AdjointKernel {
    private AdjointKernel() {}

    /** Returns Im⟨λ|Gψ⟩ and replaces ψ, λ by R†ψ, R†λ. */
    static double gradientAndUndo(StateVector psi, StateVector lambda, PauliString g, double theta) {
        if (g.xMask() == 0) return diagonalGradientAndUndo(psi, lambda, g, theta);
        double im = imInner(lambda, g, psi);
        Kernels.applyPauliRotation(psi, g, -theta);
        Kernels.applyPauliRotation(lambda, g, -theta);
        return im;
    }

    /**
     * Diagonal G (a Z-string): the inner product and both undos touch each index once, so they share
     * one pass. (Gψ)_j = s_j ψ_j and R† multiplies amplitude j by cos(θ/2) + i s_j sin(θ/2).
     */
    static double diagonalGradientAndUndo(StateVector psi, StateVector lambda, PauliString g, double theta) {
        final double c = Math.cos(theta / 2), sn = Math.sin(theta / 2);
        final double[] pr = psi.realArray(), pi = psi.imagArray(), lr = lambda.realArray(), li = lambda.imagArray();
        final int z = g.zMask();
        double[] s = Parallel.sum2(psi.dimension(), (a, b, out) -> {
            double im = 0;
            for (int j = a; j < b; j++) {
                double sg = (Integer.bitCount(j & z) & 1) == 0 ? 1 : -1;
                double xr = pr[j], xi = pi[j], yr = lr[j], yi = li[j];
                im += sg * (yr * xi - yi * xr); // Im(conj(λ_j) s_j ψ_j)
                double ph = sg * sn;
                pr[j] = c * xr - ph * xi;
                pi[j] = c * xi + ph * xr;
                lr[j] = c * yr - ph * yi;
                li[j] = c * yi + ph * yr;
            }
            out[1] += im;
        });
        return s[1];
    }

    /** Im⟨λ|Gψ⟩ = Im Σ_j conj(λ_{j⊕x}) ω s_j ψ_j with G|j⟩ = ω s_j |j⊕x⟩. */
    static double imInner(StateVector lambda, PauliString g, StateVector psi) {
        final double[] pr = psi.realArray(), pi = psi.imagArray(), lr = lambda.realArray(), li = lambda.imagArray();
        final int x = g.xMask(), z = g.zMask();
        // Σ_j s_j conj(λ_{j⊕x}) ψ_j, then multiplied by ω
        double[] s = Parallel.sum2(psi.dimension(), (a, b, out) -> {
            double sr = 0, si = 0;
            for (int j = a; j < b; j++) {
                int k = j ^ x;
                double sg = (Integer.bitCount(j & z) & 1) == 0 ? 1 : -1;
                sr += sg * (lr[k] * pr[j] + li[k] * pi[j]);
                si += sg * (lr[k] * pi[j] - li[k] * pr[j]);
            }
            out[0] += sr;
            out[1] += si;
        });
        double wr = g.phase().re(), wi = g.phase().im();
        return wr * s[1] + wi * s[0];
    }

    /**
     * Undoes a diagonal gate on both states in one pass (its inverse has the negated phases), with
     * the basis-index bits of the gate's qubits read once per amplitude.
     */
    static void undoDiagonal(StateVector psi, StateVector lambda, DiagonalGate g) {
        final int[] q = g.qubits();
        final double[] ph = g.phases();
        final double[] c = new double[ph.length], sn = new double[ph.length];
        for (int m = 0; m < ph.length; m++) {
            c[m] = Math.cos(ph[m]);
            sn[m] = -Math.sin(ph[m]);
        }
        final double[] pr = psi.realArray(), pi = psi.imagArray(), lr = lambda.realArray(), li = lambda.imagArray();
        final int q0 = q.length > 0 ? q[0] : 0, q1 = q.length > 1 ? q[1] : 0;
        final boolean small = q.length <= 2;
        Parallel.forRange(psi.dimension(), (a, b) -> {
            for (int i = a; i < b; i++) {
                int m;
                if (small) m = q.length == 0 ? 0 : ((i >>> q0) & 1) | (q.length == 2 ? ((i >>> q1) & 1) << 1 : 0);
                else {
                    m = 0;
                    for (int t = 0; t < q.length; t++) m |= ((i >>> q[t]) & 1) << t;
                }
                double cr = c[m], ci = sn[m];
                if (ci == 0 && cr == 1) continue;
                double xr = pr[i], xi = pi[i];
                pr[i] = cr * xr - ci * xi;
                pi[i] = cr * xi + ci * xr;
                double yr = lr[i], yi = li[i];
                lr[i] = cr * yr - ci * yi;
                li[i] = cr * yi + ci * yr;
            }
        });
    }
}
