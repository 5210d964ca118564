package org.qdl.cli.options;

import java.nio.file.Path;
import org.qdl.gnn.data.Datasets;
import picocli.CommandLine.Option;

/** {@code --data DIR} of the GNN commands: where the data sets are, else $QDL_DATA, else ./data. */
public final class GnnDataOption {
    @Option(names = "--data", description = "data directory (default: $QDL_DATA, then ./data)")
    Path data;

    /** The data directory to read. */
    public Path root() {
        return Datasets.resolveRoot(data);
    }
}
