package org.qdl.learning.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.qdl.learning.checkpoint.Checkpoint;
import org.qdl.learning.checkpoint.CheckpointIO;
import org.qdl.learning.gradient.Communication;
import org.qdl.learning.gradient.Estimators;
import org.qdl.learning.gradient.GradientEstimate;
import org.qdl.learning.gradient.GradientEstimator;
import org.qdl.learning.gradient.ParameterLayout;
import org.qdl.learning.gradient.Precision;
import org.qdl.learning.gradient.Statistics;
import org.qdl.learning.optim.Optimizer;
import org.qdl.protocol.Network;
import org.qdl.protocol.NumberEncoding;
import org.qdl.protocol.Party;
import org.qdl.protocol.PartyCheckpoints;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.sim.InvalidInputException;

/**
 * Mini-batch training over the network, on any {@link TrainingTask}. Per step and per example of
 * the batch (the data party picks the batch: the data and labels are its own): the observable's
 * holder estimates f(x) from S_f = Hoeffding(w_O, ε, δ) shots (for a rescaled model f = ‖x‖²⟨O⟩:
 * the data party first sends ‖x‖, and S_f = Hoeffding(‖x‖²w_O, ε, δ)) and sends it to the data party
 * (64 bits); the data party sends the loss weight w = ℓ'(f̂, y) to every layer holder other than
 * itself (64 bits each); the estimator's protocol gives ∇f(x); where its estimates land with the
 * observable's holder (parameter shift, Hadamard test) that holder sends each other holder its P_ℓ
 * numbers (64 bits each). Each holder then feeds w-weighted batch means to its own optimiser and
 * updates its layer in place. The classical baseline is distributed backpropagation: per example,
 * N numbers (64 bits) forward and N backward on every link crossing.
 *
 * <p>All randomness of step t comes from generators seeded by (seed, t, example), so a run resumed
 * from a checkpoint after step t repeats the uninterrupted run bit for bit.
 */
public final class Trainer {
    /** Progress callback: called after every step and after every epoch's evaluation. */
    public interface Listener {
        default void step(long step, long total) {}

        default void epoch(EpochRecord r) {}
    }

    private final TrainConfig config; // the embedded task's, else null
    private final TrainingSetup setup; // the embedded task's, else null
    private final TrainingTask task;
    private final TrainOptions options;
    private final GradientEstimator estimator;
    private final Loss loss;
    private final Precision precision;
    private final PartyCheckpoints partyCheckpoints;
    private final String runId;
    private final List<Optimizer> optimizers = new ArrayList<>();
    private final List<EpochRecord> history = new ArrayList<>();
    private long nextStep;
    private Communication communication = Communication.ZERO;
    private long baselineBits;
    private long copies;
    private double epochLossSum;
    private long epochLossCount;

    /** In-process training on the embedded task: both parties built in this process from the seed. */
    public Trainer(TrainConfig config) {
        this(config, new TrainingSetup(config.n(), config.layers(), config.trainCount(), config.testCount(), config.noise(), config.seed()),
                PartyCheckpoints.NONE, null);
    }

    /**
     * The embedded task on {@code net}, whose parties alice and bob may be remote (each holding the
     * state {@link TrainingSetup#holdOwnState} gives it for this configuration). Remote layer holders
     * checkpoint their own parameters through {@code partyCheckpoints} under {@code runId}.
     */
    public Trainer(TrainConfig config, Network net, PartyCheckpoints partyCheckpoints, String runId) {
        this(config, new TrainingSetup(config.n(), config.layers(), config.trainCount(), config.testCount(), config.noise(), config.seed(), net),
                partyCheckpoints, runId);
    }

    private Trainer(TrainConfig config, TrainingSetup setup, PartyCheckpoints partyCheckpoints, String runId) {
        this(config, setup, setup.task(), config.options(), partyCheckpoints, runId);
    }

    /**
     * Training on any task: its parties may be in-process or remote; remote layer holders checkpoint
     * their own parameters through {@code partyCheckpoints} under {@code runId}.
     */
    public Trainer(TrainingTask task, TrainOptions options, PartyCheckpoints partyCheckpoints, String runId) {
        this(null, null, task, options, partyCheckpoints, runId);
    }

