package org.qdl.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.qdl.protocol.model.file.ModelFileBench;
import org.qdl.sim.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qdl bench model}: prints {@link ModelFileBench} (the logic lives in qdl-protocol). */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = {"Reading a model file (parse, schema, data, OpenQASM compile, build) against building the same three-party model",
                "in Java, as a fraction of one S-shot inference on it. Target: file − Java ≤ 5% of a 1000-shot inference at n = 16."})
public final class ModelBenchCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "-n", description = "qubits (default ${DEFAULT-VALUE})", defaultValue = "16")
    int n;

    @Option(names = "--shots", description = "shots of the inference (default ${DEFAULT-VALUE})", defaultValue = "1000")
    long shots;

    @Option(names = "--reps", description = "timed repetitions (default ${DEFAULT-VALUE})", defaultValue = "15")
    int reps;

    @Option(names = "--warmup", description = "untimed repetitions first (default ${DEFAULT-VALUE})", defaultValue = "5")
    int warmup;

    @Override
    public Integer call() throws Exception {
        if (n < 3 || n > 24) throw new InvalidInputException("-n must be between 3 and 24, got " + n);
        if (shots < 1 || shots > Integer.MAX_VALUE || reps < 1 || warmup < 0) throw new InvalidInputException("--shots and --reps must be positive, --warmup non-negative");
        ModelFileBench.Result r = ModelFileBench.run(n, shots, reps, warmup);
        PrintWriter w = spec.commandLine().getOut();
        w.printf("n = %d, %d-shot inference, medians of %d (after %d warm-up rounds)%n", r.n(), r.shots(), r.reps(), warmup);
        w.printf("%-52s %10.3f ms%n", "model file: parse + schema + data + OpenQASM + build", 1e3 * r.fileSeconds());
        w.printf("%-52s %10.3f ms%n", "same model built in Java", 1e3 * r.javaSeconds());
        w.printf("%-52s %10.3f ms%n", "one " + r.shots() + "-shot inference", 1e3 * r.inferenceSeconds());
        w.printf("%-52s %10.3f ms%n", "first model-file load in this JVM (cold)", 1e3 * r.firstFileSeconds());
        w.printf("file − Java = %.2f%% of the inference (target ≤ 5%%); whole file path %.2f%%%n", 100 * r.overheadFraction(), 100 * r.fileFraction());
        return Main.OK;
    }
}
