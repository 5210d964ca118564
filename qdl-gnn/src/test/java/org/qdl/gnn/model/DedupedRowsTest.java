package org.qdl.gnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.qdl.gnn.features.CsrMatrix;

/**
 * The graph model on merged identical rows with multiplicities equals the model on the expanded
 * rows: logits, every parameter gradient, and (after a few Adam steps, so running statistics and
 * the polynomial moved) the evaluation logits; for every norm and activation, dense and sparse.
 */
class DedupedRowsTest {
    // distinct rows of 3 graphs; copies[i] identical nodes each
    private static final int[] GRAPH_OF_DISTINCT = {0, 0, 1, 1, 1, 2};
    private static final int[] COPIES = {3, 1, 2, 1, 4, 2};

    @Test
    void mergedRowsGiveTheExpandedModel() {
        Random rnd = new Random(5);
        DMatrixRMaj distinct = new DMatrixRMaj(6, 5);
        for (int i = 0; i < distinct.data.length; i++) {
            distinct.data[i] = rnd.nextDouble() < 0.4 ? 0 : rnd.nextGaussian();
        }
        int expandedRows = 0;
        for (int c : COPIES) {
            expandedRows += c;
        }
        // expanded: copies interleaved across the graph's rows (order inside a graph must not matter)
        DMatrixRMaj expanded = new DMatrixRMaj(expandedRows, 5);
        int[] graphOfExpanded = new int[expandedRows];
        int r = 0;
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < 6; i++) {
                if (round < COPIES[i]) {
                    System.arraycopy(distinct.data, i * 5, expanded.data, r * 5, 5);
                    graphOfExpanded[r++] = GRAPH_OF_DISTINCT[i];
                }
            }
        }
        double[] mult = new double[6];
        for (int i = 0; i < 6; i++) {
            mult[i] = COPIES[i];
        }
        int[] labels = {1, 0, 1};
        for (String norm : List.of("batch", "layer", "none")) {
            for (String act : List.of("poly", "prelu")) {
                for (boolean sparse : new boolean[] {false, true}) {
                    SignGraphModel plain = new SignGraphModel(5, 4, 2, norm, act, 0.3, 0.0, new Random(9));
                    SignGraphModel merged = new SignGraphModel(5, 4, 2, norm, act, 0.3, 0.0, new Random(9));
                    ParamOptimizer adamPlain = new ParamOptimizer(plain.params(), 0.05, 1e-4);
                    ParamOptimizer adamMerged = new ParamOptimizer(merged.params(), 0.05, 1e-4);
                    Random dropPlain = new Random(2);
                    Random dropMerged = new Random(2);
                    for (int step = 0; step < 3; step++) {
                        adamPlain.zeroGrad();
                        adamMerged.zeroGrad();
                        DMatrixRMaj lp = sparse
                                ? plain.forward(CsrMatrix.fromDense(expanded), graphOfExpanded, 3, true, dropPlain)
                                : plain.forward(expanded, graphOfExpanded, 3, true, dropPlain);
                        DMatrixRMaj lm = sparse
                                ? merged.forward(CsrMatrix.fromDense(distinct), GRAPH_OF_DISTINCT, mult, 3, true, dropMerged)
                                : merged.forward(distinct, GRAPH_OF_DISTINCT, mult, 3, true, dropMerged);
                        String what = norm + "/" + act + (sparse ? "/sparse" : "/dense") + " step " + step;
                        assertArrayEquals(lp.data, lm.data, 1e-11, what + " logits");
                        DMatrixRMaj gp = new DMatrixRMaj(3, 2);
                        DMatrixRMaj gm = new DMatrixRMaj(3, 2);
                        CrossEntropy.loss(lp, labels, gp);
                        CrossEntropy.loss(lm, labels, gm);
                        plain.backward(gp);
                        merged.backward(gm);
                        for (int p = 0; p < plain.params().size(); p++) {
                            assertArrayEquals(plain.params().get(p).grad.data, merged.params().get(p).grad.data, 1e-10,
                                    what + " grad " + plain.params().get(p).name);
                        }
                        adamPlain.step();
                        adamMerged.step();
                    }
                    DMatrixRMaj ep = plain.forward(expanded, graphOfExpanded, 3, false, null);
                    DMatrixRMaj em = merged.forward(distinct, GRAPH_OF_DISTINCT, mult, 3, false, null);
                    assertArrayEquals(ep.data, em.data, 1e-10, norm + "/" + act + " evaluation logits");
                }
            }
        }
    }

    @Test
    void mergingIsRefusedWithInputDropout() {
        SignGraphModel m = new SignGraphModel(2, 2, 2, "batch", "poly", 0.0, 0.2, new Random(1));
        assertThrows(IllegalStateException.class,
                () -> m.forward(new DMatrixRMaj(1, 2), new int[] {0}, new double[] {2}, 1, true, new Random(1)));
    }
}
