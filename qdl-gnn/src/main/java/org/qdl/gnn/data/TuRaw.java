package org.qdl.gnn.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qdl.sim.InvalidInputException;

/**
 * The TU Dortmund raw layout: {@code DS_A.txt} ("row, col", 1-based global node ids, each undirected
 * edge usually twice), {@code DS_graph_indicator.txt} (graph id per node), {@code DS_graph_labels.txt}
 * and optionally {@code DS_node_labels.txt} (without it every node gets tag 0, or its degree).
 */
public final class TuRaw {
    private TuRaw() {
    }

    public static boolean present(Path dir, String ds) {
        return Files.isRegularFile(dir.resolve(ds + "_A.txt")) && Files.isRegularFile(dir.resolve(ds + "_graph_indicator.txt"));
    }

    public static GraphDataset load(Path dir, String ds, boolean degreeAsTag) {
        DataReport report = new DataReport();
        IntList indicator = new IntList();
        try (TextSource src = TextSource.open(dir.resolve(ds + "_graph_indicator.txt"))) {
            String line;
            int prev = 1;
            while ((line = src.nextData()) != null) {
                int g = src.parseInt(line, "graph id");
                if (g < prev || g > prev + 1) {
                    throw src.error("graph ids must start at 1 and not decrease or skip (got " + g + " after " + prev + ")");
                }
                if (indicator.size() == 0 && g != 1) {
                    throw src.error("first graph id must be 1, got " + g);
                }
                prev = g;
                indicator.add(g - 1);
            }
        }
        int totalNodes = indicator.size();
        if (totalNodes == 0) {
            throw new InvalidInputException(dir.resolve(ds + "_graph_indicator.txt") + ": empty");
        }
        int numGraphs = indicator.get(totalNodes - 1) + 1;
        int[] first = new int[numGraphs + 1];
        for (int i = 0; i < totalNodes; i++) {
            first[indicator.get(i) + 1] = i + 1;
        }
        Map<Integer, Integer> labelMap = new LinkedHashMap<>();
        int[] labels = new int[numGraphs];
        try (TextSource src = TextSource.open(dir.resolve(ds + "_graph_labels.txt"))) {
            for (int g = 0; g < numGraphs; g++) {
                int raw = src.parseInt(src.require("label of graph " + (g + 1)), "graph label");
                labels[g] = labelMap.computeIfAbsent(raw, k -> labelMap.size());
            }
            if (src.nextData() != null) {
                throw src.error("more labels than the " + numGraphs + " graphs in the indicator file");
            }
        }
        int[] rawTags = new int[totalNodes];
        Path nl = dir.resolve(ds + "_node_labels.txt");
        boolean hasTags = Files.isRegularFile(nl);
        if (hasTags) {
            try (TextSource src = TextSource.open(nl)) {
                for (int i = 0; i < totalNodes; i++) {
                    rawTags[i] = src.parseInt(TextSource.tokens(src.require("label of node " + (i + 1)))[0], "node label");
                }
            }
        } else if (!degreeAsTag) {
            report.note(ds + ": no node labels file; every node gets tag 0");
        }
        List<IntList> us = new ArrayList<>();
        List<IntList> vs = new ArrayList<>();
        for (int g = 0; g < numGraphs; g++) {
            us.add(new IntList());
            vs.add(new IntList());
        }
        try (TextSource src = TextSource.open(dir.resolve(ds + "_A.txt"))) {
            String line;
            while ((line = src.nextData()) != null) {
                String[] t = TextSource.tokens(line);
                if (t.length != 2) {
                    throw src.error("expected 'row, col'");
                }
                int a = src.parseInt(t[0], "node id") - 1;
                int b = src.parseInt(t[1], "node id") - 1;
                if (a < 0 || a >= totalNodes || b < 0 || b >= totalNodes) {
                    throw src.error("node id outside 1.." + totalNodes);
                }
                int g = indicator.get(a);
                if (indicator.get(b) != g) {
                    throw src.error("edge joins graphs " + (g + 1) + " and " + (indicator.get(b) + 1));
                }
                us.get(g).add(a - first[g]);
                vs.get(g).add(b - first[g]);
            }
        }
        Map<Integer, Integer> tagMap = new LinkedHashMap<>();
        List<GraphSample> graphs = new ArrayList<>(numGraphs);
        int loops = 0;
        int isolated = 0;
        for (int g = 0; g < numGraphs; g++) {
            int n = first[g + 1] - first[g];
            Graph gr = Graph.fromEdges(n, us.get(g).array(), vs.get(g).array(), us.get(g).size());
            loops += gr.numSelfLoops();
            isolated += gr.numIsolated();
            int[] tags = new int[n];
            for (int i = 0; i < n; i++) {
                int key = degreeAsTag ? gr.degree(i) : rawTags[first[g] + i];
                tags[i] = tagMap.computeIfAbsent(key, k -> tagMap.size());
            }
            graphs.add(new GraphSample(gr, tags, labels[g]));
        }
        if (loops > 0) {
            report.note(ds + ": " + loops + " self-loop(s), kept");
        }
        if (isolated > 0) {
            report.note(ds + ": " + isolated + " isolated node(s), kept");
        }
        return new GraphDataset(ds, graphs, labelMap.size(), tagMap.size(), null, report);
    }
}
