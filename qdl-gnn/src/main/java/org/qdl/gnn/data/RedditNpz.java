package org.qdl.gnn.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.qdl.gnn.features.CsrMatrix;
import org.qdl.sim.InvalidInputException;

/**
 * Reddit in PyTorch Geometric's raw layout (the one {@code torch_geometric.datasets.Reddit}
 * downloads): {@code raw/reddit_data.npz} with {@code feature} (N × 602), {@code label} (N) and
 * {@code node_types} (1 train, 2 validation, 3 test), and {@code raw/reddit_graph.npz}, a
 * scipy.sparse matrix saved by {@code save_npz} (COO: row/col, or CSR: indices/indptr; with
 * shape and format). Edges are symmetrised and merged, as PyG's coalesce.
 */
public final class RedditNpz {
    private RedditNpz() {
    }

    public static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve("raw/reddit_data.npz")) && Files.isRegularFile(dir.resolve("raw/reddit_graph.npz"));
    }

    public static NodeDataset load(Path dir, String name) {
        Path dataFile = dir.resolve("raw/reddit_data.npz"), graphFile = dir.resolve("raw/reddit_graph.npz");
        Map<String, Npy.Array> data = readNpz(dataFile, "feature", "label", "node_types");
        Npy.Array feat = data.get("feature"), label = data.get("label"), types = data.get("node_types");
        if (feat.shape().length != 2) {
            throw new InvalidInputException(dataFile + ": feature must be 2-d, has shape " + java.util.Arrays.toString(feat.shape()));
        }
        int n = (int) feat.shape()[0], f = (int) feat.shape()[1];
        if (label.count() != n || types.count() != n) {
            throw new InvalidInputException(dataFile + ": " + n + " feature rows but " + label.count() + " labels and " + types.count() + " node_types");
        }
        int[] y = new int[n];
        IntList train = new IntList(), val = new IntList(), test = new IntList();
        int classes = 0;
        for (int i = 0; i < n; i++) {
            y[i] = (int) label.data()[i];
            if (y[i] < 0 || y[i] != label.data()[i]) {
                throw new InvalidInputException(dataFile + ": label[" + i + "] = " + label.data()[i] + " is not a class index");
            }
            classes = Math.max(classes, y[i] + 1);
            switch ((int) types.data()[i]) {
                case 1 -> train.add(i);
                case 2 -> val.add(i);
                case 3 -> test.add(i);
                default -> throw new InvalidInputException(dataFile + ": node_types[" + i + "] = " + types.data()[i] + " (expected 1, 2 or 3)");
            }
        }
        DataReport report = new DataReport();
        Graph g = readGraph(graphFile, n);
        report.describe(g, name);
        return new NodeDataset(name, g, CsrMatrix.fromDense(new org.ejml.data.DMatrixRMaj(n, f, true, feat.data())), y, classes,
                train.toArray(), val.toArray(), test.toArray(), report);
    }

    static Graph readGraph(Path file, int n) {
        Map<String, Npy.Array> a = readNpz(file, "shape", "format");
        Npy.Array shape = a.get("shape");
        if (shape.count() != 2 || shape.data()[0] != n || shape.data()[1] != n) {
            throw new InvalidInputException(file + ": adjacency shape " + java.util.Arrays.toString(shape.data()) + " for " + n + " nodes");
        }
        String format = a.get("format").text();
        int[] u;
        int[] v;
        if (format.equals("coo")) {
            u = ids(file, "row", require(file, a, "row"), n);
            v = ids(file, "col", require(file, a, "col"), n);
        } else if (format.equals("csr")) {
            int[] ptr = ids(file, "indptr", require(file, a, "indptr"), Integer.MAX_VALUE);
            v = ids(file, "indices", require(file, a, "indices"), n);
            if (ptr.length != n + 1 || ptr[n] != v.length) {
                throw new InvalidInputException(file + ": inconsistent CSR arrays (indptr " + ptr.length + ", indices " + v.length + ")");
            }
            u = new int[v.length];
            for (int i = 0; i < n; i++) {
                java.util.Arrays.fill(u, ptr[i], ptr[i + 1], i);
            }
        } else {
            throw new InvalidInputException(file + ": sparse format '" + format + "' (expected coo or csr)");
        }
        if (u.length != v.length) {
            throw new InvalidInputException(file + ": " + u.length + " rows but " + v.length + " columns");
        }
        return Graph.fromEdges(n, u, v, u.length);
    }

    private static Npy.Array require(Path file, Map<String, Npy.Array> a, String key) {
        Npy.Array x = a.get(key);
        if (x == null) {
            throw new InvalidInputException(file + ": no array '" + key + "'");
        }
        return x;
    }

    private static int[] ids(Path file, String key, Npy.Array a, int bound) {
        int[] out = new int[(int) a.count()];
        for (int i = 0; i < out.length; i++) {
            double d = a.data()[i];
            if (d < 0 || d >= bound || d != Math.rint(d)) {
                throw new InvalidInputException(file + ": " + key + "[" + i + "] = " + d + " outside 0.." + (bound - 1));
            }
            out[i] = (int) d;
        }
        return out;
    }

    /** Every array of an .npz (a zip of .npy files), requiring the named ones. */
    static Map<String, Npy.Array> readNpz(Path file, String... required) {
        Map<String, Npy.Array> out = new HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                String key = e.getName().replaceAll("\\.npy$", "");
                try (InputStream in = zip.getInputStream(e)) {
                    out.put(key, Npy.read(in, file + ":" + e.getName()));
                }
            }
        } catch (ZipException e) {
            throw new InvalidInputException(file + ": not a readable .npz (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String r : required) {
            if (!out.containsKey(r)) {
                throw new InvalidInputException(file + ": no array '" + r + "' (has " + out.keySet() + ")");
            }
        }
        return out;
    }
}
