package org.qdl.gnn.model;

import org.qdl.gnn.features.CompactRows;

/**
 * The first layer's two products on one graph's compact rows (a dense n × k block on the columns
 * {@code cols} of the full input): y = block · W[cols, :] and W.grad[cols, :] += blockᵀ · dy.
 * With jdk.incubator.vector the SIMD kernels read W's rows in place ({@link VectorCompactKernels});
 * without it the rows are gathered into a buffer for the BLAS product and the gradient is scattered
 * back, the same arithmetic with two extra copies of k × o values per graph.
 */
public final class CompactProduct {
    private static final boolean SIMD = Gemm.vectorModulePresent() && !"false".equalsIgnoreCase(System.getProperty("qdl.simd"))
            && lanes() >= 4;

    private CompactProduct() {
    }

    private static int lanes() {
        return VectorCompactKernels.L;
    }

    /** Whether the in-place SIMD kernels run (else gather, BLAS, scatter). */
    public static boolean simd() {
        return SIMD;
    }

    /** y[yOff.., o wide] = x.block · W[x.cols, :] (overwritten); w is in × o row-major. */
    public static void forward(CompactRows x, double[] w, int o, double[] y, int yOff) {
        if (SIMD) {
            VectorCompactKernels.forward(x.block().data, x.rows(), x.cols().length, x.cols(), w, o, y, yOff);
        } else {
            forwardGathered(x, w, o, y, yOff);
        }
    }

    /** g[x.cols, :] += x.blockᵀ · dy[dOff.., o wide]; g is in × o row-major. */
    public static void accumulate(CompactRows x, double[] dy, int dOff, int o, double[] g) {
        if (SIMD) {
            VectorCompactKernels.accumulate(x.block().data, x.rows(), x.cols().length, x.cols(), dy, dOff, o, g);
        } else {
            accumulateScattered(x, dy, dOff, o, g);
        }
    }

    /** The fallback forward (gather W's rows, BLAS), public for the benchmark's comparison. */
    public static void forwardGathered(CompactRows x, double[] w, int o, double[] y, int yOff) {
        int[] cols = x.cols();
        double[] wg = new double[cols.length * o];
        for (int q = 0; q < cols.length; q++) {
            System.arraycopy(w, cols[q] * o, wg, q * o, o);
        }
        Gemm.multBlock(x.block().data, 0, x.rows(), cols.length, wg, 0, o, y, yOff);
    }

    /** The fallback gradient (BLAS into a buffer, scatter-add), public for the benchmark's comparison. */
    public static void accumulateScattered(CompactRows x, double[] dy, int dOff, int o, double[] g) {
        int[] cols = x.cols();
        double[] tmp = new double[cols.length * o];
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
