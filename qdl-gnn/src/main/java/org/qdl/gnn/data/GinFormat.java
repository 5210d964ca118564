package org.qdl.gnn.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.qdl.sim.InvalidInputException;

/**
 * The GIN/DGCNN text layout: "N", then per graph "n label" and n lines "tag degree nbr...", plus
 * optional {@code 10fold_idx/test_idx-K.txt}. Read from a folder or directly from a .zip holding
 * it (COLLAB ships zipped). Labels and tags are renumbered by first appearance, as GIN does.
 */
public final class GinFormat {
    private GinFormat() {
    }

    /** Parses one GIN text file; degreeAsTag replaces the tags by node degrees (for unlabelled sets). */
    public static GraphDataset read(TextSource src, String name, boolean degreeAsTag) {
        DataReport report = new DataReport();
        int count = src.parseInt(src.require("number of graphs"), "number of graphs");
        if (count < 1) {
            throw src.error("number of graphs must be positive, got " + count);
        }
        Map<Integer, Integer> labelMap = new LinkedHashMap<>();
        Map<Integer, Integer> tagMap = new LinkedHashMap<>();
        List<GraphSample> graphs = new ArrayList<>(count);
        int loops = 0;
        int isolated = 0;
        int asym = 0;
        for (int gi = 0; gi < count; gi++) {
            String[] head = TextSource.tokens(src.require("header 'n label' of graph " + (gi + 1)));
            if (head.length < 2) {
                throw src.error("expected 'n label' for graph " + (gi + 1));
            }
            int n = src.parseInt(head[0], "node count");
            if (n < 1) {
                throw src.error("graph " + (gi + 1) + " has node count " + n);
            }
            int label = labelMap.computeIfAbsent(src.parseInt(head[1], "graph label"), k -> labelMap.size());
            int[] rawTags = new int[n];
            IntList u = new IntList();
            IntList v = new IntList();
            for (int i = 0; i < n; i++) {
                int[] t = src.ints(src.require("node line " + i + " of graph " + (gi + 1)), "node line entry");
                if (t.length < 2) {
                    throw src.error("expected 'tag degree neighbours...'");
                }
                rawTags[i] = t[0];
                int deg = t[1];
                if (deg < 0 || t.length < 2 + deg) {
                    throw src.error("degree " + deg + " but " + (t.length - 2) + " neighbour(s) listed");
                }
                for (int k = 0; k < deg; k++) {
                    int j = t[2 + k];
                    if (j < 0 || j >= n) {
                        throw src.error("neighbour " + j + " outside 0.." + (n - 1) + " in graph " + (gi + 1));
                    }
                    u.add(i);
                    v.add(j);
                }
            }
            Graph g = Graph.fromEdges(n, u.array(), v.array(), u.size());
            // each undirected edge should be listed from both ends; count one-sided listings
            int listed = u.size();
            int selfListed = 0;
            for (int e = 0; e < listed; e++) {
                selfListed += u.get(e) == v.get(e) ? 1 : 0;
            }
            asym += Math.abs((listed - selfListed) - 2 * g.numEdges());
            loops += g.numSelfLoops();
            isolated += g.numIsolated();
            int[] tags = new int[n];
            for (int i = 0; i < n; i++) {
                int key = degreeAsTag ? g.degree(i) : rawTags[i];
                tags[i] = tagMap.computeIfAbsent(key, k -> tagMap.size());
            }
            graphs.add(new GraphSample(g, tags, label));
        }
        if (src.nextData() != null) {
            throw src.error("extra content after the " + count + " graphs announced on line 1");
        }
        if (loops > 0) {
            report.note(name + ": " + loops + " self-loop(s) in the input, kept (the operators add I to every node anyway)");
        }
        if (isolated > 0) {
            report.note(name + ": " + isolated + " isolated node(s), kept");
        }
        if (asym > 0) {
            report.note(name + ": " + asym + " adjacency entr(ies) listed from one end only or repeated; graph symmetrised");
        }
        if (degreeAsTag) {
            report.note(name + ": node tags replaced by node degree (" + tagMap.size() + " distinct), as GIN's degree_as_tag");
        }
        return new GraphDataset(name, graphs, labelMap.size(), tagMap.size(), null, report);
    }

    /** Reads NAME.txt (+ 10fold_idx) from a folder. */
    public static GraphDataset load(Path dir, String fileStem, String name, boolean degreeAsTag) {
        GraphDataset ds;
        try (TextSource src = TextSource.open(dir.resolve(fileStem + ".txt"))) {
            ds = read(src, name, degreeAsTag);
        }
        Path folds = dir.resolve("10fold_idx");
        if (Files.isDirectory(folds)) {
            List<int[]> f = new ArrayList<>();
            for (int k = 1; Files.isRegularFile(folds.resolve("test_idx-" + k + ".txt")); k++) {
                try (TextSource s = TextSource.open(folds.resolve("test_idx-" + k + ".txt"))) {
                    f.add(readFold(s, ds.size()));
                }
            }
            ds = new GraphDataset(ds.name(), ds.graphs(), ds.numClasses(), ds.numTags(), f, ds.report());
        }
        return ds;
    }

    /** Reads the GIN layout from a .zip: the first entry ending in .txt outside 10fold_idx, plus folds. */
    public static GraphDataset loadZip(Path zip, String name, boolean degreeAsTag) {
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            ZipEntry main = null;
            Map<Integer, ZipEntry> testFolds = new java.util.TreeMap<>();
            for (Enumeration<? extends ZipEntry> en = zf.entries(); en.hasMoreElements();) {
                ZipEntry e = en.nextElement();
                String p = e.getName();
                if (e.isDirectory() || p.startsWith("__MACOSX") || p.contains("/.") || p.startsWith(".")) {
                    continue;
                }
                String base = p.substring(p.lastIndexOf('/') + 1);
                if (p.contains("10fold_idx/") && base.startsWith("test_idx-") && base.endsWith(".txt")) {
                    testFolds.put(Integer.parseInt(base.substring(9, base.length() - 4)), e);
                } else if (!p.contains("10fold_idx/") && base.endsWith(".txt") && main == null) {
                    main = e;
                }
            }
            if (main == null) {
                throw new InvalidInputException(zip + ": no graph .txt file (GIN layout) inside");
            }
            GraphDataset ds;
            try (InputStream in = zf.getInputStream(main); TextSource src = new TextSource(zip + "!" + main.getName(), in)) {
                ds = read(src, name, degreeAsTag);
            }
            List<int[]> f = new ArrayList<>();
            for (ZipEntry e : testFolds.values()) {
                try (InputStream in = zf.getInputStream(e); TextSource s = new TextSource(zip + "!" + e.getName(), in)) {
                    f.add(readFold(s, ds.size()));
                }
            }
            return new GraphDataset(ds.name(), ds.graphs(), ds.numClasses(), ds.numTags(), f.isEmpty() ? null : f, ds.report());
        } catch (java.util.zip.ZipException e) {
            throw new InvalidInputException(zip + ": not a readable zip (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int[] readFold(TextSource s, int numGraphs) {
        IntList ids = new IntList();
        String line;
        while ((line = s.nextData()) != null) {
            int id = s.parseInt(line, "graph index");
            if (id < 0 || id >= numGraphs) {
                throw s.error("graph index " + id + " outside 0.." + (numGraphs - 1));
            }
            ids.add(id);
        }
        return ids.toArray();
    }
}
