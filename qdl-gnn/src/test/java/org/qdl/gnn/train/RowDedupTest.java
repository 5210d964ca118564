package org.qdl.gnn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.qdl.gnn.data.Datasets;
import org.qdl.gnn.data.GraphDataset;
import org.qdl.gnn.SharedData;

/** Merging identical rows loses nothing: expanding by the multiplicities gives back the same rows. */
class RowDedupTest {
    @Test
    void distinctRowsAndCounts() {
        DMatrixRMaj x = new DMatrixRMaj(5, 2, true, 1, 0, 2, 3, 1, 0, 1, -0.0, 2, 3);
        RowDedup d = RowDedup.of(x);
        // -0.0 and 0.0 differ in bits, so those rows are kept apart (merging is bitwise, never approximate)
        assertEquals(3, d.rows().numRows);
        assertArrayEquals(new double[] {1, 0, 2, 3, 1, -0.0}, d.rows().data);
        assertEquals(-0.0, d.rows().data[5]);
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(d.rows().data[5]));
        assertArrayEquals(new double[] {2, 2, 1}, d.multiplicity(), 0);
    }

    /** IMDB-BINARY (degree tags, ego-networks): each graph's rows as a multiset are unchanged. */
    @Test
    void preparedImdbKeepsEveryRow() {
        GraphDataset ds = Datasets.loadGraphs(SharedData.root(), "IMDB-BINARY", null, true, 0);
        GraphConfig cfg = GraphConfig.authors("IMDB-BINARY");
        GraphTrainer.Prepared plain = GraphTrainer.prepare(ds, cfg, false);
        GraphTrainer.Prepared merged = GraphTrainer.prepare(ds, cfg);
        assertTrue(merged.deduplicated());
        assertTrue(merged.storedRows() < 0.3 * plain.storedRows(), merged.storedRows() + " of " + plain.storedRows());
        for (int g = 0; g < ds.size(); g += 7) {
            DMatrixRMaj p = plain.sparseFeatures().get(g).toDense();
            DMatrixRMaj m = merged.sparseFeatures().get(g).toDense();
            double[] mult = merged.multiplicities().get(g);
            List<String> want = new ArrayList<>();
            for (int i = 0; i < p.numRows; i++) {
                want.add(Arrays.toString(Arrays.copyOfRange(p.data, i * p.numCols, (i + 1) * p.numCols)));
            }
            List<String> got = new ArrayList<>();
            for (int i = 0; i < m.numRows; i++) {
                for (int c = 0; c < mult[i]; c++) {
                    got.add(Arrays.toString(Arrays.copyOfRange(m.data, i * m.numCols, (i + 1) * m.numCols)));
                }
            }
            want.sort(null);
            got.sort(null);
            assertEquals(want, got, "graph " + g);
        }
    }
}
