package org.qdl.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.qdl.net.TwoPartyExample;
import org.qdl.sim.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qdl party example}: state directories for the two-party model of {@link TwoPartyExample}. */
@Command(name = "example", mixinStandardHelpOptions = true,
        description = "Write seeded state directories DIR/alice and DIR/bob for a two-party model"
                + " (alice: x and odd layers; bob: even layers and O), or with --training for a training run.")
public final class PartyExampleCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Option(names = {"-n", "--qubits"}, defaultValue = "10", description = "Data qubits n (N = 2^n). Default: ${DEFAULT-VALUE}.")
    int n;

    @Option(names = {"-L", "--layers"}, defaultValue = "4", description = "Layers, alternating alice, bob, … Default: ${DEFAULT-VALUE}.")
    int layers;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the data and layer parameters. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--training", description = "Write a training pair for 'qdl train --party …' instead: party.json files with a"
            + " \"training\" section (alice: data set, odd layers; bob: even layers, O = Z0), N = 2^n, from --seed.")
    boolean training;

    @Option(names = "--train", defaultValue = "32", description = "With --training: training vectors. Default: ${DEFAULT-VALUE}.")
    int trainCount;

    @Option(names = "--test", defaultValue = "64", description = "With --training: test vectors. Default: ${DEFAULT-VALUE}.")
    int testCount;

    @Option(names = "--noise", defaultValue = "1.0", description = "With --training: noise σ of the task. Default: ${DEFAULT-VALUE}.")
    double noise;

    @Override
    public Integer call() throws Exception {
        if (training) return trainingPair();
        if (n < 3 || n > 26) throw new InvalidInputException("--qubits must be in 3..26 (the observable uses qubits 0..2), got " + n);
        if (layers < 2) throw new InvalidInputException("--layers must be at least 2 (bob holds the even layers), got " + layers);
        write(out.resolve("alice"), TwoPartyExample.aliceJson(n, layers, seed));
        write(out.resolve("bob"), TwoPartyExample.bobJson(n, layers, seed));
        spec.commandLine().getOut().printf("wrote %s and %s%nmodel options: --data alice:x --stages %s --observable bob:O%n",
                out.resolve("alice/party.json"), out.resolve("bob/party.json"), TwoPartyExample.stages(layers));
        return 0;
    }

    private int trainingPair() throws java.io.IOException {
        if (n < 1 || n > 26) throw new InvalidInputException("--qubits must be in 1..26, got " + n);
        if (layers < 1) throw new InvalidInputException("--layers must be at least 1, got " + layers);
        for (String p : java.util.List.of("alice", "bob")) {
            String json = TwoPartyExample.trainingJson(p, 1 << n, layers, trainCount, testCount, noise, seed);
            org.qdl.net.PartyState.parse(json, out.resolve(p), p + "/party.json"); // validate before writing
            write(out.resolve(p), json);
        }
        spec.commandLine().getOut().printf("wrote %s and %s%ntraining options: --n %d --layers %d --train %d --test %d --noise %s --seed %d%n",
                out.resolve("alice/party.json"), out.resolve("bob/party.json"), 1 << n, layers, trainCount, testCount, noise, seed);
        return 0;
    }

    private static void write(Path dir, String json) throws java.io.IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("party.json"), json);
    }
}
