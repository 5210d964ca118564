package org.qdl.gnn.train;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.ejml.data.DMatrixRMaj;
import org.qdl.gnn.data.NodeDataset;
import org.qdl.gnn.features.SignFeatures;
import org.qdl.gnn.model.CrossEntropy;
import org.qdl.gnn.model.Param;
import org.qdl.gnn.model.ParamOptimizer;
import org.qdl.gnn.model.SignNodeModel;

/**
 * Full-batch training on the training nodes only (the loss needs no other rows), Adam, validation
 * every {@code evalEvery} epochs and test evaluation only when validation improves; the weights of
 * the best validation epoch are kept.
 */
public final class NodeTrainer {
    /** SIGN features of the three splits, computed once and shared by all seeds and models. */
    public record Prepared(List<DMatrixRMaj> train, List<DMatrixRMaj> val, List<DMatrixRMaj> test,
                           int[] yTrain, int[] yVal, int[] yTest, int features, int classes) {
    }

    private NodeTrainer() {
    }

    public static Prepared prepare(NodeDataset ds, NodeConfig cfg) {
        List<DMatrixRMaj> all = signFeatures(ds, cfg);
        return new Prepared(SignFeatures.gather(all, ds.train()), SignFeatures.gather(all, ds.val()),
                SignFeatures.gather(all, ds.test()), labels(ds, ds.train()), labels(ds, ds.val()), labels(ds, ds.test()),
                ds.numFeatures(), ds.numClasses());
    }

    /** SIGN features [X, ÂX, ..., Â^R X] of every node (the data party's side of the protocol). */
    public static List<DMatrixRMaj> signFeatures(NodeDataset ds, NodeConfig cfg) {
        return SignFeatures.compute(ds.graph(), ds.features().toDense(), cfg.op(), cfg.r());
    }

    static int[] labels(NodeDataset ds, int[] nodes) {
        int[] y = new int[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            y[i] = ds.labels()[nodes[i]];
        }
        return y;
    }

    /** Evaluation in chunks so that peak memory stays bounded for large splits. */
    public static DMatrixRMaj predict(SignNodeModel model, List<DMatrixRMaj> feats) {
        return model.forward(feats, false, null);
    }

    public static NodeRunResult train(Prepared p, NodeConfig cfg, long seed, Consumer<String> progress) {
        long t0 = System.nanoTime();
        Random rnd = new Random(seed);
        SignNodeModel model = new SignNodeModel(cfg.r() + 1, p.features(), cfg.hidden(), p.classes(), cfg.activation(),
                cfg.dropout(), cfg.inputDropout(), rnd);
        List<Param> params = model.params();
        ParamOptimizer adam = new ParamOptimizer(params, cfg.lr(), cfg.weightDecay());
        double[][] best = null;
        int bestEpoch = 0;
        double bestVal = -1;
        double test = 0;
        double valDec = 0;
        double testDec = 0;
        DMatrixRMaj grad = new DMatrixRMaj(p.yTrain().length, p.classes());
        for (int epoch = 1; epoch <= cfg.epochs(); epoch++) {
            adam.zeroGrad();
            DMatrixRMaj logits = model.forward(p.train(), true, rnd);
            double loss = CrossEntropy.loss(logits, p.yTrain(), grad);
            model.backward(grad);
            adam.step();
            if (epoch % cfg.evalEvery() == 0 || epoch == cfg.epochs()) {
                DMatrixRMaj vl = predict(model, p.val());
                double va = CrossEntropy.accuracy(vl, p.yVal());
                if (va > bestVal) {
                    bestVal = va;
                    bestEpoch = epoch;
                    DMatrixRMaj tl = predict(model, p.test());
                    test = CrossEntropy.accuracy(tl, p.yTest());
                    valDec = DecisionProblem.accuracy(vl, p.yVal());
                    testDec = DecisionProblem.accuracy(tl, p.yTest());
                    best = snapshot(params);
                }
                if (progress != null && (epoch % (cfg.evalEvery() * 10) == 0 || epoch == cfg.epochs())) {
                    progress.accept(String.format("seed %d %s epoch %d/%d loss %.4f val %.4f best val %.4f (epoch %d) test %.4f",
                            seed, cfg.activation(), epoch, cfg.epochs(), loss, va, bestVal, bestEpoch, test));
                }
            }
        }
        restore(params, best);
        return new NodeRunResult(seed, cfg.activation(), bestEpoch, bestVal, test, valDec, testDec,
                (System.nanoTime() - t0) / 1e9, model);
    }

    static double[][] snapshot(List<Param> ps) {
        double[][] s = new double[ps.size()][];
        for (int i = 0; i < s.length; i++) {
            s[i] = ps.get(i).value.data.clone();
        }
        return s;
    }

    static void restore(List<Param> ps, double[][] s) {
        if (s == null) {
            return;
        }
        for (int i = 0; i < s.length; i++) {
            System.arraycopy(s[i], 0, ps.get(i).value.data, 0, s[i].length);
        }
    }
}
