package org.qdl.gnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdl.gnn.SharedData;
import org.qdl.sim.InvalidInputException;

/** A loader that knows the row count refuses a file with rows missing, naming the file and the first missing row. */
class TruncatedRowsTest {
    @TempDir
    Path tmp;

    @Test
    void coraFeaturesWithoutTheirLast100RowsAreRefused() throws IOException {
        Path src = SharedData.root().resolve("cora").resolve("planetoid_text");
        Path dir = Files.createDirectories(tmp.resolve("cora").resolve("planetoid_text"));
        try (var files = Files.list(src)) {
            for (Path f : files.toList()) Files.copy(f, dir.resolve(f.getFileName()));
        }
        assertEquals(2708, Datasets.loadNode(tmp, "cora", "planetoid_text", 0).numNodes()); // the intact copy loads
        Path features = dir.resolve("cora.features.txt");
        List<String> lines = Files.readAllLines(features);
        Files.write(features, lines.subList(0, lines.size() - 100));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Datasets.loadNode(tmp, "cora", "planetoid_text", 0));
        assertEquals(features + ": no feature line for node 2608 (100 of the 2708 nodes the labels file defines are missing);"
                + " a node without features is a line with its id alone", e.getMessage());
    }

    @Test
    void tuNodeLabelsCutShortNameTheFirstMissingNode() throws IOException {
        Files.writeString(tmp.resolve("T_graph_indicator.txt"), "1\n1\n2\n");
        Files.writeString(tmp.resolve("T_graph_labels.txt"), "0\n1\n");
        Files.writeString(tmp.resolve("T_A.txt"), "1, 2\n2, 1\n");
        Files.writeString(tmp.resolve("T_node_labels.txt"), "0\n1\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TuRaw.load(tmp, "T", false));
        assertEquals(tmp.resolve("T_node_labels.txt") + ":2: unexpected end of file, expected label of node 3", e.getMessage());
    }
}
