package org.qdl.cli;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.qdl.net.PartyAddress;
import org.qdl.net.PartyServer;
import org.qdl.net.PartyState;
import org.qdl.sim.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qdl party serve}: one party's server, until interrupted (Ctrl-C / SIGTERM shut it down cleanly). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve one party (its private data, layers and observables from DIR/party.json) over gRPC,",
            "or its share of a model file (--model FILE --as NAME; only that party's part of the file is read)."})
public final class PartyServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--name", description = "The party's name; must match the name in party.json.")
    String name;

    @Option(names = "--model", paramLabel = "FILE", description = "A model file (docs/models.md): serve the share of the party named by --as.")
    Path modelFile;

    @Option(names = "--as", paramLabel = "NAME", description = "With --model: the party of the model file to serve.")
    String as;

    @Option(names = "--listen", required = true, paramLabel = "HOST:PORT", description = "Address to listen on, e.g. 127.0.0.1:7001 (port 0: any free port).")
    String listen;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Directory holding party.json (format: docs/network.md);"
            + " with --model, where saved training layers go (default: the model file's directory).")
    Path stateDir;

    @CommandLine.ArgGroup(exclusive = false, multiplicity = "1", heading = "Authentication (one of):%n")
    NetSecurityOptions security;

    @Option(names = "--allow", split = ",", paramLabel = "CLIENT", defaultValue = "coordinator",
            description = "Client identities (certificate CN or shared-secret name) that may drive this party. Default: ${DEFAULT-VALUE}.")
    List<String> allow;

    @Option(names = "--no-exact", description = "Refuse ExactExpectation (validation-only values a real device could not give).")
    boolean noExact;

    @Option(names = "--data", paramLabel = "FILE", description = "With --model, for the model's input party: the labelled data set of qdl train --model … --data FILE.")
    Path data;

    @Option(names = "--test-data", paramLabel = "FILE", description = "With --data: the test set (qdl train --test-data).")
    Path testData;

    @Option(names = "--labels", paramLabel = "FILE", description = "With --data: its labels, as qdl train --labels.")
    Path labels;

    @Option(names = "--test-labels", paramLabel = "FILE", description = "With --test-data: its labels.")
    Path testLabels;

    @Option(names = "--max-qubits", defaultValue = "26", description = "Largest register accepted or created. Default: ${DEFAULT-VALUE}.")
    int maxQubits;

    @Override
    public Integer call() throws Exception {
        java.util.function.Supplier<org.qdl.protocol.LocalParty> newParty;
        Path runsDir;
        if (modelFile != null) {
            if (as == null) throw new InvalidInputException("--model needs --as NAME (the party of the model file to serve)");
            if (name != null && !name.equals(as)) throw new InvalidInputException("--name " + name + " and --as " + as + " name different parties");
            name = as;
            org.qdl.protocol.model.QdlModel m = org.qdl.protocol.model.file.ModelFile.loadFor(modelFile, as);
            org.qdl.learning.train.LabelledData set = data == null ? null : org.qdl.learning.train.LabelledData.read(data, labels, testData, testLabels);
            if (set != null) org.qdl.learning.train.ModelTasks.hold(m.newParty(as), m, set, data.toString()); // refuses a wrong party or N now
            newParty = () -> {
                org.qdl.protocol.LocalParty p = m.newParty(as);
                if (set != null) org.qdl.learning.train.ModelTasks.hold(p, m, set, data.toString());
                return p;
            };
            runsDir = stateDir != null ? stateDir : modelFile.toAbsolutePath().getParent();
        } else {
            if (stateDir == null || name == null) throw new InvalidInputException("give --name NAME --state-dir DIR (party.json), or --model FILE --as NAME");
            if (as != null) throw new InvalidInputException("--as is for --model FILE; with --state-dir the party is --name");
            if (data != null || testData != null) throw new InvalidInputException("--data is for --model FILE (party.json training states generate their data)");
            PartyState state = PartyState.load(stateDir);
            if (!state.name().equals(name)) {
                throw new InvalidInputException(stateDir.resolve(PartyState.FILE_NAME) + " describes party '" + state.name() + "', not '" + name + "'");
            }
            newParty = state::newParty;
            runsDir = state.dir();
        }
        PartyAddress at = PartyAddress.listen(name, listen.startsWith(":") ? "0.0.0.0" + listen : listen);
        PartyServer.Options options = PartyServer.Options.defaults().withAllowedClients(new LinkedHashSet<>(allow))
                .withExactExpectation(!noExact).withMaxQubits(maxQubits);
        PartyServer server = PartyServer.start(name, newParty, runsDir, at.host(), at.port(), security.security(name), options);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "qdl-party-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        spec.commandLine().getErr().printf("qdl party serve: party %s listening on %s:%d (%s; clients %s; exact expectation %s)%n",
                name, at.host(), server.port(), security.describe(), allow, noExact ? "off" : "on");
        spec.commandLine().getErr().flush();
        server.awaitTermination();
        stopped.await();
        return 0;
    }
}
