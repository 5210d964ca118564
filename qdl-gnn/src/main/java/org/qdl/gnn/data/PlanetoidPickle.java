package org.qdl.gnn.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.qdl.gnn.features.CsrMatrix;
import org.qdl.sim.InvalidInputException;

/**
 * The canonical Planetoid files {@code ind.NAME.{allx,ally,tx,ty,y,graph,test.index}} as PyG and
 * Kipf's GCN read them. Node order: the allx rows, then test node {@code test.index[i]} gets row i
 * of tx (Kipf's reordering). Test ids that fall in the gap of a non-contiguous range (Citeseer) are
 * nodes with zero features and no label, reported. Public split: the first len(y) nodes train, the
 * next 500 validation, the test.index nodes (sorted) test.
 */
public final class PlanetoidPickle {
    private PlanetoidPickle() {
    }

    public static boolean present(Path dir, String name) {
        return Files.isRegularFile(dir.resolve("ind." + name + ".graph")) && Files.isRegularFile(dir.resolve("ind." + name + ".ally"));
    }

    static Object read(Path dir, String name, String part) {
        Path f = dir.resolve("ind." + name + "." + part);
        try {
            return Pickle.load(Files.readAllBytes(f), f.toString());
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("missing file " + f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static NodeDataset load(Path dir, String name) {
        DataReport report = new DataReport();
        CsrMatrix allx = NdArray.decodeCsr(read(dir, name, "allx"), "ind." + name + ".allx");
        CsrMatrix tx = NdArray.decodeCsr(read(dir, name, "tx"), "ind." + name + ".tx");
        NdArray ally = NdArray.decode(read(dir, name, "ally"), "ind." + name + ".ally");
        NdArray ty = NdArray.decode(read(dir, name, "ty"), "ind." + name + ".ty");
        NdArray y = NdArray.decode(read(dir, name, "y"), "ind." + name + ".y");
        int[] testIndex;
        try (TextSource src = TextSource.open(dir.resolve("ind." + name + ".test.index"))) {
            IntList ids = new IntList();
            String line;
            while ((line = src.nextData()) != null) {
                int id = src.parseInt(line, "test node id");
                if (id < allx.rows()) {
                    throw src.error("test node id " + id + " collides with the " + allx.rows() + " allx rows");
                }
                ids.add(id);
            }
            testIndex = ids.toArray();
        }
        if (testIndex.length != tx.rows() || ty.rows() != tx.rows() || ally.rows() != allx.rows() || tx.cols() != allx.cols()) {
            throw new InvalidInputException(dir + ": ind." + name + " parts disagree in size (allx " + allx.rows() + ", ally "
                    + ally.rows() + ", tx " + tx.rows() + ", ty " + ty.rows() + ", test.index " + testIndex.length + ")");
        }
        int maxTest = Arrays.stream(testIndex).max().orElse(allx.rows() - 1);
        Object graphObj = read(dir, name, "graph");
        Map<?, ?> adj = graphObj instanceof Pickle.PyObject p ? p.items : graphObj instanceof Map<?, ?> m ? m : null;
        if (adj == null) {
            throw new InvalidInputException("ind." + name + ".graph: expected a dict of neighbour lists");
        }
        int n = Math.max(allx.rows(), maxTest + 1);
        for (Object k : adj.keySet()) {
            n = Math.max(n, (int) (long) (Long) k + 1);
        }
        int classes = ally.cols();
        int[] labels = new int[n];
        Arrays.fill(labels, -1);
        int[][] cols = new int[n][];
        double[][] vals = new double[n][];
        for (int i = 0; i < allx.rows(); i++) {
            setRow(allx, i, i, cols, vals);
            labels[i] = argmax(ally, i);
        }
        for (int i = 0; i < testIndex.length; i++) {
            setRow(tx, i, testIndex[i], cols, vals);
            labels[testIndex[i]] = argmax(ty, i);
        }
        int gap = 0;
        int empty = 0;
        for (int i = 0; i < n; i++) {
            if (cols[i] != null && cols[i].length == 0) {
                empty++;
            }
            if (cols[i] == null) {
                cols[i] = new int[0];
                vals[i] = new double[0];
                gap++;
            }
        }
        if (empty > 0) {
            report.note(name + ": " + empty + " node(s) with an all-zero feature row, kept");
        }
        if (gap > 0) {
            report.note(name + ": " + gap + " node(s) in the graph without features or label (gaps in test.index), kept with zero features, in no split");
        }
        int unlabeled = 0;
        for (int i = 0; i < n; i++) {
            unlabeled += labels[i] < 0 ? 1 : 0;
        }
        IntList u = new IntList();
        IntList v = new IntList();
        for (Map.Entry<?, ?> e : adj.entrySet()) {
            int a = (int) (long) (Long) e.getKey();
            if (!(e.getValue() instanceof List<?> nbrs)) {
                throw new InvalidInputException("ind." + name + ".graph: neighbours of " + a + " are not a list");
            }
            for (Object o : nbrs) {
                u.add(a);
                v.add((int) (long) (Long) o);
            }
        }
        Graph g = Graph.fromEdges(n, u.array(), v.array(), u.size());
        report.describe(g, name);
        int numTrain = y.rows();
        int[] train = new int[numTrain];
        for (int i = 0; i < numTrain; i++) {
            train[i] = i;
        }
        int[] val = new int[Math.min(500, allx.rows() - numTrain)];
        for (int i = 0; i < val.length; i++) {
            val[i] = numTrain + i;
        }
        int[] test = testIndex.clone();
        Arrays.sort(test);
        test = Arrays.stream(test).filter(t -> labels[t] >= 0).toArray();
        if (unlabeled > gap) {
            report.note(name + ": " + (unlabeled - gap) + " labelled-row node(s) with an all-zero one-hot label, treated as unlabelled");
        }
        return new NodeDataset(name, g, CsrMatrix.fromRows(allx.cols(), cols, vals), labels, classes, train, val, test, report);
    }

    private static void setRow(CsrMatrix m, int row, int node, int[][] cols, double[][] vals) {
        int a = m.rowPtr()[row];
        int b = m.rowPtr()[row + 1];
        cols[node] = Arrays.copyOfRange(m.colIdx(), a, b);
        vals[node] = Arrays.copyOfRange(m.values(), a, b);
    }

    private static int argmax(NdArray oneHot, int row) {
        int c = oneHot.cols();
        int best = -1;
        double bv = 0;
        for (int j = 0; j < c; j++) {
            double x = oneHot.data()[row * c + j];
            if (x > bv) {
                bv = x;
                best = j;
            }
        }
        return best;
    }
}
