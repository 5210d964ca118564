package org.qdl.gnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The BLAS-backed products equal EJML's (an independent implementation) up to rounding. */
class GemmTest {
    private static DMatrixRMaj random(int r, int c, Random rnd) {
        DMatrixRMaj m = new DMatrixRMaj(r, c);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rnd.nextGaussian();
        }
        return m;
    }

    private static void assertClose(DMatrixRMaj want, DMatrixRMaj got) {
        assertEquals(want.numRows, got.numRows);
        assertEquals(want.numCols, got.numCols);
        for (int i = 0; i < want.numRows * want.numCols; i++) {
            assertEquals(want.data[i], got.data[i], 1e-12 * (1 + Math.abs(want.data[i])), "entry " + i);
        }
    }

    @Test
    void productsMatchEjmlOnOddShapes() {
        Random rnd = new Random(7);
        int[][] shapes = {{1, 1, 1}, {3, 5, 2}, {37, 72, 61}, {130, 9, 257}, {5, 300, 1}, {0, 4, 3}, {4, 0, 3}};
        for (int[] s : shapes) {
            DMatrixRMaj a = random(s[0], s[1], rnd);
            DMatrixRMaj b = random(s[1], s[2], rnd);
            DMatrixRMaj want = new DMatrixRMaj(s[0], s[2]);
            CommonOps_DDRM.mult(a, b, want);
            DMatrixRMaj got = random(s[0], s[2], rnd); // overwritten, not accumulated
            Gemm.mult(a, b, got);
            assertClose(want, got);

            DMatrixRMaj dy = random(s[0], s[2], rnd);
            DMatrixRMaj acc = random(s[1], s[2], rnd);
            DMatrixRMaj wantAcc = acc.copy();
            CommonOps_DDRM.multAddTransA(a, dy, wantAcc);
            Gemm.multAddTransA(a, dy, acc);
            assertClose(wantAcc, acc);

            DMatrixRMaj wantDx = new DMatrixRMaj(s[0], s[1]);
            CommonOps_DDRM.multTransB(dy, b, wantDx);
            DMatrixRMaj dx = random(s[0], s[1], rnd);
            Gemm.multTransB(dy, b, dx);
            assertClose(wantDx, dx);
        }
    }

    @Test
    void shapeMismatchIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Gemm.mult(new DMatrixRMaj(2, 3), new DMatrixRMaj(4, 2), new DMatrixRMaj(2, 2)));
    }
}
