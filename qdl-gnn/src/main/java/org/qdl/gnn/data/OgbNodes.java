package org.qdl.gnn.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.qdl.gnn.features.CsrMatrix;
import org.qdl.sim.InvalidInputException;

/**
 * The OGB node-property layout (ogbn-arxiv, ogbn-products, … as unpacked from OGB's zip):
 * {@code raw/node-feat.csv[.gz]} (one comma-separated feature row per node),
 * {@code raw/edge.csv[.gz]} ("src,dst", 0-based; symmetrised here, as every SIGN/GCN baseline
 * does), {@code raw/node-label.csv[.gz]} (one class per node) and the official split
 * {@code split/<name>/{train,valid,test}.csv[.gz]} (node ids; {@code time} for arxiv,
 * {@code sales_ranking} for products, else the only folder under {@code split/}).
 */
public final class OgbNodes {
    private OgbNodes() {
    }

    public static boolean present(Path dir) {
        Path raw = dir.resolve("raw");
        return exists(raw.resolve("node-feat")) && exists(raw.resolve("edge")) && exists(raw.resolve("node-label"));
    }

    public static NodeDataset load(Path dir, String name) {
        try {
            return read(dir, name);
        } catch (UncheckedIOException e) {
            throw new InvalidInputException(e.getCause().getMessage()); // a file that cannot be read to its end (named)
        }
    }

    private static NodeDataset read(Path dir, String name) {
        Path raw = dir.resolve("raw");
        DataReport report = new DataReport();
        CsrMatrix x = readFeatures(raw.resolve("node-feat"));
        int n = x.rows();
        int[] labels = readLabels(raw.resolve("node-label"), n);
        Path numNodes = raw.resolve("num-node-list");
        if (exists(numNodes)) {
            try (TextSource src = open(numNodes)) {
                int declared = src.parseInt(src.require("the number of nodes"), "node count");
                if (declared != n) {
                    throw src.error("declares " + declared + " nodes but " + csv(raw.resolve("node-feat")) + " has " + n + " rows");
                }
            }
        }
        Graph g = readEdges(raw.resolve("edge"), n);
        report.describe(g, name);
        int classes = 0;
        for (int l : labels) {
            classes = Math.max(classes, l + 1);
        }
        Path split = splitDir(dir);
        report.note(name + ": official split " + dir.relativize(split) + "/");
        int[] train = readIndex(split.resolve("train"), n);
        int[] val = readIndex(split.resolve("valid"), n);
        int[] test = readIndex(split.resolve("test"), n);
        return new NodeDataset(name, g, x, labels, classes, train, val, test, report);
    }

    static Path splitDir(Path dir) {
        Path split = dir.resolve("split");
        for (String known : List.of("time", "sales_ranking", "species")) {
            if (Files.isDirectory(split.resolve(known))) {
                return split.resolve(known);
            }
        }
        try (Stream<Path> s = Files.isDirectory(split) ? Files.list(split) : Stream.empty()) {
            List<Path> dirs = s.filter(Files::isDirectory).sorted().toList();
            if (dirs.size() != 1) {
                throw new InvalidInputException(split + ": expected one split folder (time, sales_ranking, …), found " + dirs.size());
            }
            return dirs.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CsrMatrix readFeatures(Path base) {
        int rows = 0;
        int cols = -1;
        int[] ptr = new int[1024];
        IntList colIdx = new IntList();
        double[] vals = new double[1 << 16];
        int nnz = 0;
        try (TextSource src = open(base)) {
            String line;
            while ((line = src.next()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                int c = 0;
                int start = 0;
                for (int i = 0; i <= line.length(); i++) {
                    if (i == line.length() || line.charAt(i) == ',') {
                        double v = src.parseDouble(line.substring(start, i), "feature " + (c + 1));
                        if (v != 0) {
                            if (nnz == vals.length) {
                                vals = java.util.Arrays.copyOf(vals, 2 * nnz);
                            }
                            vals[nnz++] = v;
                            colIdx.add(c);
                        }
                        c++;
                        start = i + 1;
                    }
                }
                if (cols < 0) {
                    cols = c;
                } else if (c != cols) {
                    throw src.error("expected " + cols + " features (as on line 1), got " + c);
                }
                rows++;
                if (rows + 1 > ptr.length) {
                    ptr = java.util.Arrays.copyOf(ptr, 2 * ptr.length);
                }
                ptr[rows] = nnz;
            }
            if (rows == 0) {
                throw src.error("no feature rows");
            }
        }
        return new CsrMatrix(rows, cols, java.util.Arrays.copyOf(ptr, rows + 1), colIdx.toArray(), java.util.Arrays.copyOf(vals, nnz));
    }

    static int[] readLabels(Path base, int n) {
        int[] labels = new int[n];
        int i = 0;
        try (TextSource src = open(base)) {
            String line;
            while ((line = src.nextData()) != null) {
                if (i == n) {
                    throw src.error("more labels than the " + n + " feature rows of node-feat");
                }
                int l = src.parseInt(line, "label");
                if (l < 0) {
                    throw src.error("bad label " + l + " (negative)");
                }
                labels[i++] = l;
            }
            if (i != n) {
                throw src.error(i + " labels for " + n + " feature rows of node-feat");
            }
        }
        return labels;
    }

    static Graph readEdges(Path base, int n) {
        IntList u = new IntList();
        IntList v = new IntList();
        try (TextSource src = open(base)) {
            String line;
            while ((line = src.nextData()) != null) {
                int[] e = src.ints(line, "node id");
                if (e.length != 2) {
                    throw src.error("expected 'src,dst', got " + e.length + " fields");
                }
                for (int id : e) {
                    if (id < 0 || id >= n) {
                        throw src.error("node id " + id + " outside 0.." + (n - 1));
                    }
                }
                u.add(e[0]);
                v.add(e[1]);
            }
        }
        return Graph.fromEdges(n, u.array(), v.array(), u.size());
    }

    static int[] readIndex(Path base, int n) {
        IntList ids = new IntList();
        try (TextSource src = open(base)) {
            String line;
            while ((line = src.nextData()) != null) {
                int id = src.parseInt(line, "node id");
                if (id < 0 || id >= n) {
                    throw src.error("node id " + id + " outside 0.." + (n - 1));
                }
                ids.add(id);
            }
        }
        return ids.toArray();
    }

    /** The .csv.gz beside a base name if present, else the .csv. */
    static Path csv(Path base) {
        Path gz = base.resolveSibling(base.getFileName() + ".csv.gz");
        return Files.isRegularFile(gz) ? gz : base.resolveSibling(base.getFileName() + ".csv");
    }

    private static boolean exists(Path base) {
        return Files.isRegularFile(csv(base));
    }

    static TextSource open(Path base) {
        Path f = csv(base);
        if (!Files.isRegularFile(f)) {
            throw new InvalidInputException("missing file " + base + ".csv[.gz]");
        }
        try {
            InputStream in = Files.newInputStream(f);
            return new TextSource(f.toString(), new NamedInput(f.toString(), f.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in));
        } catch (java.util.zip.ZipException e) {
            throw new InvalidInputException(f + ": not a gzip file (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Read errors name the file (a truncated .gz fails mid-stream). */
    private static final class NamedInput extends java.io.FilterInputStream {
        private final String name;

        NamedInput(String name, InputStream in) {
            super(in);
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw new IOException(name + ": truncated or corrupt (" + e.getMessage() + ")", e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw new IOException(name + ": truncated or corrupt (" + e.getMessage() + ")", e);
            }
        }
    }
}
