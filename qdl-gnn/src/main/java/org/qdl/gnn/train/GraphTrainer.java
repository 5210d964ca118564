package org.qdl.gnn.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.ejml.data.DMatrixRMaj;
import org.qdl.gnn.data.GraphDataset;
import org.qdl.gnn.data.GraphSample;
import org.qdl.gnn.features.CompactRows;
import org.qdl.gnn.features.SignFeatures;
import org.qdl.gnn.model.CrossEntropy;
import org.qdl.gnn.model.ParamOptimizer;
import org.qdl.gnn.model.SignGraphModel;
import org.qdl.gnn.model.TrainingState;

/**
 * k-fold cross-validation of the graph model in GIN's protocol (as the authors' script): for each
 * fold train on the rest with shuffled mini-batches, step the learning rate, evaluate the held-out
 * fold after every epoch. Folds may run on several threads (each fold is independent and seeded).
 */
public final class GraphTrainer {
    /**
     * Concatenated SIGN features per graph, n_g × (T·blocks): dense, or compact when the tags are
     * many (degree tags: a graph's diffused one-hot rows touch only the degrees it contains, about
     * 5–8% of the columns on IMDB and COLLAB, but those densely), so that the first layer is one
     * small dense product per graph on the columns it uses.
     */
    public record Prepared(List<DMatrixRMaj> nodeFeatures, List<CompactRows> sparseFeatures, int[] labels, int width, int classes,
                           List<double[]> multiplicities) {
        public boolean sparse() {
            return sparseFeatures != null;
        }

        /** Whether identical rows of a graph were merged (each row then has a multiplicity). */
        public boolean deduplicated() {
            return multiplicities != null;
        }

        /** Rows stored over all graphs (distinct rows per graph when deduplicated). */
        public long storedRows() {
            long r = 0;
            for (int g = 0; g < labels.length; g++) {
                r += rows(g);
            }
            return r;
        }

        int rows(int g) {
            return sparse() ? sparseFeatures.get(g).rows() : nodeFeatures.get(g).numRows;
        }
    }

    /** Above this many distinct tags the features are stored and multiplied as sparse. */
    public static final int SPARSE_TAGS = 16;

    private GraphTrainer() {
    }

    /**
     * SIGN features per graph, with the identical rows of each graph merged whenever that is exact
     * (no input dropout): structurally equivalent nodes, e.g. the members of a clique in COLLAB's
     * and IMDB's ego-networks, have equal diffused degree features (COLLAB keeps 44% of its rows,
     * IMDB 21–26%, PROTEINS 94%).
     */
    public static Prepared prepare(GraphDataset ds, GraphConfig cfg) {
        return prepare(ds, cfg, cfg.inputDropout() == 0);
    }

