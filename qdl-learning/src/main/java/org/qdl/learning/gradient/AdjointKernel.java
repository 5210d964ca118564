package org.qdl.learning.gradient;

import org.qdl.sim.Parallel;
import org.qdl.sim.PauliString;
import org.qdl.sim.StateVector;

/**
 * The backward step of adjoint differentiation in one pass over both states: reads the pair
 * (j, j⊕x) of ψ and λ, adds its share of ⟨λ|Gψ⟩, then writes R† = exp(+iθG/2) applied to both.
 * Chunking is fixed (Parallel.sum2), so the result does not depend on the thread count.
 */
final class AdjointKernel {
    private AdjointKernel() {}

    /** Returns Im⟨λ|Gψ⟩ and replaces ψ, λ by R†ψ, R†λ. */
    static double gradientAndUndo(StateVector psi, StateVector lambda, PauliString g, double theta) {
        final double c = Math.cos(theta / 2), sn = -Math.sin(theta / 2); // angle −θ
        final double[] pr = psi.realArray(), pi = psi.imagArray(), lr = lambda.realArray(), li = lambda.imagArray();
        final int x = g.xMask(), z = g.zMask();
        if (x == 0) {
            // G diagonal: (Gψ)_j = s_j ψ_j; R† multiplies by c − i·sn'·s_j with sn' = sin(−θ/2)
            double[] s = Parallel.sum2(psi.dimension(), (a, b, out) -> {
                double im = 0;
                for (int j = a; j < b; j++) {
                    double sg = (Integer.bitCount(j & z) & 1) == 0 ? 1 : -1;
                    // Im(conj(λ_j) s_j ψ_j)
                    im += sg * (lr[j] * pi[j] - li[j] * pr[j]);
                    double ph = -sn * sg; // e^{-i(−θ/2)s_j}: c + i·ph
                    double xr = pr[j], xi = pi[j];
                    pr[j] = c * xr - ph * xi;
                    pi[j] = c * xi + ph * xr;
                    double yr = lr[j], yi = li[j];
                    lr[j] = c * yr - ph * yi;
                    li[j] = c * yi + ph * yr;
                }
                out[1] += im;
            });
            return s[1];
        }
        // G|j⟩ = ω s_j |j⊕x⟩, ω = i^{nY}; −i·sin·ω = (wr + i wi) as in the simulator's rotation kernel.
        final double omr = g.phase().re(), omi = g.phase().im();
        final double wr = sn * omi, wi = -sn * omr;
        final int pivot = Integer.numberOfTrailingZeros(Integer.highestOneBit(x));
        final int low = (1 << pivot) - 1;
        double[] s = Parallel.sum2(psi.dimension() >>> 1, (a, b, out) -> {
            double im = 0;
            for (int p0 = a; p0 < b; p0++) {
                int j = ((p0 & ~low) << 1) | (p0 & low);
                int k = j ^ x;
                double sj = (Integer.bitCount(j & z) & 1) == 0 ? 1 : -1;
                double sk = (Integer.bitCount(k & z) & 1) == 0 ? 1 : -1;
                double jr = pr[j], ji = pi[j], kr = pr[k], ki = pi[k];
                double ljr = lr[j], lji = li[j], lkr = lr[k], lki = li[k];
                // ⟨λ|Gψ⟩ pair terms: conj(λ_k) ω s_j ψ_j + conj(λ_j) ω s_k ψ_k
                double ar = sj * (omr * jr - omi * ji), ai = sj * (omr * ji + omi * jr); // ω s_j ψ_j
                double br = sk * (omr * kr - omi * ki), bi = sk * (omr * ki + omi * kr); // ω s_k ψ_k
                im += lkr * ai - lki * ar + ljr * bi - lji * br;
                pr[k] = c * kr + sj * (wr * jr - wi * ji);
                pi[k] = c * ki + sj * (wr * ji + wi * jr);
                pr[j] = c * jr + sk * (wr * kr - wi * ki);
                pi[j] = c * ji + sk * (wr * ki + wi * kr);
                lr[k] = c * lkr + sj * (wr * ljr - wi * lji);
                li[k] = c * lki + sj * (wr * lji + wi * ljr);
                lr[j] = c * ljr + sk * (wr * lkr - wi * lki);
                li[j] = c * lji + sk * (wr * lki + wi * lkr);
            }
            out[1] += im;
        });
        return s[1];
    }
}
