package org.qdl.gnn.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.qdl.gnn.data.Graph;

/**
 * SIGN features on the path 0–1–2 plus an isolated node 3 (with a self-loop in the input, which
 * must not be counted twice), worked by hand: with self-loops the degrees are 2, 3, 2, 1.
 */
class SignFeaturesTest {
    static final double S6 = Math.sqrt(6);

    static Graph path() {
        return Graph.fromEdges(4, new int[] {0, 1, 3}, new int[] {1, 2, 3}, 3);
    }

    static DMatrixRMaj x() {
        return new DMatrixRMaj(4, 1, true, 1, 0, 0, 2);
    }

    static double[] col(DMatrixRMaj m) {
        return m.data.clone();
    }

    @Test
    void gcnHopsMatchHandComputation() {
        List<DMatrixRMaj> f = SignFeatures.compute(path(), x(), Diffusion.GCN, 2);
        assertEquals(3, f.size());
        assertArrayEquals(new double[] {1, 0, 0, 2}, col(f.get(0)), 1e-15);
        assertArrayEquals(new double[] {0.5, 1 / S6, 0, 2}, col(f.get(1)), 1e-15);
        assertArrayEquals(new double[] {5.0 / 12, 5 / (6 * S6), 1.0 / 6, 2}, col(f.get(2)), 1e-15);
    }

    @Test
    void otherOperatorsMatchHandComputation() {
        assertArrayEquals(new double[] {0.5, 1.0 / 3, 0, 2}, col(Diffusion.RW.diffuse(path(), x(), 1)[0]), 1e-15);
        assertArrayEquals(new double[] {1, 1, 0, 2}, col(Diffusion.RAW.diffuse(path(), x(), 1)[0]), 1e-15);
        assertArrayEquals(new double[] {0.6, 0.8 / S6, 0, 2}, col(Diffusion.PPR.diffuse(path(), x(), 1)[0]), 1e-15);
    }

    @Test
    void gcnOperatorIsSymmetricAndRwIsStochastic() {
        CsrMatrix a = Diffusion.GCN.matrix(path());
        DMatrixRMaj d = a.toDense();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(d.get(i, j), d.get(j, i), 1e-15);
            }
        }
        DMatrixRMaj rw = Diffusion.RW.matrix(path()).toDense();
        for (int i = 0; i < 4; i++) {
            double s = 0;
            for (int j = 0; j < 4; j++) {
                s += rw.get(i, j);
            }
            assertEquals(1, s, 1e-15);
        }
    }

    @Test
    void mixedOperatorsComeInOrder() {
        Map<Diffusion, Integer> hops = new LinkedHashMap<>();
        hops.put(Diffusion.RAW, 1);
        hops.put(Diffusion.RW, 0);
        hops.put(Diffusion.GCN, 1);
        List<DMatrixRMaj> f = SignFeatures.compute(path(), x(), hops);
        assertEquals(3, f.size());
        assertArrayEquals(new double[] {1, 1, 0, 2}, col(f.get(1)), 1e-15);
        assertArrayEquals(new double[] {0.5, 1 / S6, 0, 2}, col(f.get(2)), 1e-15);
    }
}
