package org.qdl.cli.learning;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qdl.learning.checkpoint.Checkpoint;
import org.qdl.learning.checkpoint.CheckpointIO;
import org.qdl.learning.train.EpochRecord;
import org.qdl.learning.train.TrainConfig;
import org.qdl.learning.train.Trainer;
import org.qdl.cli.CoordinatorOptions;
import org.qdl.learning.train.TrainingSetup;
import org.qdl.learning.train.LabelledData;
import org.qdl.learning.train.ModelTasks;
import org.qdl.learning.train.TrainOptions;
import org.qdl.learning.train.TrainingTask;
import org.qdl.protocol.PartyCheckpoints;
import org.qdl.protocol.model.file.ModelFile;
import org.qdl.net.Coordinator;
import org.qdl.net.RemotePartyException;
import org.qdl.protocol.LocalParty;
import org.qdl.sim.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qdl train}: distributed training on the embedded two-distribution task. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a distributed model over the simulated network on the embedded synthetic task",
            "(amplitude-encoded vectors from two distributions that differ in a sign pattern).",
            "alice holds the data and the Z-type layers, bob the X-type layers and O = Z0.",
            "Prints loss, accuracy and cumulative qubits vs classical bits per epoch; writes CSV, JSON and plots.",
            "With --party alice=HOST:PORT / bob=HOST:PORT the parties are servers ('qdl party serve' on a state dir from",
            "'qdl party example --training'); the same seeds give the same run. Remote parties keep their own layers:",
            "checkpoints hold the coordinator's state, each party saves its layers under its state dir (docs/network.md)."})
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--n", description = "vector length N, a power of two (default ${DEFAULT-VALUE})", defaultValue = "1024")
    int n;

    @Option(names = "--layers", description = "layers L, alternating alice/bob (default ${DEFAULT-VALUE})", defaultValue = "2")
    int layers;

    @Option(names = "--train", description = "training vectors (default ${DEFAULT-VALUE})", defaultValue = "32")
    int train;

    @Option(names = "--test", description = "test vectors (default ${DEFAULT-VALUE})", defaultValue = "64")
    int test;

    @Option(names = "--noise", description = "noise σ relative to the unit sign pattern (default ${DEFAULT-VALUE})", defaultValue = "1.0")
    double noise;

    @Option(names = "--seed", description = "seed fixing data, initial parameters, batches and shots (default ${DEFAULT-VALUE})", defaultValue = "1")
    long seed;

    @Option(names = "--estimator", description = "adjoint, parameter-shift, hadamard-test, simultaneous, classical-shadows (default ${DEFAULT-VALUE})", defaultValue = "simultaneous")
    String estimator;

    @Option(names = "--loss", description = "logistic or squared (default ${DEFAULT-VALUE})", defaultValue = "logistic")
    String loss;

    @Option(names = "--optimizer", description = "adam or sgd (with momentum 0.9) (default ${DEFAULT-VALUE})", defaultValue = "adam")
    String optimizer;

    @Option(names = "--lr", description = "learning rate (default ${DEFAULT-VALUE})", defaultValue = "0.1")
    double lr;

    @Option(names = "--batch", description = "mini-batch size (default ${DEFAULT-VALUE})", defaultValue = "8")
    int batch;

    @Option(names = "--epochs", description = "epochs (default ${DEFAULT-VALUE})", defaultValue = "5")
    int epochs;

    @Option(names = "--epsilon", description = "target precision ε of each per-example gradient (default ${DEFAULT-VALUE})", defaultValue = "0.15")
    double epsilon;

    @Option(names = "--delta", description = "failure probability δ of that precision (default ${DEFAULT-VALUE})", defaultValue = "0.1")
    double delta;

    @Option(names = "--checkpoint-every", description = "write a checkpoint every K steps to OUT/checkpoints (0: never; default ${DEFAULT-VALUE})", defaultValue = "0")
    int every;

    @Option(names = "--resume", description = "continue from this checkpoint (its configuration replaces the options above)")
    Path resume;

    @Option(names = "--out", description = "output directory (default ${DEFAULT-VALUE})", defaultValue = "runs/train")
    Path out;

    @Option(names = "--json", description = "print the run as JSON on stdout instead of the table")
    boolean json;

    @CommandLine.Mixin
    CoordinatorOptions parties;

    @Option(names = "--model", paramLabel = "FILE", description = "train your own model (docs/models.md) instead of the embedded task; needs --data")
    Path model;

    @Option(names = "--data", paramLabel = "FILE", description = "with --model: the labelled data set of the model's input party (rows of N numbers and a label ±1;"
            + " every 4th row is a test row unless --test-data is given)")
    Path data;

    @Option(names = "--test-data", paramLabel = "FILE", description = "with --model: the test set, in the format of --data")
    Path testData;

    @Option(names = "--labels", paramLabel = "FILE", description = "labels ±1 of --data when it holds the examples only (a 2-D .npy array, or rows of N numbers)")
    Path labels;

    @Option(names = "--test-labels", paramLabel = "FILE", description = "labels of --test-data, as --labels")
    Path testLabels;

    @Option(names = "--run-id", paramLabel = "ID", description = "run id under which remote parties save their layers at checkpoints"
            + " (default: train-SEED-RANDOM; a resumed run keeps its checkpoint's)")
    String runId;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (every < 0) throw new InvalidInputException("--checkpoint-every must be ≥ 0, got " + every);
        Checkpoint from = resume == null ? null : CheckpointIO.read(resume);
        if (model != null || data != null || testData != null || labels != null) return trainModel(from);
        if (from != null && from.config() == null) throw new InvalidInputException(resume + " is a checkpoint of a model run: resume it with the same --model and --data");
        TrainConfig config = from != null ? from.config()
                : new TrainConfig(n, layers, train, test, noise, seed, estimator, loss, optimizer, lr, batch, epochs, epsilon, delta);
        if (!parties.anyParty()) return train(from == null ? new Trainer(config) : Trainer.resume(from), from);
        try (Coordinator co = parties.connect()) {
            // alice or bob not named is built here from the seed, exactly as in-process
            List<String> named = parties.partyNames();
            for (String p : List.of(TrainingSetup.DATA_PARTY, TrainingSetup.MODEL_PARTY)) {
                if (named.contains(p)) continue;
                LocalParty lp = new LocalParty(p);
                TrainingSetup.holdOwnState(lp, config.n(), config.layers(), config.trainCount(), config.testCount(), config.noise(), config.seed());
                co.network().add(lp);
            }
            String id = runId != null ? runId : "train-" + config.seed() + "-" + Long.toHexString(new java.security.SecureRandom().nextLong() >>> 16);
            Trainer t = from == null ? new Trainer(config, co.network(), co.partyCheckpoints(), id)
                    : Trainer.resume(from, co.network(), co.partyCheckpoints());
            if (!t.remoteHolders().isEmpty()) err.println("run id " + t.runId() + ": remote parties " + t.remoteHolders() + " keep their layers under STATE_DIR/runs/" + t.runId());
            return train(t, from);
        }
    }

    /** qdl train --model FILE --data FILE: the user's model, in-process or with some parties remote. */
    private int trainModel(Checkpoint from) throws IOException {
        if (model == null || data == null) throw new InvalidInputException("--model and --data go together: give both");
        LabelledData set = LabelledData.read(data, labels, testData, testLabels);
        TrainOptions o = new TrainOptions(seed, estimator, loss, optimizer, lr, batch, epochs, epsilon, delta);
        if (!parties.anyParty()) {
            TrainingTask task = ModelTasks.inProcess(ModelFile.load(model), set, data.toString());
            return train(from == null ? new Trainer(task, o, PartyCheckpoints.NONE, null) : Trainer.resume(from, task, PartyCheckpoints.NONE), from);
        }
        try (Coordinator co = parties.connect()) {
            List<String> named = parties.partyNames();
            TrainingTask task = ModelTasks.on(co.network(), ModelFile.load(model, named), set, data.toString(), named);
            String id = runId != null ? runId : "train-" + seed + "-" + Long.toHexString(new java.security.SecureRandom().nextLong() >>> 16);
            Trainer t = from == null ? new Trainer(task, o, co.partyCheckpoints(), id) : Trainer.resume(from, task, co.partyCheckpoints());
            if (!t.remoteHolders().isEmpty()) err().println("run id " + t.runId() + ": remote parties " + t.remoteHolders() + " keep their layers under STATE_DIR/runs/" + t.runId());
            return train(t, from);
        }
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    private int train(Trainer t, Checkpoint from) throws IOException {
        PrintWriter o = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        if (from != null) err.println("resuming from " + resume + " at step " + from.nextStep() + " of " + t.totalSteps());
        TrainConfig c = t.config();
        TrainOptions op = t.options();
        Files.createDirectories(out);
        if (!json && c == null) {
            o.printf("model %s: N = %d (%d qubits), parties %s, %d trainable layers, %d train / %d test, estimator %s, %s loss, %s lr %.3g, batch %d, ε = %.3g, δ = %.3g, seed %d%n",
                    model, t.task().dimension(), t.task().qubits(), t.task().network().parties().stream().map(org.qdl.protocol.Party::name).toList(),
                    t.task().layers().size(), t.task().trainCount(), t.task().testCount(), op.estimator(), op.loss(), op.optimizer(),
                    op.learningRate(), op.batchSize(), op.epsilon(), op.delta(), op.seed());
        } else if (!json) {
            o.printf("task: N = %d (%d qubits), L = %d, %d train / %d test, estimator %s, %s loss, %s lr %.3g, batch %d, ε = %.3g, δ = %.3g, seed %d%n",
                    c.n(), t.setup().qubits(), c.layers(), c.trainCount(), c.testCount(), c.estimator(), c.loss(), c.optimizer(),
                    c.learningRate(), c.batchSize(), c.epsilon(), c.delta(), c.seed());
        }
        if (!json) {
            o.printf("%5s %7s %10s %10s %9s %9s %14s %14s %16s %12s%n", "epoch", "steps", "est.loss", "train.loss", "train.acc", "test.acc",
                    "qubits", "q.class.bits", "backprop.bits", "copies");
            for (EpochRecord r : t.history()) row(o, r);
            o.flush();
        }
        ProgressBar bar = new ProgressBar(err, "train");
        try {
            runSteps(t, bar, o, err);
        } catch (RemotePartyException e) {
            if (!e.operational()) {
                err.println(); // the error's line must not continue the progress bar's
                throw e;
            }
            err.println(); // end the progress bar's line
            long last = every > 0 ? t.nextStep() / every * every : 0;
            Path cp = out.resolve("checkpoints").resolve("checkpoint-" + last + ".json");
            throw e.withContext("training stopped in step " + (t.nextStep() + 1) + " of " + t.totalSteps()
                    + (last > 0 && Files.exists(cp) ? "; once the party is back, continue with --resume " + cp : "; no checkpoint to resume from"));
        } catch (RuntimeException e) {
            err.println(); // the error's line must not continue the progress bar's
            throw e;
        }
        bar.finish();
        return finish(t, o);
    }

    private void runSteps(Trainer t, ProgressBar bar, PrintWriter o, PrintWriter err) throws IOException {
        t.run(Long.MAX_VALUE, every, every > 0 ? out.resolve("checkpoints") : null, new Trainer.Listener() {
            @Override
            public void step(long step, long total) {
                bar.update(step, total, "steps");
            }

            @Override
            public void epoch(EpochRecord r) {
                if (!json) {
                    err.print("\r");
                    row(o, r);
                    o.flush();
                }
            }
        });
    }

    private int finish(Trainer t, PrintWriter o) throws IOException {
        List<EpochRecord> h = t.history();
        writeCsv(h, out.resolve("train-epochs.csv"));
        Map<String, Object> doc = new LinkedHashMap<>();
        if (t.config() != null) doc.put("config", t.config());
        else {
            doc.put("model", model.toString());
            doc.put("data", data.toString());
            doc.put("options", t.options());
        }
        doc.put("qubitsPerCopy", t.task().qubits());
        doc.put("linkCrossingsPerForwardPass", t.task().hops());
        doc.put("epochs", h);
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        org.qdl.cli.OutputFiles.write(out.resolve("train.json"), () -> m.writeValue(out.resolve("train.json").toFile(), doc));
        List<Path> files = new ArrayList<>(List.of(out.resolve("train-epochs.csv"), out.resolve("train.json")));
        files.addAll(plots(h, t.options().estimator(), t.task().dimension()));
        if (json) o.println(m.writeValueAsString(doc));
        else {
            EpochRecord last = h.get(h.size() - 1);
            o.printf("after %d steps: test accuracy %.3f; %d qubits and %d classical bits crossed the links, against %d bits for distributed backpropagation (%.3g×)%n",
                    last.steps(), last.testAccuracy(), last.qubits(), last.classicalBits(), last.baselineBits(),
                    last.baselineBits() / (double) Math.max(1, last.qubits() + last.classicalBits()));
            o.println("wrote " + files);
        }
        return 0;
    }

    private static void row(PrintWriter o, EpochRecord r) {
        o.printf("%5d %7d %10.4f %10.4f %9.3f %9.3f %14d %14d %16d %12d%n", r.epoch(), r.steps(), r.estimatedLoss(), r.trainLoss(),
                r.trainAccuracy(), r.testAccuracy(), r.qubits(), r.classicalBits(), r.baselineBits(), r.copies());
    }

    static void writeCsv(List<EpochRecord> h, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("epoch,steps,estimated_loss,train_loss,train_accuracy,test_accuracy,qubits,classical_bits,backprop_bits,copies\n");
        for (EpochRecord r : h) {
            sb.append(r.epoch()).append(',').append(r.steps()).append(',').append(r.estimatedLoss()).append(',').append(r.trainLoss())
                    .append(',').append(r.trainAccuracy()).append(',').append(r.testAccuracy()).append(',').append(r.qubits())
                    .append(',').append(r.classicalBits()).append(',').append(r.baselineBits()).append(',').append(r.copies()).append('\n');
        }
        org.qdl.cli.OutputFiles.write(file, () -> Files.writeString(file, sb.toString()));
    }

    private List<Path> plots(List<EpochRecord> h, String estimator, int n) throws IOException {
        int k = h.size();
        double[] ep = new double[k], tl = new double[k], tra = new double[k], tea = new double[k], steps = new double[k];
        List<Double> sx = new ArrayList<>(), qb = new ArrayList<>(), cb = new ArrayList<>(), bb = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            EpochRecord r = h.get(i);
            ep[i] = r.epoch();
            tl[i] = r.trainLoss();
            tra[i] = r.trainAccuracy();
            tea[i] = r.testAccuracy();
            steps[i] = r.steps();
            if (r.steps() > 0) { // log axes: leave out the step-0 origin
                sx.add((double) r.steps());
                qb.add((double) Math.max(1, r.qubits()));
                cb.add((double) Math.max(1, r.classicalBits()));
                bb.add((double) r.baselineBits());
            }
        }
        List<Path> files = new ArrayList<>();
        files.addAll(LearningPlots.save(LearningPlots.chart("Training (" + estimator + ", N = " + n + ")", "epoch", "loss / accuracy", false, false,
                List.of(new LearningPlots.Series("train loss (exact)", ep, tl), new LearningPlots.Series("train accuracy", ep, tra),
                        new LearningPlots.Series("test accuracy", ep, tea))), out.resolve("train-curves")));
        List<LearningPlots.Series> comm = new ArrayList<>();
        comm.add(new LearningPlots.Series("qubits (" + estimator + ")", arr(sx), arr(qb)));
        if (!estimator.equals("adjoint")) comm.add(new LearningPlots.Series("classical bits of the quantum protocol", arr(sx), arr(cb)));
        comm.add(new LearningPlots.Series("classical backpropagation bits", arr(sx), arr(bb)));
        files.addAll(LearningPlots.save(LearningPlots.chart("Cumulative communication (N = " + n + ")", "steps", "qubits or bits", false, true, comm),
                out.resolve("train-communication")));
        return files;
    }

    static double[] arr(List<Double> v) {
        double[] a = new double[v.size()];
        for (int i = 0; i < a.length; i++) a[i] = v.get(i);
        return a;
    }
}
