package org.qdl.gnn.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.qdl.gnn.features.CsrMatrix;

/**
 * The original LINQS release: {@code NAME.content} ("id w1 ... wF label", tab separated) and
 * {@code NAME.cites} ("cited citing"). Nodes keep the content-file order; classes are numbered in
 * sorted order of their names. LINQS defines no split, so a Planetoid-style one is drawn (seeded):
 * 20 nodes per class for training, then 500 validation and 1000 test nodes.
 */
public final class Linqs {
    private Linqs() {
    }

    public static boolean present(Path dir, String name) {
        return Files.isRegularFile(dir.resolve(name + ".content")) && Files.isRegularFile(dir.resolve(name + ".cites"));
    }

    public static NodeDataset load(Path dir, String name, long splitSeed) {
        DataReport report = new DataReport();
        Map<String, Integer> ids = new HashMap<>();
        List<int[]> rowCols = new ArrayList<>();
        List<String> labelNames = new ArrayList<>();
        int numFeatures = -1;
        Path content = dir.resolve(name + ".content");
        try (TextSource src = TextSource.open(content)) {
            String line;
            while ((line = src.nextData()) != null) {
                String[] t = line.split("\\s+");
                if (numFeatures < 0) {
                    numFeatures = t.length - 2;
                    if (numFeatures < 1) {
                        throw src.error("expected 'id features... label'");
                    }
                } else if (t.length - 2 != numFeatures) {
                    throw src.error("expected " + numFeatures + " feature values, got " + (t.length - 2));
                }
                if (ids.put(t[0], ids.size()) != null) {
                    throw src.error("paper id " + t[0] + " listed twice");
                }
                IntList nz = new IntList();
                for (int k = 1; k <= numFeatures; k++) {
                    if (!t[k].equals("0")) {
                        if (!t[k].equals("1")) {
                            src.parseDouble(t[k], "feature value");
                            throw src.error("feature value '" + t[k] + "' is not 0/1 (LINQS word vectors are binary)");
                        }
                        nz.add(k - 1);
                    }
                }
                rowCols.add(nz.toArray());
                labelNames.add(t[t.length - 1]);
            }
        }
        int n = rowCols.size();
        Map<String, Integer> classes = new LinkedHashMap<>();
        labelNames.stream().sorted().distinct().forEach(s -> classes.put(s, classes.size()));
        int[] labels = new int[n];
        int[][] cols = new int[n][];
        double[][] vals = new double[n][];
        int empty = 0;
        for (int i = 0; i < n; i++) {
            labels[i] = classes.get(labelNames.get(i));
            cols[i] = rowCols.get(i);
            vals[i] = new double[cols[i].length];
            java.util.Arrays.fill(vals[i], 1.0);
            empty += cols[i].length == 0 ? 1 : 0;
        }
        if (empty > 0) {
            report.note(name + ".content: " + empty + " node(s) with no word (all-zero feature row), kept");
        }
        IntList u = new IntList();
        IntList v = new IntList();
        int unknown = 0;
        Path cites = dir.resolve(name + ".cites");
        try (TextSource src = TextSource.open(cites)) {
            String line;
            while ((line = src.nextData()) != null) {
                String[] t = line.split("\\s+");
                if (t.length != 2) {
                    throw src.error("expected 'cited citing', got " + t.length + " fields");
                }
                Integer a = ids.get(t[0]);
                Integer b = ids.get(t[1]);
                if (a == null || b == null) {
                    unknown++;
                    continue;
                }
                u.add(a);
                v.add(b);
            }
        }
        if (unknown > 0) {
            report.note(name + ".cites: " + unknown + " citation(s) naming a paper absent from " + name + ".content, skipped");
        }
        Graph g = Graph.fromEdges(n, u.array(), v.array(), u.size());
        report.describe(g, name);
        int[][] split = planetoidStyleSplit(labels, classes.size(), 20, 500, 1000, splitSeed);
        report.note(name + ": LINQS has no split; drew 20 per class / 500 / 1000 with seed " + splitSeed);
        return new NodeDataset(name, g, CsrMatrix.fromRows(numFeatures, cols, vals), labels, classes.size(),
                split[0], split[1], split[2], report);
    }

    /** perClass training nodes of each class, then val and test nodes from the rest, at random. */
    public static int[][] planetoidStyleSplit(int[] labels, int numClasses, int perClass, int numVal, int numTest, long seed) {
        int n = labels.length;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        Random rnd = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] taken = new int[numClasses];
        IntList train = new IntList();
        IntList rest = new IntList();
        for (int i : perm) {
            if (labels[i] >= 0 && taken[labels[i]] < perClass) {
                taken[labels[i]]++;
                train.add(i);
            } else if (labels[i] >= 0) {
                rest.add(i);
            }
        }
        int[] r = rest.toArray();
        int nv = Math.min(numVal, r.length);
        int nt = Math.min(numTest, r.length - nv);
        return new int[][] {train.toArray(), java.util.Arrays.copyOfRange(r, 0, nv), java.util.Arrays.copyOfRange(r, nv, nv + nt)};
    }
}
