package org.qdl.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.qdl.sim.InvalidInputException;

/**
 * Output paths of the commands: checked before long work starts (a mistake is an input error, exit
 * 2), and written so that a failed write (disk full, device gone) ends the command with one line
 * naming the file and exit 1 rather than a trace or silence.
 */
public final class OutputFiles {
    private OutputFiles() {}

    /** A write that failed after the path was accepted: exit 1, one line. */
    public static final class WriteFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public WriteFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** An I/O action that may throw. */
    @FunctionalInterface
    public interface IoAction {
        void run() throws IOException;
    }

    /** A file the command will write: not a directory, in an existing directory (null: not asked for). */
    public static void requireFile(String option, Path file) {
        if (file == null) return;
        if (Files.isDirectory(file)) throw new InvalidInputException(option + " " + file + " is a directory; give a file name");
        if (Files.exists(file) && !Files.isWritable(file)) throw new InvalidInputException(option + " " + file + " is not writable");
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new InvalidInputException(option + " " + file + ": no directory " + dir + (Files.exists(dir) ? " (it is a file)" : ""));
        }
    }

    /** A directory the command will create if needed: no regular file in the way (null: not asked for). */
    public static void requireDirectory(String option, Path dir) {
        if (dir == null) return;
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p)) break;
            if (Files.exists(p)) {
                throw new InvalidInputException(option + " " + dir + ": " + (p.equals(dir.toAbsolutePath()) ? "is a file, not a directory" : p + " is a file, not a directory"));
            }
        }
    }

    /** File options (a file the command writes) and directory options, by the names the commands share. */
    static final java.util.Set<String> FILE_OPTIONS = java.util.Set.of("--json", "--csv", "--export");
    static final java.util.Set<String> DIRECTORY_OPTIONS = java.util.Set.of("--out");

    /**
     * Checks every output path of the command about to run, before it starts: options named as in
     * {@link #FILE_OPTIONS} and {@link #DIRECTORY_OPTIONS} whose type is a path (a new command
     * that names its outputs so is checked without code of its own).
     */
    static void checkOptions(picocli.CommandLine.ParseResult parsed) {
        picocli.CommandLine.ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) leaf = leaf.subcommand();
        for (picocli.CommandLine.Model.OptionSpec o : leaf.commandSpec().options()) {
            if (o.type() != Path.class || o.getValue() == null) continue;
            Path p = o.getValue();
            if (FILE_OPTIONS.contains(o.longestName())) requireFile(o.longestName(), p);
            else if (DIRECTORY_OPTIONS.contains(o.longestName())) requireDirectory(o.longestName(), p);
        }
    }

    /** Runs a write of {@code file}; an I/O failure becomes a {@link WriteFailure} naming it. */
    public static void write(Path file, IoAction action) {
        try {
            action.run();
        } catch (IOException | UncheckedIOException e) {
            throw new WriteFailure("cannot write " + file + ": " + reason(e), e);
        }
    }

    /** The innermost message of an I/O failure (Jackson and ImageIO wrap the system's reason). */
    static String reason(Throwable e) {
        String m = null;
        for (Throwable t = e; t != null; t = t.getCause()) if (t.getMessage() != null) m = t.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
