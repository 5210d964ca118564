package org.qdl.gnn.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdl.sim.InvalidInputException;

/** Malformed inputs give an InvalidInputException naming file, line (or byte) and the problem. */
class MalformedFilesTest {
    @TempDir
    Path tmp;

    void write(String name, String content) throws IOException {
        Files.writeString(tmp.resolve(name), content);
    }

    void expect(String fragment, org.junit.jupiter.api.function.Executable e) {
        InvalidInputException ex = assertThrows(InvalidInputException.class, e);
        assertTrue(ex.getMessage().contains(fragment), "message '" + ex.getMessage() + "' lacks '" + fragment + "'");
    }

    @Test
    void planetoidText() throws IOException {
        write("t.labels.txt", "# header\n0 1\n1 x\n");
        write("t.edges.txt", "0 1\n");
        write("t.features.txt", "0 1:1\n1 0:1\n");
        write("t.train_idx.txt", "0\n");
        write("t.val_idx.txt", "1\n");
        write("t.test_idx.txt", "1\n");
        expect("t.labels.txt:3: bad label 'x'", () -> PlanetoidText.load(tmp, "t"));
        write("t.labels.txt", "0 1\n1 0\n");
        write("t.edges.txt", "0 1\n0 7\n");
        expect("t.edges.txt:2: edge 0 7 has a node outside 0..1", () -> PlanetoidText.load(tmp, "t"));
        write("t.edges.txt", "0 1\n");
        write("t.features.txt", "# 2 nodes x 2 features\n0 1:1\n1 0-1\n");
        expect("t.features.txt:3: expected col:value, got '0-1'", () -> PlanetoidText.load(tmp, "t"));
        write("t.features.txt", "# 2 nodes x 2 features\n0 1:1\n");
        expect("t.features.txt: no feature line for node 1;", () -> PlanetoidText.load(tmp, "t"));
        write("t.features.txt", "# 3 nodes x 2 features\n0 1:1\n1\n");
        expect("t.features.txt:1: header declares 3 nodes, the labels file defines 2", () -> PlanetoidText.load(tmp, "t"));
        write("t.features.txt", "0 1:1\n1\n");
        write("t.test_idx.txt", "5\n");
        expect("t.test_idx.txt:1: node id 5 outside 0..1", () -> PlanetoidText.load(tmp, "t"));
    }

    @Test
    void ginFormat() throws IOException {
        write("G.txt", "2\n2 0\n0 1 1\n0 1 0\n2 1\n0 1 5\n0 1 0\n");
        expect("G.txt:6: neighbour 5 outside 0..1 in graph 2", () -> GinFormat.load(tmp, "G", "G", false));
        write("G.txt", "2\n2 0\n0 1 1\n0 1 0\n");
        expect("G.txt:4: unexpected end of file, expected header 'n label' of graph 2", () -> GinFormat.load(tmp, "G", "G", false));
        write("G.txt", "1\n2 0\n0 1 1\n0 1 x0\n");
        expect("G.txt:4: bad node line entry 'x0' (not an integer)", () -> GinFormat.load(tmp, "G", "G", false));
        write("G.txt", "1\n2 0\n0 3 1\n0 1 0\n");
        expect("G.txt:3: degree 3 but 1 neighbour(s) listed", () -> GinFormat.load(tmp, "G", "G", false));
    }

    @Test
    void tuRaw() throws IOException {
        write("D_graph_indicator.txt", "1\n1\n2\n2\n");
        write("D_graph_labels.txt", "1\n-1\n");
        write("D_A.txt", "1, 2\n2, 1\n2, 3\n");
        expect("D_A.txt:3: edge joins graphs 1 and 2", () -> TuRaw.load(tmp, "D", false));
        write("D_A.txt", "1, 2\n2, 1\n");
        write("D_graph_labels.txt", "1\n");
        expect("D_graph_labels.txt:1: unexpected end of file, expected label of graph 2", () -> TuRaw.load(tmp, "D", false));
    }

    @Test
    void pickles() throws IOException {
        byte[] good = Files.readAllBytes(Path.of("src/test/resources/planetoid-toy/ind.toy.ally"));
        byte[] proto4 = good.clone();
        proto4[1] = 4;
        expect("byte 2: pickle protocol 4 not supported", () -> Pickle.load(proto4, "p4"));
        byte[] bad = good.clone();
        bad[2] = (byte) 0x95; // FRAME opcode (protocol 4) where GLOBAL should be
        expect("bad: byte 2: unsupported pickle opcode 0x95", () -> Pickle.load(bad, "bad"));
        byte[] cut = java.util.Arrays.copyOf(good, 60);
        expect("truncated pickle", () -> Pickle.load(cut, "cut"));
        expect("missing file", () -> PlanetoidPickle.load(tmp, "none"));
    }
}
