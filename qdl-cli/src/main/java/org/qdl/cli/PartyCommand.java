package org.qdl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code qdl party …}: parties as separate processes over gRPC (see docs/network.md). */
@Command(name = "party", mixinStandardHelpOptions = true,
        description = "Run parties as separate processes over gRPC: serve a party, make certificates,"
                + " coordinate an inference with remote parties, benchmark the transport.",
        subcommands = {
            PartyServeCommand.class,
            PartyCertsCommand.class,
            PartyExampleCommand.class,
            PartyInferCommand.class,
            NetBenchCommand.class,
        })
public final class PartyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
