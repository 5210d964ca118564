package org.qdl.cli;

import java.io.PrintWriter;
import org.qdl.sim.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code qdl} command. Exit codes: 0 success, 2 a usage or input error (one line naming the
 * problem), 1 an internal error (with its trace, since it is a bug) or an operational failure of a
 * remote party (unreachable, died, deadline exceeded: one line naming party and step, no trace).
 */
@Command(name = "qdl", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Quantum Distributed Learning: distributed inference and training over simulated quantum networks,%n"
                + "with every qubit and classical bit that crosses a link counted.",
        subcommands = {
            DemoCommand.class,
            RunCommand.class,
            ScalingCommand.class,
            InferCommand.class,
            org.qdl.cli.learning.TrainCommand.class,
            org.qdl.cli.learning.GradientsCommand.class,
            PartyCommand.class,
            org.qdl.cli.gnn.GnnCommand.class,
            org.qdl.cli.gnn.DatasetsCommand.class,
            org.qdl.cli.claims.ExpressivityCommand.class,
            org.qdl.cli.claims.LinearCommand.class,
            org.qdl.cli.claims.PrivacyCommand.class,
            org.qdl.cli.reproduce.ReproduceCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int USAGE_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code (used by tests too). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // The transport and GNN benchmarks live with their commands and are listed with the other benchmarks too.
        cl.getSubcommands().get("bench").addSubcommand("net", new NetBenchCommand());
        cl.getSubcommands().get("bench").addSubcommand("gnn", new org.qdl.cli.gnn.GnnBenchCommand());
        cl.getSubcommands().get("bench").addSubcommand("gnn-sign", new org.qdl.cli.gnn.SignBenchCommand());
        cl.setExitCodeExceptionMapper(Main::exitCodeFor);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof org.qdl.net.RemotePartyException r && r.operational()) {
                cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage()); // expected: a party is down
                return INTERNAL_ERROR;
            }
            if (isUserError(ex)) {
                cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
                return USAGE_ERROR;
            }
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": internal error: " + ex);
            ex.printStackTrace(cmd.getErr());
            return INTERNAL_ERROR;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            return USAGE_ERROR;
        });
        return cl;
    }

    private static int exitCodeFor(Throwable t) {
        if (t instanceof org.qdl.net.RemotePartyException r && r.operational()) return INTERNAL_ERROR;
        return isUserError(t) ? USAGE_ERROR : INTERNAL_ERROR;
    }

    /** A user mistake: bad input data, bad values, missing files. */
    static boolean isUserError(Throwable t) {
        return t instanceof InvalidInputException || t instanceof java.nio.file.NoSuchFileException
                || t instanceof java.io.FileNotFoundException || t instanceof CommandLine.ParameterException;
    }
}
