package org.qdl.gnn.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qdl.gnn.data.Csbm;
import org.qdl.gnn.data.GraphDataset;
import org.qdl.gnn.data.NodeDataset;
import org.qdl.gnn.data.SyntheticGraphs;
import org.qdl.gnn.features.Diffusion;

/** Short training runs on the embedded generators. */
class TrainingTest {
    /**
     * Embedded CSBM (1000 nodes, 3 classes, homophily 0.8, signal 0.3): features alone give about 60%
     * diffusion over a homophilous graph should lift both models above 85% test accuracy, and the
     * polynomial should be within a few points of PReLU.
     */
    @Test
    void csbmNodeClassificationLearns() {
        NodeDataset ds = Csbm.defaults(3);
        NodeConfig cfg = new NodeConfig(3, 32, 0.4, 0.3, 0.01, 0, 100, 5, Diffusion.GCN, "poly");
        NodeTrainer.Prepared p = NodeTrainer.prepare(ds, cfg);
        NodeRunResult poly = NodeTrainer.train(p, cfg, 1, null);
        NodeRunResult prelu = NodeTrainer.train(p, cfg.withActivation("prelu"), 1, null);
        assertTrue(poly.test() > 0.85, "poly test accuracy " + poly.test());
        assertTrue(prelu.test() > 0.85, "prelu test accuracy " + prelu.test());
        assertTrue(Math.abs(poly.test() - prelu.test()) < 0.05, poly.test() + " vs " + prelu.test());
        // R = 0 sees no graph: it must do clearly worse than the diffused model
        NodeConfig noGraph = new NodeConfig(0, 32, 0.4, 0.3, 0.01, 0, 100, 5, Diffusion.GCN, "poly");
        NodeRunResult flat = NodeTrainer.train(NodeTrainer.prepare(ds, noGraph), noGraph, 1, null);
        assertTrue(flat.test() < poly.test() - 0.1, "no-graph " + flat.test() + " vs SIGN " + poly.test());
    }

    /** Synthetic ER-vs-communities graphs, 3 folds, 40 epochs: above 80% (chance is 50%). */
    @Test
    void syntheticGraphClassificationLearns() throws InterruptedException {
        GraphDataset ds = SyntheticGraphs.defaults(5);
        GraphConfig cfg = GraphConfig.authors("synthetic").with("epochs", "40").with("hidden", "16").with("norm", "batch")
                .with("gcn", "4").with("batch", "32").with("dropout", "0.1");
        GraphTrainer.Prepared p = GraphTrainer.prepare(ds, cfg);
        List<int[]> folds = StratifiedKFold.testFolds(ds.labels(), 10, 0).subList(0, 3);
        GraphCvResult r = GraphTrainer.crossValidate(p, cfg, folds, 0, 1, null);
        assertTrue(r.perFoldBest().mean() > 0.8, "mean of fold bests " + r.perFoldBest().mean());
        assertTrue(r.bestOfAverageCurve()[1] <= r.perFoldBest().mean() + 1e-12, "average-curve max cannot exceed mean of bests");
    }
}
