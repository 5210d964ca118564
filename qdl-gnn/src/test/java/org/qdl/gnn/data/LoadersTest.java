package org.qdl.gnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdl.gnn.SharedData;
import org.qdl.gnn.features.CsrMatrix;

/** Loaders on the shared benchmark files: counts from the data sets' READMEs, and formats agreeing. */
class LoadersTest {
    static final Path DATA = SharedData.root();

    static void assertCora(NodeDataset ds) {
        assertEquals(2708, ds.numNodes());
        assertEquals(5278, ds.graph().numEdges());
        assertEquals(1433, ds.numFeatures());
        assertEquals(7, ds.numClasses());
        assertEquals(0, ds.graph().numIsolated());
        assertEquals(0, ds.graph().numSelfLoops());
    }

    @Test
    void coraTextExport() {
        NodeDataset ds = PlanetoidText.load(DATA.resolve("cora/planetoid_text"), "cora");
        assertCora(ds);
        assertEquals(49216, ds.features().nonZeros());
        assertEquals(140, ds.train().length);
        assertEquals(500, ds.val().length);
        assertEquals(1000, ds.test().length);
        int[] perClass = new int[7];
        for (int i : ds.train()) {
            perClass[ds.labels()[i]]++;
        }
        assertArrayEquals(new int[] {20, 20, 20, 20, 20, 20, 20}, perClass);
        // class 3 = Neural_Networks with 818 nodes (README)
        assertEquals(818, Arrays.stream(ds.labels()).filter(l -> l == 3).count());
    }

    @Test
    void coraPicklesEqualTextExport() {
        NodeDataset text = PlanetoidText.load(DATA.resolve("cora/planetoid_text"), "cora");
        NodeDataset pk = PlanetoidPickle.load(DATA.resolve("cora/planetoid"), "cora");
        assertCora(pk);
        assertArrayEquals(text.labels(), pk.labels());
        assertArrayEquals(text.train(), pk.train());
        assertArrayEquals(text.val(), pk.val());
        assertArrayEquals(text.test(), pk.test());
        assertArrayEquals(text.graph().rowPtr(), pk.graph().rowPtr());
        assertArrayEquals(text.graph().col(), pk.graph().col());
        assertArrayEquals(text.features().toDense().data, pk.features().toDense().data, 0);
        // the pickled graph lists some edges twice; merged and reported
        assertTrue(pk.report().notes().stream().anyMatch(n -> n.contains("repeated")), pk.report().notes().toString());
    }

    @Test
    void coraLinqsHasTheSameGraphUpToNodeOrder() {
        NodeDataset text = PlanetoidText.load(DATA.resolve("cora/planetoid_text"), "cora");
        NodeDataset lq = Linqs.load(DATA.resolve("cora/linqs"), "cora", 0);
        assertCora(lq);
        int[] d1 = new int[2708];
        int[] d2 = new int[2708];
        for (int i = 0; i < 2708; i++) {
            d1[i] = text.graph().degree(i);
            d2[i] = lq.graph().degree(i);
        }
        Arrays.sort(d1);
        Arrays.sort(d2);
        assertArrayEquals(d1, d2);
        assertEquals(text.features().nonZeros(), lq.features().nonZeros());
        assertEquals(140, lq.train().length);
        assertEquals(500, lq.val().length);
        assertEquals(1000, lq.test().length);
    }

    static void assertMutag(GraphDataset ds) {
        assertEquals(188, ds.size());
        assertEquals(3371, ds.totalNodes());
        assertEquals(3721, ds.graphs().stream().mapToInt(g -> g.graph().numEdges()).sum());
        assertEquals(2, ds.numClasses());
        assertEquals(7, ds.numTags());
        long c0 = Arrays.stream(ds.labels()).filter(l -> l == ds.labels()[0]).count();
        assertTrue(c0 == 125 || c0 == 63, "class sizes 125/63, got " + c0);
    }

