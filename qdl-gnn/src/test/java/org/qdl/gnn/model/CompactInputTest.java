package org.qdl.gnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.qdl.gnn.features.CompactRows;

/**
 * Per-graph compact input (columns each graph uses, dense block) gives the dense model's logits and
 * gradients, with and without multiplicities, including a graph that uses no column at all.
 */
class CompactInputTest {
    @Test
    void compactGraphsMatchTheDenseInput() {
        Random rnd = new Random(4);
        int width = 12;
        int[] sizes = {3, 1, 4, 2};
        List<DMatrixRMaj> graphs = new ArrayList<>();
        for (int g = 0; g < sizes.length; g++) {
            DMatrixRMaj x = new DMatrixRMaj(sizes[g], width);
            for (int j = 0; j < width; j++) {
                boolean used = g != 1 && rnd.nextDouble() < 0.4; // graph 1: all zero
                for (int i = 0; i < sizes[g] && used; i++) {
                    x.data[i * width + j] = rnd.nextDouble() < 0.8 ? rnd.nextGaussian() : 0;
                }
            }
            graphs.add(x);
        }
        int rows = 0;
        for (int s : sizes) {
            rows += s;
        }
        DMatrixRMaj dense = new DMatrixRMaj(rows, width);
        int[] graphOf = new int[rows];
        double[] mult = new double[rows];
        List<CompactRows> compact = new ArrayList<>();
        int r = 0;
        for (int g = 0; g < sizes.length; g++) {
            DMatrixRMaj x = graphs.get(g);
            CompactRows c = CompactRows.of(x);
            assertArrayEquals(x.data, c.toDense().data, 0);
            compact.add(c);
            System.arraycopy(x.data, 0, dense.data, r * width, x.data.length);
            for (int i = 0; i < sizes[g]; i++) {
                graphOf[r + i] = g;
                mult[r + i] = 1 + (r + i) % 3;
            }
            r += sizes[g];
        }
        assertEquals(0, compact.get(1).cols().length);
        boolean simdWas = org.qdl.sim.kernel.Simd.enabled();
        try {
            for (boolean simd : new boolean[] {true, false}) { // in-place kernels and the gathered BLAS fallback
                org.qdl.sim.kernel.Simd.setEnabled(simd);
                compareOnBothInputs(dense, compact, graphOf, mult, width);
            }
        } finally {
            org.qdl.sim.kernel.Simd.setEnabled(simdWas);
        }
    }

    private static void compareOnBothInputs(DMatrixRMaj dense, List<CompactRows> compact, int[] graphOf, double[] mult, int width) {
        int[] labels = {0, 1, 1, 0};
        for (double[] m : new double[][] {null, mult}) {
            SignGraphModel a = new SignGraphModel(width, 5, 2, "batch", "poly", 0.2, 0.0, new Random(3));
            SignGraphModel b = new SignGraphModel(width, 5, 2, "batch", "poly", 0.2, 0.0, new Random(3));
            DMatrixRMaj la = a.forward(dense, graphOf, m, 4, true, new Random(8));
            DMatrixRMaj lb = b.forward(compact, graphOf, m, 4, true, new Random(8));
            assertArrayEquals(la.data, lb.data, 1e-12);
            DMatrixRMaj ga = new DMatrixRMaj(4, 2);
            DMatrixRMaj gb = new DMatrixRMaj(4, 2);
            CrossEntropy.loss(la, labels, ga);
            CrossEntropy.loss(lb, labels, gb);
            a.backward(ga);
            b.backward(gb);
            for (int p = 0; p < a.params().size(); p++) {
                assertArrayEquals(a.params().get(p).grad.data, b.params().get(p).grad.data, 1e-12, a.params().get(p).name);
            }
        }
    }
}