    private Trainer(TrainConfig config, TrainingSetup setup, TrainingTask task, TrainOptions options, PartyCheckpoints partyCheckpoints, String runId) {
        this.config = config;
        this.setup = setup;
        this.task = task;
        this.options = options;
        this.partyCheckpoints = partyCheckpoints;
        this.runId = runId;
        if (options.batchSize() > task.trainCount()) throw new InvalidInputException("batch size must lie in 1.." + task.trainCount() + ", got " + options.batchSize());
        if (!remoteHolders().isEmpty() && (runId == null || runId.isEmpty())) throw new InvalidInputException("training with remote layer holders needs a run id");
        this.estimator = Estimators.byName(options.estimator());
        this.loss = Loss.parse(options.loss());
        this.precision = new Precision(options.epsilon(), options.delta());
        for (TrainingTask.TrainableLayer l : task.layers()) optimizers.add(Optimizer.create(options.optimizer(), options.learningRate(), l.parameters()));
        estimator.requireApplicable(task.network(), task.model(TrainingTask.trainKey(0)));
    }

    /** Restores a run of the embedded task from a checkpoint written by {@link #checkpoint()}. */
    public static Trainer resume(Checkpoint c) {
        return restore(new Trainer(embedded(c)), c);
    }

    /**
     * Restores a run of the embedded task on {@code net} (parties possibly remote): in-process layers
     * from the file, remote holders load their own saved parameters for (run id, step) through
     * {@code partyCheckpoints}.
     */
    public static Trainer resume(Checkpoint c, Network net, PartyCheckpoints partyCheckpoints) {
        return restore(new Trainer(embedded(c), net, partyCheckpoints, c.runId()), c);
    }

    /** Restores a run on {@code task}, which must be the checkpoint's (same structure and labels). */
    public static Trainer resume(Checkpoint c, TrainingTask task, PartyCheckpoints partyCheckpoints) {
        if (c.config() != null || c.options() == null) throw new InvalidInputException("this checkpoint is of the embedded task: resume it without --model");
        if (!task.identity().equals(c.task())) {
            throw new InvalidInputException("the checkpoint is of another task: it was written for [" + c.task() + "], this model and data are [" + task.identity() + "]");
        }
        return restore(new Trainer(task, c.options(), partyCheckpoints, c.runId()), c);
    }

    private static TrainConfig embedded(Checkpoint c) {
        if (c.config() == null) throw new InvalidInputException("this checkpoint is of a model-file run: resume it with the same --model and --data");
        return c.config();
    }

    private static Trainer restore(Trainer t, Checkpoint c) {
        List<TrainingTask.TrainableLayer> ls = t.task.layers();
        for (int l = 0; l < ls.size(); l++) {
            String key = ls.get(l).layer();
            Map<String, double[]> opt = c.optimizer().get(key);
            if (opt == null) throw new InvalidInputException("checkpoint lacks the optimiser state of layer " + key);
            if (t.task.inProcess(l)) {
                double[] theta = c.parameters().get(key);
                if (theta == null) throw new InvalidInputException("checkpoint lacks layer " + key + " (its holder " + ls.get(l).party() + " kept it: give that party with --party)");
                t.task.layer(l).setParameters(theta);
            }
            t.optimizers.get(l).restore(opt);
        }
        for (String p : t.remoteHolders()) t.partyCheckpoints.restore(p, c.runId(), c.nextStep());
        t.nextStep = c.nextStep();
        t.communication = c.communication();
        t.baselineBits = c.baselineBits();
        t.copies = c.copies();
        t.epochLossSum = c.epochLossSum();
        t.epochLossCount = c.epochLossCount();
        t.history.addAll(c.history());
        return t;
    }

