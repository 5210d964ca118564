package org.qdl.learning.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.qdl.sim.InvalidInputException;

/**
 * Reads and writes checkpoints as JSON with Jackson. Doubles are written with Double.toString and
 * parsed back with Double.parseDouble, so every bit survives. Writes go to a temporary file that is
 * then moved into place, so a crash never leaves half a checkpoint.
 */
public final class CheckpointIO {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CheckpointIO() {}

    public static void write(Checkpoint c, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), c);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static Checkpoint read(Path file) throws IOException {
        if (!Files.exists(file)) throw new NoSuchFileException(file + " (checkpoint not found)");
        Checkpoint c;
        try {
            c = JSON.readValue(file.toFile(), Checkpoint.class);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("checkpoint " + file + " is not valid: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
        }
        if (c.version() != Checkpoint.VERSION) throw new InvalidInputException("checkpoint " + file + " has version " + c.version() + "; this qdl reads version " + Checkpoint.VERSION);
        return c;
    }

    public static String toJson(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
