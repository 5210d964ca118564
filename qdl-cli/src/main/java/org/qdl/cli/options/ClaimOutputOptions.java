package org.qdl.cli.options;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The seed and outputs of the claim studies (qdl expressivity, linear, privacy): CSV and plots under out/COMMAND. */
public final class ClaimOutputOptions {
    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    public long seed;

    @Option(names = "--out", defaultValue = "out/${COMMAND-NAME}", description = "directory for CSV and plots (default ${DEFAULT-VALUE})")
    public Path out;

    @Option(names = "--json", description = "print the result as JSON instead of a table")
    public boolean json;
}