    /** As {@link #prepare(GraphDataset, GraphConfig)}, merging identical rows only when asked. */
    public static Prepared prepare(GraphDataset ds, GraphConfig cfg, boolean dedupe) {
        if (dedupe && cfg.inputDropout() > 0) {
            throw new IllegalArgumentException("merging identical rows is exact only without input dropout");
        }
        int t = ds.numTags();
        int blocks = cfg.blocks();
        boolean sparse = t > SPARSE_TAGS;
        double avail = Runtime.getRuntime().maxMemory();
        double bytes = 0;
        List<DMatrixRMaj> feats = new ArrayList<>(ds.size());
        List<CompactRows> sfeats = sparse ? new ArrayList<>(ds.size()) : null;
        List<double[]> mults = dedupe ? new ArrayList<>(ds.size()) : null;
        for (GraphSample g : ds.graphs()) {
            int n = g.graph().numNodes();
            DMatrixRMaj x = new DMatrixRMaj(n, t);
            for (int i = 0; i < n; i++) {
                x.data[i * t + g.tags()[i]] = 1;
            }
            List<DMatrixRMaj> hops = SignFeatures.compute(g.graph(), x, cfg.hops());
            DMatrixRMaj cat = new DMatrixRMaj(n, t * blocks);
            for (int b = 0; b < blocks; b++) {
                DMatrixRMaj h = hops.get(b);
                for (int i = 0; i < n; i++) {
                    System.arraycopy(h.data, i * t, cat.data, i * t * blocks + b * t, t);
                }
            }
            if (dedupe) {
                RowDedup d = RowDedup.of(cat);
                cat = d.rows();
                mults.add(d.multiplicity());
                n = cat.numRows;
            }
            if (sparse) {
                CompactRows c = CompactRows.of(cat);
                sfeats.add(c);
                bytes += 8.0 * c.block().data.length + 4.0 * c.cols().length;
            } else {
                feats.add(cat);
                bytes += 8.0 * cat.data.length;
            }
            if (bytes > 0.6 * avail) {
                throw new org.qdl.sim.InvalidInputException(String.format(
                        "%s: the SIGN features need more than %.1f GiB (%d nodes x %d tags x %d blocks) but the heap allows %.1f GiB;"
                        + " raise the heap (QDL_HEAP) or use fewer hops (--set gcn=..., ppr=..., rw=..., raw=...)",
                        ds.name(), bytes / (1L << 30), ds.totalNodes(), t, blocks, avail / (1L << 30)));
            }
        }
        return new Prepared(sparse ? null : feats, sfeats, ds.labels(), t * blocks, ds.numClasses(), mults);
    }

    /**
     * Checkpointing of the folds: one file per fold and activation under {@code dir} (null: none),
     * rewritten after every epoch, so an interrupted run loses at most one epoch;
     * {@code epochsThisSession} > 0 stops each fold after that many new epochs (time-boxed sessions,
     * tests), to be continued by a later call with the same directory.
     */
    public record Checkpointing(java.nio.file.Path dir, int epochsThisSession) {
        public static final Checkpointing NONE = new Checkpointing(null, 0);

        java.nio.file.Path file(String activation, int fold) {
            return dir == null ? null : dir.resolve(activation + "-fold" + (fold + 1) + ".ckpt");
        }
    }

    /** One fold's held-out accuracy and mean training loss per epoch; complete unless a session limit stopped it. */
    public record FoldRun(double[] curve, double[] losses, boolean complete) {
    }

    public static GraphCvResult crossValidate(Prepared p, GraphConfig cfg, List<int[]> testFolds, long seed, int threads,
                                             Consumer<String> progress) throws InterruptedException {
        GraphCvResult r = crossValidate(p, cfg, testFolds, seed, threads, progress, Checkpointing.NONE);
        return r;
    }

