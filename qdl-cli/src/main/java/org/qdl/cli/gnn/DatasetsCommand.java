package org.qdl.cli.gnn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qdl.gnn.data.Datasets;
import org.qdl.gnn.data.GraphDataset;
import org.qdl.gnn.data.NodeDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qdl datasets}: what data sets are under the data directory, in which layouts. */
@Command(name = "datasets", mixinStandardHelpOptions = true, subcommands = DatasetsDownloadCommand.class,
        description = "List the data sets found under --data (default: $QDL_DATA, then ./data) and their layouts;"
                + " with --load, parse each and print its size and what the loader noticed.")
public final class DatasetsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", description = "data directory")
    Path data;

    @Option(names = "--load", description = "also parse every data set (COLLAB takes ~30 s)")
    boolean load;

    @Option(names = "--json", description = "write the listing as JSON")
    Path json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path root = Datasets.resolveRoot(data);
        List<Datasets.Entry> entries = Datasets.list(root);
        out.printf("data directory: %s%n", root.toAbsolutePath());
        out.printf("%-14s %-6s %-40s %s%n", "name", "task", "layouts", load ? "contents" : "");
        List<Map<String, Object>> js = new ArrayList<>();
        for (Datasets.Entry e : entries) {
            String contents = "";
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.name());
            m.put("task", e.task());
            m.put("formats", e.formats());
            if (load) {
                err.println("loading " + e.name() + " …");
                try {
                    if (e.task().equals("node")) {
                        NodeDataset ds = Datasets.loadNode(root, e.name(), null, 0);
                        contents = String.format("%d nodes, %d edges, %d features, %d classes, split %d/%d/%d", ds.numNodes(),
                                ds.graph().numEdges(), ds.numFeatures(), ds.numClasses(), ds.train().length, ds.val().length, ds.test().length);
                        m.put("notes", ds.report().notes());
                    } else {
                        boolean deg = org.qdl.gnn.train.GraphConfig.authors(e.name()).degreeAsTag();
                        GraphDataset ds = Datasets.loadGraphs(root, e.name(), null, deg, 0);
                        contents = String.format("%d graphs, %d nodes, %d classes, %d %s", ds.size(), ds.totalNodes(),
                                ds.numClasses(), ds.numTags(), deg ? "degree tags" : "node tags");
                        m.put("notes", ds.report().notes());
                    }
                } catch (org.qdl.sim.InvalidInputException ex) {
                    contents = "cannot load: " + ex.getMessage();
                }
                m.put("contents", contents);
            }
            out.printf("%-14s %-6s %-40s %s%n", e.name(), e.task(), String.join(",", e.formats()), contents);
            js.add(m);
        }
        out.printf("%-14s %-6s %-40s %s%n", "csbm", "node", "embedded generator", "");
        out.printf("%-14s %-6s %-40s %s%n", "synthetic", "graph", "embedded generator", "");
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), js);
        }
        return 0;
    }
}
