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
                + " (alice: x and odd layers; bob: even layers and O).")
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

    @Override
    public Integer call() throws Exception {
        if (n < 3 || n > 26) throw new InvalidInputException("--qubits must be in 3..26 (the observable uses qubits 0..2), got " + n);
        if (layers < 2) throw new InvalidInputException("--layers must be at least 2 (bob holds the even layers), got " + layers);
        write(out.resolve("alice"), TwoPartyExample.aliceJson(n, layers, seed));
        write(out.resolve("bob"), TwoPartyExample.bobJson(n, layers, seed));
        spec.commandLine().getOut().printf("wrote %s and %s%nmodel options: --data alice:x --stages %s --observable bob:O%n",
                out.resolve("alice/party.json"), out.resolve("bob/party.json"), TwoPartyExample.stages(layers));
        return 0;
    }

    private static void write(Path dir, String json) throws java.io.IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("party.json"), json);
    }
}
