package org.qdl.cli.options;

import picocli.CommandLine.Option;

/** The seed of the measurement shots and the JSON switch of the coordinator commands (qdl infer, qdl party infer). */
public final class MeasurementOptions {
    @Option(names = "--seed", defaultValue = "1", description = "Measurement seed. Default: ${DEFAULT-VALUE}.")
    public long seed;

    @Option(names = "--json", description = "Print the result as JSON instead of a table.")
    public boolean json;
}
