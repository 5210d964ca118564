package org.qdl.cli.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import org.qdl.cli.OutputFiles;
import picocli.CommandLine.Option;

/** {@code --json FILE}: the results as an indented JSON document in a file (the tables stay on stdout). */
public final class JsonFileOption {
    @Option(names = "--json", description = "write results as JSON to this file")
    Path file;

    /** Writes {@code doc} if --json was given; a failed write ends the command with one line naming the file. */
    public void write(Object doc) {
        if (file == null) return;
        OutputFiles.write(file, () -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), doc));
    }
}
