package org.qdl.gnn.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qdl.gnn.features.CsrMatrix;

/**
 * The plain-text export of a Planetoid data set (same node order and public split as PyG):
 * {@code NAME.features.txt} ("node col:val ..."), {@code NAME.labels.txt} ("node label", -1 =
 * unlabelled), {@code NAME.edges.txt} ("u v"), {@code NAME.{train,val,test}_idx.txt}.
 */
public final class PlanetoidText {
    private static final Pattern SHAPE = Pattern.compile("(\\d+)\\s+nodes\\s+x\\s+(\\d+)\\s+features");

    private PlanetoidText() {
    }

    public static boolean present(Path dir, String name) {
        return Files.isRegularFile(dir.resolve(name + ".labels.txt")) && Files.isRegularFile(dir.resolve(name + ".edges.txt"));
    }

    public static NodeDataset load(Path dir, String name) {
        DataReport report = new DataReport();
        int[] labels = readLabels(dir.resolve(name + ".labels.txt"));
        int n = labels.length;
        CsrMatrix x = readFeatures(dir.resolve(name + ".features.txt"), n, report);
        Graph g = readEdges(dir.resolve(name + ".edges.txt"), n);
        report.describe(g, name);
        int classes = 0;
        int unlabelled = 0;
        for (int l : labels) {
            classes = Math.max(classes, l + 1);
            unlabelled += l < 0 ? 1 : 0;
        }
        if (unlabelled > 0) {
            report.note(name + ": " + unlabelled + " node(s) without a label (-1), kept in the graph, excluded from every split");
        }
        int[] train = readIndex(dir.resolve(name + ".train_idx.txt"), n, labels);
        int[] val = readIndex(dir.resolve(name + ".val_idx.txt"), n, labels);
        int[] test = readIndex(dir.resolve(name + ".test_idx.txt"), n, labels);
        return new NodeDataset(name, g, x, labels, classes, train, val, test, report);
    }

    static int[] readLabels(Path file) {
        List<int[]> rows = new ArrayList<>();
        int max = -1;
        try (TextSource src = TextSource.open(file)) {
            String line;
            while ((line = src.nextData()) != null) {
                String[] t = TextSource.tokens(line);
                if (t.length != 2) {
                    throw src.error("expected 'node label', got " + t.length + " fields");
                }
                int node = src.parseInt(t[0], "node id");
                int label = src.parseInt(t[1], "label");
                if (node < 0 || label < -1) {
                    throw src.error("negative node id or label < -1");
                }
                rows.add(new int[] {node, label});
                max = Math.max(max, node);
            }
        }
        int[] labels = new int[max + 1];
        boolean[] seen = new boolean[max + 1];
        for (int[] r : rows) {
            if (seen[r[0]]) {
                throw new org.qdl.sim.InvalidInputException(file + ": node " + r[0] + " labelled twice");
            }
            seen[r[0]] = true;
            labels[r[0]] = r[1];
        }
        for (int i = 0; i <= max; i++) {
            if (!seen[i]) {
                throw new org.qdl.sim.InvalidInputException(file + ": node " + i + " has no label line (use -1 for unlabelled)");
            }
        }
        return labels;
    }

    static CsrMatrix readFeatures(Path file, int n, DataReport report) {
        int[][] cols = new int[n][];
        double[][] vals = new double[n][];
        int numCols = -1;
        int maxCol = -1;
        try (TextSource src = TextSource.open(file)) {
            String line;
            while ((line = src.next()) != null) {
                if (line.startsWith("#")) {
                    Matcher m = SHAPE.matcher(line);
                    if (m.find()) {
                        numCols = src.parseInt(m.group(2), "feature count");
                        int declared = src.parseInt(m.group(1), "node count");
                        if (declared != n) {
                            throw src.error("header declares " + declared + " nodes, the labels file defines " + n);
                        }
                    }
                    continue;
                }
                if (line.isEmpty()) {
                    continue;
                }
                String[] t = line.split("\\s+");
                int node = src.parseInt(t[0], "node id");
                if (node < 0 || node >= n) {
                    throw src.error("node id " + node + " outside 0.." + (n - 1) + " (the labels file defines " + n + " nodes)");
                }
                if (cols[node] != null) {
                    throw src.error("node " + node + " listed twice");
                }
                cols[node] = new int[t.length - 1];
                vals[node] = new double[t.length - 1];
                for (int k = 1; k < t.length; k++) {
                    int colon = t[k].indexOf(':');
                    if (colon < 0) {
                        throw src.error("expected col:value, got '" + t[k] + "'");
                    }
                    int c = src.parseInt(t[k].substring(0, colon), "column");
                    if (c < 0 || (numCols >= 0 && c >= numCols)) {
                        throw src.error("column " + c + " outside 0.." + (numCols - 1));
                    }
                    cols[node][k - 1] = c;
                    vals[node][k - 1] = src.parseDouble(t[k].substring(colon + 1), "value");
                    maxCol = Math.max(maxCol, c);
                }
            }
        }
        int missing = 0;
        int firstMissing = -1;
        int empty = 0;
        for (int i = 0; i < n; i++) {
            if (cols[i] == null) {
                missing++;
                firstMissing = firstMissing < 0 ? i : firstMissing;
            } else if (cols[i].length == 0) {
                empty++;
            }
        }
        if (missing > 0) { // a truncated or damaged file: zero rows in its place would train on wrong data silently
            throw new org.qdl.sim.InvalidInputException(file + ": no feature line for node " + firstMissing
                    + (missing > 1 ? " (" + missing + " of the " + n + " nodes the labels file defines are missing)" : "")
                    + "; a node without features is a line with its id alone");
        }
        if (empty > 0) {
            report.note(file.getFileName() + ": " + empty + " node(s) with an empty feature row (all zeros)");
        }
        return CsrMatrix.fromRows(numCols >= 0 ? numCols : maxCol + 1, cols, vals);
    }

    static Graph readEdges(Path file, int n) {
        IntList u = new IntList();
        IntList v = new IntList();
        try (TextSource src = TextSource.open(file)) {
            String line;
            while ((line = src.nextData()) != null) {
                String[] t = TextSource.tokens(line);
                if (t.length != 2) {
                    throw src.error("expected 'u v', got " + t.length + " fields");
                }
                int a = src.parseInt(t[0], "node id");
                int b = src.parseInt(t[1], "node id");
                if (a < 0 || a >= n || b < 0 || b >= n) {
                    throw src.error("edge " + a + " " + b + " has a node outside 0.." + (n - 1));
                }
                u.add(a);
                v.add(b);
            }
        }
        return Graph.fromEdges(n, u.array(), v.array(), u.size());
    }

    static int[] readIndex(Path file, int n, int[] labels) {
        IntList ids = new IntList();
        try (TextSource src = TextSource.open(file)) {
            String line;
            while ((line = src.nextData()) != null) {
                int id = src.parseInt(line, "node id");
                if (id < 0 || id >= n) {
                    throw src.error("node id " + id + " outside 0.." + (n - 1));
                }
                if (labels[id] < 0) {
                    throw src.error("node " + id + " is in a split but has no label");
                }
                ids.add(id);
            }
        }
        return ids.toArray();
    }
}