    /** As above, checkpointed; returns null when a session limit stopped some fold before the last epoch. */
    public static GraphCvResult crossValidate(Prepared p, GraphConfig cfg, List<int[]> testFolds, long seed, int threads,
                                             Consumer<String> progress, Checkpointing ck) throws InterruptedException {
        long t0 = System.nanoTime();
        int k = testFolds.size();
        double[] best = new double[k];
        double[][] curves = new double[k][];
        boolean complete = true;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<FoldRun>> fs = new ArrayList<>();
            for (int f = 0; f < k; f++) {
                final int fold = f;
                fs.add(pool.submit(() -> trainFold(p, cfg, testFolds.get(fold), seed * 1000 + fold, fold, progress, ck)));
            }
            for (int f = 0; f < k; f++) {
                FoldRun run = fs.get(f).get();
                complete &= run.complete();
                curves[f] = run.curve();
                double b = 0;
                for (double a : curves[f]) {
                    b = Math.max(b, a);
                }
                best[f] = b;
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return complete ? new GraphCvResult(cfg.activation(), best, curves, (System.nanoTime() - t0) / 1e9) : null;
    }

    /** Trains one fold; returns the held-out accuracy after each epoch. */
    public static double[] trainFold(Prepared p, GraphConfig cfg, int[] test, long seed, int fold, Consumer<String> progress) {
        return trainFold(p, cfg, test, seed, fold, progress, Checkpointing.NONE).curve();
    }

    /**
     * Trains one fold, continuing from its checkpoint when there is one. Each epoch draws its
     * shuffle and dropout masks from a generator seeded by (seed, epoch), so that a resumed fold
     * needs no generator state and repeats the uninterrupted run bit for bit.
     */
    public static FoldRun trainFold(Prepared p, GraphConfig cfg, int[] test, long seed, int fold, Consumer<String> progress,
                                    Checkpointing ck) {
        int[] train = StratifiedKFold.trainOf(test, p.labels().length);
        SignGraphModel model = new SignGraphModel(p.width(), cfg.hidden() * cfg.blocks(), p.classes(), cfg.norm(),
                cfg.activation(), cfg.dropout(), cfg.inputDropout(), new Random(seed));
        ParamOptimizer adam = new ParamOptimizer(model.params(), cfg.lr(), cfg.weightDecay());
        double[] curve = new double[cfg.epochs()];
        double[] losses = new double[cfg.epochs()];
        java.nio.file.Path file = ck.file(cfg.activation(), fold);
        String config = cfg.toString();
        int testHash = java.util.Arrays.hashCode(test);
        int first = 0;
        if (file != null && java.nio.file.Files.isRegularFile(file)) {
            FoldCheckpoint c = FoldCheckpoint.read(file);
            if (!c.config().equals(config) || c.seed() != seed || c.fold() != fold || c.testHash() != testHash
                    || c.order().length != train.length || c.epochsDone() > cfg.epochs()
                    || (!c.finished() && !c.state().restore(model.params(), model.buffers(), adam))) {
                throw new org.qdl.sim.InvalidInputException("checkpoint " + file + " was written for other settings or data ("
                        + c.config() + ", seed " + c.seed() + ", fold " + (c.fold() + 1) + "); use another checkpoint directory");
            }
            first = c.epochsDone();
            System.arraycopy(c.curve(), 0, curve, 0, first);
            System.arraycopy(c.losses(), 0, losses, 0, first);
            train = c.order();
            if (c.finished() && first < cfg.epochs()) {
                throw new org.qdl.sim.InvalidInputException("checkpoint " + file + " holds a finished fold of " + first + " epochs, not " + cfg.epochs());
            }
            if (progress != null && first > 0) {
                progress.accept(String.format("fold %d resumed after epoch %d/%d from %s", fold + 1, first, cfg.epochs(), file));
            }
        }
        long start = System.nanoTime();
        int last = ck.epochsThisSession() > 0 ? Math.min(cfg.epochs(), first + ck.epochsThisSession()) : cfg.epochs();
        for (int epoch = first; epoch < last; epoch++) {
            Random rnd = new Random(epochSeed(seed, epoch));
            adam.setLearningRate(cfg.lr() * Math.pow(cfg.gamma(), epoch / cfg.stepSize()));
            shuffle(train, rnd);
            double lossSum = 0;
            int batches = 0;
            for (int s = 0; s < train.length; s += cfg.batch()) {
                int[] idx = java.util.Arrays.copyOfRange(train, s, Math.min(train.length, s + cfg.batch()));
                Batch b = batch(p, idx);
                adam.zeroGrad();
                DMatrixRMaj logits = b.xs != null ? model.forward(b.xs, b.graphOf, b.mult, idx.length, true, rnd)
                        : model.forward(b.x, b.graphOf, b.mult, idx.length, true, rnd);
                DMatrixRMaj grad = new DMatrixRMaj(logits.numRows, logits.numCols);
                lossSum += CrossEntropy.loss(logits, b.labels, grad);
                model.backward(grad);
                adam.step();
                batches++;
            }
            curve[epoch] = evaluate(model, p, test, cfg.batch() * 4);
            losses[epoch] = lossSum / batches;
            if (file != null) {
                boolean finished = epoch == cfg.epochs() - 1;
                new FoldCheckpoint(config, seed, fold, testHash, epoch + 1, java.util.Arrays.copyOf(curve, epoch + 1),
                        java.util.Arrays.copyOf(losses, epoch + 1), train.clone(),
                        finished ? null : TrainingState.capture(model.params(), model.buffers(), adam)).write(file);
            }
            int every = cfg.epochs() >= 200 ? 50 : 10;
            if (progress != null && ((epoch + 1) % every == 0 || epoch == cfg.epochs() - 1)) {
                double perEpoch = (System.nanoTime() - start) / 1e9 / (epoch + 1 - first);
                progress.accept(String.format("fold %d epoch %d/%d loss %.4f test-fold acc %.4f (%.1f s/epoch, fold ETA %.0f s)", fold + 1,
                        epoch + 1, cfg.epochs(), losses[epoch], curve[epoch], perEpoch, perEpoch * (cfg.epochs() - epoch - 1)));
            }
        }
        return new FoldRun(curve, losses, last == cfg.epochs());
    }

    /** The generator seed of one epoch (SplitMix64 finaliser of seed and epoch: distinct streams per epoch). */
    static long epochSeed(long seed, int epoch) {
        long z = seed * 0x9E3779B97F4A7C15L + (epoch + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    record Batch(DMatrixRMaj x, List<CompactRows> xs, int[] graphOf, double[] mult, int[] labels) {
    }

    static Batch batch(Prepared p, int[] idx) {
        int rows = 0;
        for (int g : idx) {
            rows += p.rows(g);
        }
        double[] mult = null;
        if (p.deduplicated()) {
            mult = new double[rows];
            int r = 0;
            for (int g : idx) {
                double[] m = p.multiplicities().get(g);
                System.arraycopy(m, 0, mult, r, m.length);
                r += m.length;
            }
        }
        if (p.sparse()) {
            List<CompactRows> parts = new ArrayList<>(idx.length);
            int[] graphOf = new int[rows];
            int[] labels = new int[idx.length];
            int r = 0;
            for (int b = 0; b < idx.length; b++) {
                CompactRows f = p.sparseFeatures().get(idx[b]);
                parts.add(f);
                java.util.Arrays.fill(graphOf, r, r + f.rows(), b);
                r += f.rows();
                labels[b] = p.labels()[idx[b]];
            }
            return new Batch(null, parts, graphOf, mult, labels);
        }
        DMatrixRMaj x = new DMatrixRMaj(rows, p.width());
        int[] graphOf = new int[rows];
        int[] labels = new int[idx.length];
        int r = 0;
        for (int b = 0; b < idx.length; b++) {
            DMatrixRMaj f = p.nodeFeatures().get(idx[b]);
            System.arraycopy(f.data, 0, x.data, r * p.width(), f.data.length);
            java.util.Arrays.fill(graphOf, r, r + f.numRows, b);
            r += f.numRows;
            labels[b] = p.labels()[idx[b]];
        }
        return new Batch(x, null, graphOf, mult, labels);
    }

    static double evaluate(SignGraphModel model, Prepared p, int[] idx, int chunk) {
        int ok = 0;
        for (int s = 0; s < idx.length; s += chunk) {
            int[] part = java.util.Arrays.copyOfRange(idx, s, Math.min(idx.length, s + chunk));
            Batch b = batch(p, part);
            DMatrixRMaj logits = b.xs != null ? model.forward(b.xs, b.graphOf, b.mult, part.length, false, null)
                    : model.forward(b.x, b.graphOf, b.mult, part.length, false, null);
            for (int i = 0; i < part.length; i++) {
                ok += CrossEntropy.argmax(logits, i) == b.labels[i] ? 1 : 0;
            }
        }
        return ok / (double) idx.length;
    }

    static void shuffle(int[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
