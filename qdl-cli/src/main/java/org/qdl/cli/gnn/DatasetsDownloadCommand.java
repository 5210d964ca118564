package org.qdl.cli.gnn;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qdl.gnn.data.Datasets;
import org.qdl.gnn.data.DownloadCatalog;
import org.qdl.gnn.data.Downloader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qdl datasets download NAME}: fetch a data set's files (for users who are online), checksums verified. */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Download a data set into --data (default: $QDL_DATA, then ./data) from URLs pinned to fixed commits,"
                + " checking every file's SHA-256; files already present with the right checksum are kept. Needs network.")
public final class DatasetsDownloadCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", description = "cora, MUTAG, PROTEINS, IMDB-BINARY, IMDB-MULTI or COLLAB")
    String name;

    @Option(names = "--data", description = "data directory")
    Path data;

    @Option(names = "--no-verify", description = "accept files whose checksum is unknown or differs (not recommended)")
    boolean noVerify;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path root = Datasets.resolveRoot(data);
        var items = DownloadCatalog.builtIn().items(name);
        err.printf("downloading %s: %d file(s) into %s%n", name, items.size(), root.toAbsolutePath());
        Map<Downloader.Outcome, Integer> counts = new EnumMap<>(Downloader.Outcome.class);
        for (DownloadCatalog.Item it : items) {
            Downloader.Outcome o = Downloader.fetch(it, root, !noVerify, s -> err.println(s));
            counts.merge(o, 1, Integer::sum);
        }
        out.printf("%s: %d fetched and verified, %d already present, %d fetched without verification%n", name,
                counts.getOrDefault(Downloader.Outcome.FETCHED, 0), counts.getOrDefault(Downloader.Outcome.ALREADY_PRESENT, 0),
                counts.getOrDefault(Downloader.Outcome.FETCHED_UNVERIFIED, 0));
        return 0;
    }
}
