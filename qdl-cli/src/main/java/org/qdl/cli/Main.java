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
            ModelCommand.class,
            org.qdl.cli.learning.TrainCommand.class,
            org.qdl.cli.learning.GradientsCommand.class,
            PartyCommand.class,
            org.qdl.cli.gnn.GnnCommand.class,
            org.qdl.cli.gnn.DatasetsCommand.class,
            org.qdl.cli.claims.ExpressivityCommand.class,
            org.qdl.cli.claims.LinearCommand.class,
            org.qdl.cli.claims.PrivacyCommand.class,
            org.qdl.cli.noise.NoiseCommand.class,
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
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) { // sizes from the command line that no heap holds: say so in one line
            err.println("qdl" + commandOf(cl, args) + ": the values given need more memory than the heap's "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB (" + e.getMessage() + "): use smaller values or more heap (QDL_HEAP=…)");
            code = USAGE_ERROR;
        }
        // picocli's PrintWriter (and System.out under it) swallow write errors: ask once at the end
        if (out.checkError()) {
            err.println("qdl: writing standard output failed (disk full, or its reader closed it); the output is incomplete");
            return code == OK ? INTERNAL_ERROR : code;
        }
        return code;
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // The transport and GNN benchmarks live with their commands and are listed with the other benchmarks too.
        cl.getSubcommands().get("bench").addSubcommand("net", new NetBenchCommand());
        cl.getSubcommands().get("bench").addSubcommand("gnn", new org.qdl.cli.gnn.GnnBenchCommand());
        cl.getSubcommands().get("bench").addSubcommand("model", new ModelBenchCommand());
        cl.getSubcommands().get("bench").addSubcommand("gnn-sign", new org.qdl.cli.gnn.SignBenchCommand());
        cl.setExitCodeExceptionMapper(Main::exitCodeFor);
        cl.setExecutionStrategy(parsed -> {
            try {
                OutputFiles.checkOptions(parsed); // output paths before any work
            } catch (InvalidInputException e) {
                CommandLine leaf = parsed.asCommandLineList().get(parsed.asCommandLineList().size() - 1);
                throw new CommandLine.ExecutionException(leaf, e.getMessage(), e);
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof org.qdl.net.RemotePartyException r && r.operational()) {
                cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage()); // expected: a party is down
                return INTERNAL_ERROR;
            }
            if (ex instanceof OutputFiles.WriteFailure || isIoFailure(ex)) { // the environment, not a bug: one line
                cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + (ex instanceof OutputFiles.WriteFailure
                        ? ex.getMessage() : "I/O error: " + OutputFiles.reason(ex)));
                return INTERNAL_ERROR;
            }
            if (isUserError(ex)) {
                cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + oneLine(userMessage(ex)));
                return USAGE_ERROR;
            }
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": internal error: " + ex);
            ex.printStackTrace(cmd.getErr());
            return INTERNAL_ERROR;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            if (ex.getCause() instanceof InvalidInputException bad) { // a converter's own message (options.Choices): as in execution
                cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + oneLine(bad.getMessage()));
                return USAGE_ERROR;
            }
            // one line: picocli's message (some span lines) and where the usage is
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + String.valueOf(ex.getMessage()).strip().replaceAll("\\s*\\R\\s*", " ")
                    + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
            return USAGE_ERROR;
        });
        return cl;
    }

    private static int exitCodeFor(Throwable t) {
        if (t instanceof org.qdl.net.RemotePartyException r && r.operational()) return INTERNAL_ERROR;
        if (t instanceof OutputFiles.WriteFailure || isIoFailure(t)) return INTERNAL_ERROR;
        return isUserError(t) ? USAGE_ERROR : INTERNAL_ERROR;
    }

    /** Control characters from a user's file (a key containing a newline, say) are escaped: an error stays one line. */
    static String oneLine(String message) {
        if (message == null) return "";
        StringBuilder b = new StringBuilder(message.length());
        for (char c : message.toCharArray()) {
            if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029 || c == 0x85) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }

    /** " gnn train" for the subcommand words at the start of args (for messages outside picocli's handlers). */
    private static String commandOf(CommandLine cl, String[] args) {
        StringBuilder sb = new StringBuilder();
        for (String a : args) {
            CommandLine sub = cl.getSubcommands().get(a);
            if (sub == null) break;
            sb.append(' ').append(a);
            cl = sub;
        }
        return sb.toString();
    }

    /** A user mistake: bad input data, bad values, missing files, a path of the wrong kind, a file that is not text. */
    static boolean isUserError(Throwable t) {
        if (t instanceof java.io.UncheckedIOException u && u.getCause() != null) t = u.getCause();
        if (t instanceof java.nio.charset.CharacterCodingException || (t instanceof java.io.IOException && "Is a directory".equals(t.getMessage()))) {
            return true; // reading a binary file or a directory given for a text file
        }
        return t instanceof InvalidInputException || t instanceof java.nio.file.NoSuchFileException
                || t instanceof java.nio.file.NotDirectoryException || t instanceof java.nio.file.AccessDeniedException
                || t instanceof java.nio.file.FileAlreadyExistsException
                || t instanceof java.io.FileNotFoundException || t instanceof CommandLine.ParameterException;
    }

    /** Any other I/O failure (a device error, a full disk): exit 1 with one line, since a trace would not help. */
    static boolean isIoFailure(Throwable t) {
        return !isUserError(t) && (t instanceof java.io.IOException || t instanceof java.io.UncheckedIOException);
    }

    /** The line for a user mistake; the JDK's file-system exceptions carry only the path, so say what is wrong with it. */
    static String userMessage(Throwable t) {
        if (t instanceof java.io.UncheckedIOException u && u.getCause() != null) t = u.getCause();
        if (t instanceof java.nio.charset.CharacterCodingException) return "a file given is not UTF-8 text (" + t + ")";
        if ("Is a directory".equals(t.getMessage())) return "a directory was given where a file is read";
        if (t instanceof java.nio.file.FileSystemException f && f.getReason() == null) {
            String what = t instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                    : t instanceof java.nio.file.NotDirectoryException ? "not a directory"
                    : t instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : t instanceof java.nio.file.FileAlreadyExistsException ? "a file is in the way" : "cannot be used";
            return f.getFile() + ": " + what + (f.getOtherFile() != null ? " (" + f.getOtherFile() + ")" : "");
        }
        return t.getMessage();
    }
}
