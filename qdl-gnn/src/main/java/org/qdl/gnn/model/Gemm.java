package org.qdl.gnn.model;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import org.ejml.data.DMatrixRMaj;

/**
 * The three dense products of a linear layer on row-major EJML matrices, done by the pure-Java BLAS
 * binding that Apache Spark uses (dev.ludovic.netlib). With jdk.incubator.vector in the boot layer
 * it picks its SIMD VectorBLAS (≈3× EJML for x·W and ≈9× for xᵀ·dy at the graph models' shapes, see
 * docs/gnn.md); without the module it picks its scalar Java11BLAS, still faster than EJML. We ask
 * for JavaBLAS, never the native one, so results do not depend on a system library.
 * A row-major M is the column-major Mᵀ, so every call below is the transposed product.
 */
public final class Gemm {
    /**
     * The binding's class initialiser also probes for a native BLAS (which we do not use) and logs a
     * warning when the system has none; a strong reference keeps that logger quiet.
     */
    private static final java.util.logging.Logger PROBE_LOG = quiet("dev.ludovic.netlib.blas.InstanceBuilder");
    private static final BLAS BLAS_IMPL = pick();

    private Gemm() {
    }

    /**
     * JavaBLAS picks VectorBLAS when jdk.incubator.vector is in the boot layer and its scalar
     * Java11BLAS otherwise (checked by running without the module, see docs/gnn.md).
     */
    private static BLAS pick() {
        return JavaBLAS.getInstance();
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(name);
        log.setLevel(java.util.logging.Level.SEVERE);
        return log;
    }

    /** Whether the SIMD module is present (VectorBLAS can only be chosen when it is). */
    public static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** Name of the implementation in use (VectorBLAS or Java11BLAS), for benchmarks. */
    public static String implementation() {
        return BLAS_IMPL.getClass().getSimpleName();
    }

    /** c = a·b (c is overwritten). */
    public static void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int n = a.numRows;
        int k = a.numCols;
        int m = b.numCols;
        check(b.numRows == k && c.numRows == n && c.numCols == m, a, b, c);
        multBlock(a.data, 0, n, k, b.data, 0, m, c.data, 0);
    }

    /** c += aᵀ·b. */
    public static void multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int n = a.numRows;
        int k = a.numCols;
        int m = b.numCols;
        check(b.numRows == n && c.numRows == k && c.numCols == m, a, b, c);
        if (n == 0 || k == 0 || m == 0) {
            return;
        }
        BLAS_IMPL.dgemm("N", "T", m, k, n, 1.0, b.data, m, a.data, k, 1.0, c.data, m);
    }

    /** c = a·bᵀ (c is overwritten). */
    public static void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int n = a.numRows;
        int m = a.numCols;
        int k = b.numRows;
        check(b.numCols == m && c.numRows == n && c.numCols == k, a, b, c);
        if (n == 0 || k == 0) {
            return;
        }
        if (m == 0) {
            java.util.Arrays.fill(c.data, 0, n * k, 0);
            return;
        }
        BLAS_IMPL.dgemm("T", "N", k, n, m, 1.0, b.data, m, a.data, m, 0.0, c.data, k);
    }

    private static void check(boolean ok, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (!ok) {
            throw new IllegalArgumentException("shape mismatch: " + a.numRows + "x" + a.numCols + ", " + b.numRows + "x"
                    + b.numCols + " -> " + c.numRows + "x" + c.numCols);
        }
    }

    /**
     * c[cOff..] = a[aOff..]·b[bOff..] on row-major blocks stored inside larger arrays: a is n×k with
     * row stride k, b is k×m with stride m, c is n×m with stride m (overwritten).
     */
    public static void multBlock(double[] a, int aOff, int n, int k, double[] b, int bOff, int m, double[] c, int cOff) {
        if (n == 0 || m == 0) {
            return;
        }
        if (k == 0) {
            java.util.Arrays.fill(c, cOff, cOff + n * m, 0);
            return;
        }
        BLAS_IMPL.dgemm("N", "N", m, n, k, 1.0, b, bOff, m, a, aOff, k, 0.0, c, cOff, m);
    }

    /** c = aᵀ·d on blocks: a is n×k (stride k) at aOff, d is n×m (stride m) at dOff, c is k×m (overwritten). */
    public static void multTransABlock(double[] a, int aOff, int n, int k, double[] d, int dOff, int m, double[] c) {
        if (k == 0 || m == 0) {
            return;
        }
        if (n == 0) {
            java.util.Arrays.fill(c, 0, k * m, 0);
            return;
        }
        BLAS_IMPL.dgemm("N", "T", m, k, n, 1.0, d, dOff, m, a, aOff, k, 0.0, c, 0, m);
    }
}
