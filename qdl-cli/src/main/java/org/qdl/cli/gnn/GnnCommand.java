package org.qdl.cli.gnn;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qdl gnn}: quantum-amenable graph neural networks (SIGN + degree-2 polynomial activation). */
@Command(name = "gnn", mixinStandardHelpOptions = true,
        description = "Quantum-amenable GNNs: node classification, graph classification, benchmark.",
        subcommands = {GnnTrainCommand.class, GnnDecideCommand.class, GnnGraphsCommand.class, GnnBenchCommand.class})
public final class GnnCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
