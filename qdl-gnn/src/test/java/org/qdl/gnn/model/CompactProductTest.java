package org.qdl.gnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.qdl.gnn.features.CompactRows;

/**
 * Both products on compact rows, SIMD (in place) and gathered (BLAS) alike, against EJML on the
 * expanded dense input, over shapes that exercise every tile and tail: rows and columns not a
 * multiple of 4, widths below, at and between vector and tile multiples, an empty graph.
 */
class CompactProductTest {
    private static final int IN = 29;

    @Test
    void vectorModuleIsPresentUnderTheTestRunner() {
        // surefire adds jdk.incubator.vector, so the kernels below are the SIMD ones (any lane count)
        assertTrue(Gemm.vectorModulePresent(), "surefire should add jdk.incubator.vector");
    }

    @Test
    void forwardAndGradientMatchTheDenseProducts() {
        Random rnd = new Random(11);
        for (int n : new int[] {0, 1, 3, 4, 5, 9}) {
            for (int used : new int[] {0, 1, 3, 4, 7, 13}) {
                for (int o : new int[] {1, 5, 8, 31, 32, 33, 40, 67}) {
                    check(rnd, n, used, o);
                }
            }
        }
    }

    private static void check(Random rnd, int n, int used, int o) {
        DMatrixRMaj x = new DMatrixRMaj(n, IN);
        int[] perm = shuffled(rnd);
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < used; q++) {
                x.data[i * IN + perm[q]] = rnd.nextGaussian();
            }
        }
        CompactRows c = CompactRows.of(x);
        DMatrixRMaj w = random(rnd, IN, o);
        DMatrixRMaj dy = random(rnd, n, o);
        DMatrixRMaj g0 = random(rnd, IN, o);

        DMatrixRMaj yRef = new DMatrixRMaj(n, o);
        CommonOps_DDRM.mult(x, w, yRef);
        DMatrixRMaj gRef = new DMatrixRMaj(IN, o);
        CommonOps_DDRM.multTransA(x, dy, gRef);
        CommonOps_DDRM.addEquals(gRef, g0);

        String shape = n + "x" + used + "x" + o;
        // output placed at an offset inside a larger array, pre-filled with NaN (the products must
        // overwrite, not add); the padding must stay untouched
        int off = 3;
        int k = c.cols().length;
        double[] y = new double[off + n * o + 2];
        java.util.Arrays.fill(y, Double.NaN);
        y[0] = 0;
        y[y.length - 1] = 0;
        VectorCompactKernels.forward(c.block().data, n, k, c.cols(), w.data, o, y, off);
        assertClose(yRef.data, y, off, "SIMD forward " + shape);
        assertEquals(0, y[0]);
        assertEquals(0, y[y.length - 1]);
        double[] yg = new double[off + n * o];
        java.util.Arrays.fill(yg, Double.NaN);
        CompactProduct.forwardGathered(c, w.data, o, yg, off, new double[k * o]);
        assertClose(yRef.data, yg, off, "gathered forward " + shape);

        double[] dyPadded = new double[off + n * o];
        System.arraycopy(dy.data, 0, dyPadded, off, n * o);
        double[] g = g0.data.clone();
        VectorCompactKernels.accumulate(c.block().data, n, k, c.cols(), dyPadded, off, o, g);
        assertClose(gRef.data, g, 0, "SIMD gradient " + shape);
        double[] gs = g0.data.clone();
        double[] scratch = new double[k * o];
        java.util.Arrays.fill(scratch, Double.NaN); // the scratch's old contents must not leak in
        CompactProduct.accumulateScattered(c, dyPadded, off, o, gs, scratch);
        assertClose(gRef.data, gs, 0, "scattered gradient " + shape);
    }

    private static int[] shuffled(Random rnd) {
        int[] p = new int[IN];
        for (int i = 0; i < IN; i++) {
            p[i] = i;
        }
        for (int i = IN - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static DMatrixRMaj random(Random rnd, int r, int c) {
        DMatrixRMaj m = new DMatrixRMaj(r, c);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rnd.nextGaussian();
        }
        return m;
    }

    private static void assertClose(double[] ref, double[] got, int off, String what) {
        for (int i = 0; i < ref.length; i++) {
            assertEquals(ref[i], got[off + i], 1e-12 * (1 + Math.abs(ref[i])), what + " at " + i);
        }
    }
}
