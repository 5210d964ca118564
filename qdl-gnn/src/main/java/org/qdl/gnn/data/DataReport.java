package org.qdl.gnn.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a loader noticed and how it handled it (isolated nodes, featureless nodes, self-loops,
 * duplicate edges, ...): shown to the user so that nothing is changed silently.
 */
public final class DataReport {
    private final List<String> notes = new ArrayList<>();

    public void note(String s) {
        notes.add(s);
    }

    /** Adds the standard graph observations. */
    public void describe(Graph g, String what) {
        if (g.numIsolated() > 0) {
            note(what + ": " + g.numIsolated() + " isolated node(s), kept (their diffused features come from the self-loop only)");
        }
        if (g.numSelfLoops() > 0) {
            note(what + ": " + g.numSelfLoops() + " self-loop(s) in the input, kept as one self-loop each (the operators add I anyway)");
        }
        if (g.duplicateEdges() > 0) {
            note(what + ": " + g.duplicateEdges() + " repeated undirected edge(s) merged (e.g. listed in both directions)");
        }
    }

    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }
}
