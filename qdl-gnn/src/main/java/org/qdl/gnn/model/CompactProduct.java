package org.qdl.gnn.model;

import org.qdl.gnn.features.CompactRows;
import org.qdl.sim.kernel.Simd;

/**
 * The first layer's two products on one graph's compact rows (a dense n × k block on the columns
 * {@code cols} of the full input): y = block · W[cols, :] and W.grad[cols, :] += blockᵀ · dy.
 * With the simulator's SIMD switch on ({@link Simd#enabled()}: jdk.incubator.vector present, not
 * -Dqdl.simd=false) the kernels read W's rows in place ({@link VectorCompactKernels}); otherwise
 * the rows are gathered into the caller's scratch buffer for the BLAS product and the gradient is
 * scattered back through it, the same arithmetic with two extra copies of k × o values per graph.
 */
public final class CompactProduct {
    private CompactProduct() {
    }

    /** Whether the in-place SIMD kernels run (else gather, BLAS, scatter). */
    public static boolean simd() {
        return Simd.enabled();
    }

    /** Scratch values the fallback needs for a graph with k columns (none with SIMD). */
    public static int scratchLength(int k, int o) {
        return simd() ? 0 : k * o;
    }

    /**
     * y[yOff.., o wide] = x.block · W[x.cols, :] (overwritten); w is in × o row-major; scratch holds
     * at least {@link #scratchLength} values.
     */
    public static void forward(CompactRows x, double[] w, int o, double[] y, int yOff, double[] scratch) {
        if (simd()) {
            VectorCompactKernels.forward(x.block().data, x.rows(), x.cols().length, x.cols(), w, o, y, yOff);
        } else {
            forwardGathered(x, w, o, y, yOff, scratch);
        }
    }

    /** g[x.cols, :] += x.blockᵀ · dy[dOff.., o wide]; g is in × o row-major; scratch as for forward. */
    public static void accumulate(CompactRows x, double[] dy, int dOff, int o, double[] g, double[] scratch) {
        if (simd()) {
            VectorCompactKernels.accumulate(x.block().data, x.rows(), x.cols().length, x.cols(), dy, dOff, o, g);
        } else {
            accumulateScattered(x, dy, dOff, o, g, scratch);
        }
    }

    /** The fallback forward (gather W's rows, BLAS), public for the benchmark's comparison. */
    public static void forwardGathered(CompactRows x, double[] w, int o, double[] y, int yOff, double[] wg) {
        int[] cols = x.cols();
        for (int q = 0; q < cols.length; q++) {
            System.arraycopy(w, cols[q] * o, wg, q * o, o);
        }
        Gemm.multBlock(x.block().data, 0, x.rows(), cols.length, wg, 0, o, y, yOff);
    }

    /** The fallback gradient (BLAS into a buffer, scatter-add), public for the benchmark's comparison. */
    public static void accumulateScattered(CompactRows x, double[] dy, int dOff, int o, double[] g, double[] tmp) {
        int[] cols = x.cols();
        Gemm.multTransABlock(x.block().data, 0, x.rows(), cols.length, dy, dOff, o, tmp);
        for (int q = 0; q < cols.length; q++) {
            int wo = cols[q] * o;
            int to = q * o;
            for (int j = 0; j < o; j++) {
                g[wo + j] += tmp[to + j];
            }
        }
    }
}
