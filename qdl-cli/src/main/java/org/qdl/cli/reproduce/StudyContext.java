package org.qdl.cli.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.qdl.cli.Main;

/**
 * What a study runs with: the mode, the data directory (null: none found, the embedded synthetic
 * sets only), its own output folder, a log for the commands' progress, and {@link #qdl} to run a
 * qdl command in this process (its command line is recorded for the report).
 */
public final class StudyContext {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Mode mode;
    private final Path data;
    private final Path dir;
    private final PrintWriter log;
    private final Consumer<String> progress;
    final List<String> commands = new ArrayList<>();

    StudyContext(Mode mode, Path data, Path dir, PrintWriter log, Consumer<String> progress) {
        this.mode = mode;
        this.data = data;
        this.dir = dir;
        this.log = log;
        this.progress = progress;
    }

    public Mode mode() {
        return mode;
    }

    public boolean quick() {
        return mode == Mode.QUICK;
    }

    /** The data directory, or null when there is none (studies then use the embedded sets or skip). */
    public Path data() {
        return data;
    }

    public Path dir() {
        return dir;
    }

    /** A path inside the study's folder, as a command-line argument. */
    public String out(String name) {
        return dir.resolve(name).toString();
    }

    public void progress(String message) {
        progress.accept(message);
    }

    /**
     * Runs {@code qdl args…} in this process and returns its stdout; its stderr goes to the study's
     * log. A non-zero exit fails the study with the command's last error line.
     */
    public String qdl(String... args) {
        commands.add("qdl " + String.join(" ", args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        log.println("$ qdl " + String.join(" ", args));
        log.flush();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(new TeeWriter(err, log), true));
        log.flush();
        if (code != 0) {
            String[] lines = err.toString().strip().split("\n");
            throw new StudyFailure("qdl " + String.join(" ", args) + " exited " + code + ": " + lines[0]);
        }
        return out.toString();
    }

    /** Runs a command that prints JSON on stdout and parses it. */
    public JsonNode qdlJson(String... args) throws IOException {
        return JSON.readTree(qdl(args));
    }

    public static JsonNode readJson(Path file) throws IOException {
        return JSON.readTree(Files.readString(file));
    }
}