    @Test
    void mutagGinTuAndZipAgree(@TempDir Path tmp) throws IOException {
        GraphDataset gin = GinFormat.load(DATA.resolve("MUTAG/gin_format"), "MUTAG", "MUTAG", false);
        assertMutag(gin);
        assertEquals(10, gin.folds().size());
        for (int[] f : gin.folds()) {
            assertEquals(18, f.length);
        }
        GraphDataset tu = TuRaw.load(DATA.resolve("MUTAG/tu_raw"), "MUTAG", false);
        assertMutag(tu);
        // zip the GIN layout (as COLLAB ships) and read it back without unpacking
        Path zip = tmp.resolve("MUTAG.zip");
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os)) {
            z.putNextEntry(new ZipEntry("MUTAG/MUTAG.txt"));
            z.write(Files.readAllBytes(DATA.resolve("MUTAG/gin_format/MUTAG.txt")));
            z.putNextEntry(new ZipEntry("__MACOSX/MUTAG/._MUTAG.txt"));
            z.write(new byte[] {0, 1, 2});
            for (int k = 1; k <= 10; k++) {
                z.putNextEntry(new ZipEntry("MUTAG/10fold_idx/test_idx-" + k + ".txt"));
                z.write(Files.readAllBytes(DATA.resolve("MUTAG/gin_format/10fold_idx/test_idx-" + k + ".txt")));
            }
        }
        GraphDataset zipped = GinFormat.loadZip(zip, "MUTAG", false);
        assertMutag(zipped);
        assertArrayEquals(gin.labels(), zipped.labels());
        for (int k = 0; k < 10; k++) {
            assertArrayEquals(gin.folds().get(k), zipped.folds().get(k));
        }
    }

    @Test
    void degreeTagsForUnlabelledSets() {
        GraphDataset imdb = Datasets.loadGraphs(DATA, "IMDB-BINARY", null, true, 0);
        assertEquals(1000, imdb.size());
        assertEquals(19773, imdb.totalNodes());
        assertEquals(96531, imdb.graphs().stream().mapToInt(g -> g.graph().numEdges()).sum());
        GraphSample g0 = imdb.graphs().get(0);
        for (int i = 1; i < g0.graph().numNodes(); i++) {
            assertEquals(g0.graph().degree(i) == g0.graph().degree(0), g0.tags()[i] == g0.tags()[0]);
        }
    }

    @Test
    void toyPickleFixture() {
        Path dir = Path.of("src/test/resources/planetoid-toy");
        NodeDataset ds = PlanetoidPickle.load(dir, "toy");
        assertEquals(6, ds.numNodes());
        assertEquals(3, ds.numFeatures());
        assertEquals(2, ds.numClasses());
        CsrMatrix x = ds.features();
        assertEquals(1.0, x.get(0, 0), 0);
        assertEquals(2.0, x.get(1, 2), 0);
        assertEquals(0, x.rowNonZeros(2));
        assertEquals(0.5, x.get(3, 0), 0);
        // test.index = [5, 4]: tx row 0 belongs to node 5, row 1 to node 4 (Kipf's reordering)
        assertEquals(3.0, x.get(5, 2), 0);
        assertEquals(4.0, x.get(4, 1), 0);
        assertArrayEquals(new int[] {0, 1, 0, 1, 0, 1}, ds.labels());
        assertArrayEquals(new int[] {0, 1}, ds.train());
        assertArrayEquals(new int[] {2, 3}, ds.val());
        assertArrayEquals(new int[] {4, 5}, ds.test());
        // edges 0-1, 1-2, 0-5, 4-5 (4-5 listed three times), self-loop on 3
        assertEquals(4, ds.graph().numEdges());
        assertTrue(ds.graph().hasSelfLoop(3));
        assertEquals(1, ds.graph().numIsolated());
        String notes = ds.report().notes().toString();
        assertTrue(notes.contains("self-loop") && notes.contains("isolated") && notes.contains("repeated")
                && notes.contains("all-zero feature row"), notes);
    }
}