    public Checkpoint checkpoint() {
        Map<String, double[]> params = new LinkedHashMap<>();
        Map<String, Map<String, double[]>> opt = new LinkedHashMap<>();
        List<TrainingTask.TrainableLayer> ls = task.layers();
        for (int l = 0; l < ls.size(); l++) {
            if (task.inProcess(l)) params.put(ls.get(l).layer(), task.layer(l).parameters());
            opt.put(ls.get(l).layer(), optimizers.get(l).state());
        }
        return new Checkpoint(Checkpoint.VERSION, config, nextStep, params, opt, communication, baselineBits, copies,
                epochLossSum, epochLossCount, List.copyOf(history), remoteHolders().isEmpty() ? null : runId,
                config == null ? options : null, config == null ? task.identity() : null);
    }

    /**
     * Asks every remote layer holder to persist its layers for the current step, then returns the
     * coordinator's part. Parties save first, so a coordinator file on disk implies its step exists
     * at every party.
     */
    public Checkpoint saveCheckpoint() {
        for (String p : remoteHolders()) partyCheckpoints.save(p, runId, nextStep);
        return checkpoint();
    }

    /** Holders of layers that live in another process, in layer order without repeats. */
    public List<String> remoteHolders() {
        List<String> r = new ArrayList<>();
        for (int l = 0; l < task.layers().size(); l++) {
            String h = task.layers().get(l).party();
            if (!task.inProcess(l) && !r.contains(h)) r.add(h);
        }
        return r;
    }

    public String runId() {
        return runId;
    }

    public long totalSteps() {
        return (long) options.epochs() * stepsPerEpoch();
    }

    private int stepsPerEpoch() {
        return options.stepsPerEpoch(task.trainCount());
    }

    /**
     * Runs until {@code stopAfter} steps in total (or the end), writing a checkpoint every
     * {@code every} steps to {@code dir}/checkpoint-STEP.json when dir is not null.
     */
    public List<EpochRecord> run(long stopAfter, int every, Path dir, Listener listener) throws IOException {
        long total = Math.min(stopAfter, totalSteps());
        if (nextStep == 0 && history.isEmpty()) { // the untrained model, as epoch 0
            EpochRecord r = evaluate(0);
            history.add(r);
            listener.epoch(r);
        }
        while (nextStep < total) {
            step(nextStep);
            nextStep++;
            if (nextStep % stepsPerEpoch() == 0) {
                EpochRecord r = evaluate((int) (nextStep / stepsPerEpoch()));
                history.add(r);
                listener.epoch(r);
            }
            listener.step(nextStep, totalSteps());
            if (dir != null && every > 0 && nextStep % every == 0) {
                CheckpointIO.write(saveCheckpoint(), dir.resolve("checkpoint-" + nextStep + ".json"));
            }
        }
        // the trained parameters stay the remote holders' own state for this run
        if (nextStep == totalSteps()) for (String p : remoteHolders()) partyCheckpoints.save(p, runId, nextStep);
        return List.copyOf(history);
    }

