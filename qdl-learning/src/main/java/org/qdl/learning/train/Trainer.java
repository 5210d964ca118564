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
import org.qdl.learning.checkpoint.PartyCheckpoints;
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
import org.qdl.protocol.model.DistributedModel;
import org.qdl.sim.InvalidInputException;

/**
 * Mini-batch training over the network. Per step and per example of the batch (alice picks the
 * batch: the data and labels are hers): bob estimates f(x) from S_f = Hoeffding(2, ε, δ) shots and
 * sends it to alice (64 bits); alice sends the loss weight w = ℓ'(f̂, y) to every layer holder other
 * than herself (64 bits each); the estimator's protocol gives ∇f(x); where its estimates land with
 * the observable's holder (parameter shift, Hadamard test) bob sends each other holder its P_ℓ
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

    private final TrainConfig config;
    private final TrainingSetup setup;
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

    /** In-process training: both parties built in this process from the seed. */
    public Trainer(TrainConfig config) {
        this(config, new TrainingSetup(config.n(), config.layers(), config.trainCount(), config.testCount(), config.noise(), config.seed()),
                PartyCheckpoints.NONE, null);
    }

    /**
     * Training on {@code net}, whose parties alice and bob may be remote (each holding the state
     * {@link TrainingSetup#holdOwnState} gives it for this configuration). Remote layer holders
     * checkpoint their own parameters through {@code partyCheckpoints} under {@code runId}.
     */
    public Trainer(TrainConfig config, Network net, PartyCheckpoints partyCheckpoints, String runId) {
        this(config, new TrainingSetup(config.n(), config.layers(), config.trainCount(), config.testCount(), config.noise(), config.seed(), net),
                partyCheckpoints, runId);
    }

    private Trainer(TrainConfig config, TrainingSetup setup, PartyCheckpoints partyCheckpoints, String runId) {
        this.config = config;
        this.setup = setup;
        this.partyCheckpoints = partyCheckpoints;
        this.runId = runId;
        if (!remoteHolders().isEmpty() && (runId == null || runId.isEmpty())) throw new InvalidInputException("training with remote layer holders needs a run id");
        this.estimator = Estimators.byName(config.estimator());
        this.loss = Loss.parse(config.loss());
        this.precision = new Precision(config.epsilon(), config.delta());
        for (int l = 0; l < config.layers(); l++) {
            optimizers.add(Optimizer.create(config.optimizer(), config.learningRate(), setup.parameterCount(l)));
        }
        estimator.requireApplicable(setup.network(), setup.model(TrainingSetup.trainKey(0)));
    }

    /** Restores a run from a checkpoint written by {@link #checkpoint()}. */
    public static Trainer resume(Checkpoint c) {
        return restore(new Trainer(c.config()), c);
    }

    /**
     * Restores a run on {@code net} (parties possibly remote): in-process layers from the file, remote
     * holders load their own saved parameters for (run id, step) through {@code partyCheckpoints}.
     */
    public static Trainer resume(Checkpoint c, Network net, PartyCheckpoints partyCheckpoints) {
        return restore(new Trainer(c.config(), net, partyCheckpoints, c.runId()), c);
    }

    private static Trainer restore(Trainer t, Checkpoint c) {
        for (int l = 0; l < c.config().layers(); l++) {
            String key = t.setup.layerKeys().get(l);
            Map<String, double[]> opt = c.optimizer().get(key);
            if (opt == null) throw new InvalidInputException("checkpoint lacks the optimiser state of layer " + key);
            if (t.setup.inProcess(l)) {
                double[] theta = c.parameters().get(key);
                if (theta == null) throw new InvalidInputException("checkpoint lacks layer " + key + " (its holder " + t.setup.holders().get(l) + " kept it: give that party with --party)");
                t.setup.layer(l).setParameters(theta);
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
        for (int l = 0; l < config.layers(); l++) {
            String key = setup.layerKeys().get(l);
            if (setup.inProcess(l)) params.put(key, setup.layer(l).parameters());
            opt.put(key, optimizers.get(l).state());
        }
        return new Checkpoint(Checkpoint.VERSION, config, nextStep, params, opt, communication, baselineBits, copies,
                epochLossSum, epochLossCount, List.copyOf(history), remoteHolders().isEmpty() ? null : runId);
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
        for (int l = 0; l < config.layers(); l++) {
            String h = setup.holders().get(l);
            if (!setup.inProcess(l) && !r.contains(h)) r.add(h);
        }
        return r;
    }

    public String runId() {
        return runId;
    }

    /**
     * Runs until {@code stopAfter} steps in total (or the end), writing a checkpoint every
     * {@code every} steps to {@code dir}/checkpoint-STEP.json when dir is not null.
     */
    public List<EpochRecord> run(long stopAfter, int every, Path dir, Listener listener) throws IOException {
        long total = Math.min(stopAfter, config.totalSteps());
        if (nextStep == 0 && history.isEmpty()) { // the untrained model, as epoch 0
            EpochRecord r = evaluate(0);
            history.add(r);
            listener.epoch(r);
        }
        while (nextStep < total) {
            step(nextStep);
            nextStep++;
            if (nextStep % config.stepsPerEpoch() == 0) {
                EpochRecord r = evaluate((int) (nextStep / config.stepsPerEpoch()));
                history.add(r);
                listener.epoch(r);
            }
            listener.step(nextStep, config.totalSteps());
            if (dir != null && every > 0 && nextStep % every == 0) {
                CheckpointIO.write(saveCheckpoint(), dir.resolve("checkpoint-" + nextStep + ".json"));
            }
        }
        // the trained parameters stay the remote holders' own state for this run
        if (nextStep == config.totalSteps()) for (String p : remoteHolders()) partyCheckpoints.save(p, runId, nextStep);
        return List.copyOf(history);
    }

    private void step(long t) {
        Network net = setup.network();
        Communication before = Communication.of(net.ledger());
        int[] batch = batch(t);
        int p = 0;
        for (int l = 0; l < config.layers(); l++) p += setup.parameterCount(l);
        double[] grad = new double[p];
        Party obs = net.party(TrainingSetup.MODEL_PARTY);
        for (int e : batch) {
            SplittableRandom rng = new SplittableRandom(mix(config.seed(), t, e));
            DistributedModel m = setup.model(TrainingSetup.trainKey(e));
            double y = setup.train().y()[e];
            double f;
            if (config.estimator().equals("adjoint")) {
                f = m.exactOutput(net); // the exact reference trains on exact values
            } else {
                int sf = org.qdl.learning.gradient.ShotCount.of(Statistics.hoeffdingShots(2, precision.epsilon(), precision.delta()), precision);
                long seed = rng.nextLong();
                double[] out = net.repeated(sf, () -> obs.measure("O", m.forward(net, 0), sf, seed));
                f = Statistics.mean(out);
                f = net.classicalChannel(TrainingSetup.MODEL_PARTY, TrainingSetup.DATA_PARTY)
                        .send(TrainingSetup.MODEL_PARTY, new double[] {f}, NumberEncoding.FLOAT64, "f estimate")[0];
                copies += sf;
            }
            epochLossSum += loss.value(f, y);
            epochLossCount++;
            double w = loss.derivative(f, y);
            GradientEstimate g = estimator.estimate(net, m, precision, rng.nextLong());
            copies += g.copies();
            for (ParameterLayout.Entry en : ParameterLayout.of(net, m).entries()) {
                if (!config.estimator().equals("adjoint")) sendWeights(net, en, w);
            }
            for (int j = 0; j < p; j++) grad[j] += w * g.gradient()[j] / batch.length;
        }
        int off = 0;
        for (int l = 0; l < config.layers(); l++) {
            int size = setup.parameterCount(l);
            double[] gl = new double[size];
            System.arraycopy(grad, off, gl, 0, size);
            off += size;
            net.party(setup.holders().get(l)).updateLayer(setup.layerKeys().get(l), optimizers.get(l).step(gl));
        }
        Communication used = Communication.of(net.ledger()).minus(before);
        // rounds depend on the previous step's last direction; leave them out so resumed totals match
        communication = communication.plus(new Communication(used.qubits(), used.classicalBits(), used.messages(), 0, used.executions()));
        baselineBits += (long) batch.length * 2L * setup.hops() * config.n() * 64L;
    }

    /** Classical messages that carry the loss weight (and, for shift/Hadamard, the estimates) to a holder. */
    private void sendWeights(Network net, ParameterLayout.Entry en, double w) {
        if (!en.party().equals(TrainingSetup.DATA_PARTY)) {
            net.classicalChannel(TrainingSetup.DATA_PARTY, en.party()).send(TrainingSetup.DATA_PARTY, new double[] {w}, NumberEncoding.FLOAT64, "loss weight");
        }
        if (Estimators.estimatesAtObservable(config.estimator()) && !en.party().equals(TrainingSetup.MODEL_PARTY)) {
            net.classicalChannel(TrainingSetup.MODEL_PARTY, en.party()).sendBits(TrainingSetup.MODEL_PARTY, 64L * en.parameters(), "gradient");
        }
    }

    /** Examples of step t: the epoch's permutation (seeded by seed and epoch), sliced. */
    int[] batch(long t) {
        int spe = config.stepsPerEpoch();
        long epoch = t / spe;
        int[] perm = new int[config.trainCount()];
        for (int i = 0; i < perm.length; i++) perm[i] = i;
        SplittableRandom r = new SplittableRandom(mix(config.seed(), -1 - epoch, 0));
        for (int i = perm.length - 1; i > 0; i--) {
            int k = r.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[k];
            perm[k] = tmp;
        }
        int from = (int) (t % spe) * config.batchSize();
        int to = Math.min(perm.length, from + config.batchSize());
        int[] b = new int[to - from];
        System.arraycopy(perm, from, b, 0, b.length);
        return b;
    }

    private EpochRecord evaluate(int epoch) {
        double[] train = exactOutputs(setup.train(), true);
        double[] test = exactOutputs(setup.test(), false);
        double l = 0;
        for (int e = 0; e < train.length; e++) l += loss.value(train[e], setup.train().y()[e]);
        double est = epochLossCount == 0 ? Double.NaN : epochLossSum / epochLossCount;
        epochLossSum = 0;
        epochLossCount = 0;
        return new EpochRecord(epoch, nextStep, est, l / train.length, accuracy(train, setup.train().y()),
                accuracy(test, setup.test().y()), communication.qubits(), communication.classicalBits(), baselineBits, copies);
    }

    private double[] exactOutputs(SyntheticTask data, boolean training) {
        double[] f = new double[data.size()];
        for (int e = 0; e < f.length; e++) {
            f[e] = setup.model(training ? TrainingSetup.trainKey(e) : TrainingSetup.testKey(e)).exactOutput(setup.network());
        }
        return f;
    }

    static double accuracy(double[] f, double[] y) {
        int ok = 0;
        for (int e = 0; e < f.length; e++) if (Math.signum(f[e]) == y[e]) ok++;
        return (double) ok / f.length;
    }

    /** A well-mixed 64-bit seed from (seed, a, b) (SplitMix64 finaliser). */
    static long mix(long seed, long a, long b) {
        long z = seed ^ (a * 0x9E3779B97F4A7C15L) ^ (b * 0xC2B2AE3D27D4EB4FL);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public TrainingSetup setup() {
        return setup;
    }

    public TrainConfig config() {
        return config;
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
