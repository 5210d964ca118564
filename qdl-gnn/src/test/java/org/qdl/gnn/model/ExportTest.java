package org.qdl.gnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.qdl.gnn.data.Csbm;
import org.qdl.gnn.data.NodeDataset;
import org.qdl.gnn.features.Diffusion;
import org.qdl.gnn.train.DecisionProblem;
import org.qdl.gnn.train.NodeConfig;
import org.qdl.gnn.train.NodeRunResult;
import org.qdl.gnn.train.NodeTrainer;

/** The exported numbers reproduce the trained model's evaluation logits and decisions exactly. */
class ExportTest {
    @Test
    void exportReproducesLogits() {
        NodeDataset ds = Csbm.generate(300, 3, 8, 5, 0.8, 0.5, 4);
        for (String act : List.of("poly", "prelu")) {
            NodeConfig cfg = new NodeConfig(2, 8, 0.4, 0.3, 0.01, 0, 20, 5, Diffusion.GCN, act);
            NodeRunResult r = NodeTrainer.train(NodeTrainer.prepare(ds, cfg), cfg, 2, null);
            List<DMatrixRMaj> all = NodeTrainer.signFeatures(ds, cfg);
            NodeModelExport e = r.model().export(cfg.op());
            assertEquals(3, e.hops());
            assertEquals(act.equals("poly") ? 3 : 1, e.activation()[0].length);
            DMatrixRMaj ref = r.model().forward(all, false, null);
            double[][] got = e.logits(all);
            DMatrixRMaj gm = new DMatrixRMaj(got);
            assertArrayEquals(ref.data, gm.data, 1e-10);
            assertArrayEquals(DecisionProblem.averagedDifferences(ref), DecisionProblem.averagedDifferences(gm), 1e-10);
        }
    }
}