    private void step(long t) {
        Network net = task.network();
        Communication before = Communication.of(net.ledger());
        int[] batch = batch(t);
        int p = 0;
        for (TrainingTask.TrainableLayer l : task.layers()) p += l.parameters();
        double[] grad = new double[p]; // per trainable layer, in layer order
        Party obs = net.party(task.observableParty());
        double[] labels = task.trainLabels();
        List<ParameterLayout.Entry> entries = null;
        for (int e : batch) {
            SplittableRandom rng = new SplittableRandom(Batches.mix(options.seed(), t, e));
            DistributedModel m = task.model(TrainingTask.trainKey(e));
            double y = labels[e];
            double f;
            if (options.estimator().equals("adjoint")) {
                f = m.exactOutput(net); // the exact reference trains on exact values
            } else {
                double scale = m.outputScale(net); // ‖x‖² for a rescaled model (the norm message), else 1
                int sf = org.qdl.learning.gradient.ShotCount.of(Statistics.hoeffdingShots(task.outcomeWidth() * scale, precision.epsilon(), precision.delta()), precision);
                long seed = rng.nextLong();
                double[] out = net.repeated(sf, () -> obs.measure(m.observableKey(), m.forward(net, 0), sf, seed));
                f = scale * Statistics.mean(out);
                if (!task.observableParty().equals(task.dataParty())) {
                    f = net.classicalChannel(task.observableParty(), task.dataParty())
                            .send(task.observableParty(), new double[] {f}, NumberEncoding.FLOAT64, "f estimate")[0];
                }
                copies += sf;
            }
            epochLossSum += loss.value(f, y);
            epochLossCount++;
            double w = loss.derivative(f, y);
            GradientEstimate g = estimator.estimate(net, m, precision, rng.nextLong());
            copies += g.copies();
            entries = ParameterLayout.of(net, m).entries();
            for (ParameterLayout.Entry en : entries) {
                if (!options.estimator().equals("adjoint")) sendWeights(net, en, w);
            }
            // a layer applied at several stages gets the sum of their derivatives
            for (ParameterLayout.Entry en : entries) {
                int at = task.layerOffset(task.layerIndex(en.party(), en.layer()));
                for (int j = 0; j < en.parameters(); j++) grad[at + j] += w * g.gradient()[en.offset() + j] / batch.length;
            }
        }
        List<TrainingTask.TrainableLayer> ls = task.layers();
        for (int l = 0, off = 0; l < ls.size(); l++) {
            int size = ls.get(l).parameters();
            double[] gl = new double[size];
            System.arraycopy(grad, off, gl, 0, size);
            off += size;
            net.party(ls.get(l).party()).updateLayer(ls.get(l).layer(), optimizers.get(l).step(gl));
        }
        Communication used = Communication.of(net.ledger()).minus(before);
        // rounds depend on the previous step's last direction; leave them out so resumed totals match
        communication = communication.plus(new Communication(used.qubits(), used.classicalBits(), used.messages(), 0, used.executions()));
        baselineBits += (long) batch.length * 2L * task.hops() * task.dimension() * 64L;
    }

    /** Classical messages that carry the loss weight (and, for shift/Hadamard, the estimates) to a holder. */
    private void sendWeights(Network net, ParameterLayout.Entry en, double w) {
        String data = task.dataParty(), obs = task.observableParty();
        if (!en.party().equals(data)) {
            net.classicalChannel(data, en.party()).send(data, new double[] {w}, NumberEncoding.FLOAT64, "loss weight");
        }
        if (Estimators.estimatesAtObservable(options.estimator()) && !en.party().equals(obs)) {
            net.classicalChannel(obs, en.party()).sendBits(obs, 64L * en.parameters(), "gradient");
        }
    }

    /** Examples of step t: the epoch's permutation (seeded by seed and epoch), sliced. */
    int[] batch(long t) {
        return Batches.of(t, stepsPerEpoch(), task.trainCount(), options.batchSize(), options.seed());
    }

    private EpochRecord evaluate(int epoch) {
        double[] train = exactOutputs(task.trainCount(), true), test = exactOutputs(task.testCount(), false);
        double[] y = task.trainLabels();
        double l = 0;
        for (int e = 0; e < train.length; e++) l += loss.value(train[e], y[e]);
        double est = epochLossCount == 0 ? Double.NaN : epochLossSum / epochLossCount;
        epochLossSum = 0;
        epochLossCount = 0;
        return new EpochRecord(epoch, nextStep, est, l / train.length, accuracy(train, y),
                accuracy(test, task.testLabels()), communication.qubits(), communication.classicalBits(), baselineBits, copies);
    }

    private double[] exactOutputs(int count, boolean training) {
        double[] f = new double[count];
        for (int e = 0; e < f.length; e++) {
            f[e] = task.model(training ? TrainingTask.trainKey(e) : TrainingTask.testKey(e)).exactOutput(task.network());
        }
        return f;
    }

    static double accuracy(double[] f, double[] y) {
        int ok = 0;
        for (int e = 0; e < f.length; e++) if (Math.signum(f[e]) == y[e]) ok++;
        return (double) ok / f.length;
    }

    /** The embedded task's setup (null for a run on another task). */
    public TrainingSetup setup() {
        return setup;
    }

    /** The embedded task's configuration (null for a run on another task). */
    public TrainConfig config() {
        return config;
    }

    public TrainingTask task() {
        return task;
    }

    public TrainOptions options() {
        return options;
    }

    public long nextStep() {
        return nextStep;
    }

    public List<EpochRecord> history() {
        return List.copyOf(history);
    }

    public Communication communication() {
        return communication;
    }
}
