package org.qdl.gnn.network;

import org.qdl.sim.state.AmplitudeEncoding;
import org.qdl.sim.InvalidInputException;

/**
 * Where the data party's lifted SIGN features sit in one register: basis index
 * {@code (k << (nodeQubits + featureQubits)) | (v << featureQubits) | f} holds x'_k(v)_f, the f-th
 * entry of node v's hop-k features with a constant 1 appended (f = F). Three sub-registers: hop
 * (high qubits), node, feature (low qubits).
 */
public record SignRegisterLayout(int hops, int nodes, int liftedFeatures, int hopQubits, int nodeQubits, int featureQubits) {
    public static SignRegisterLayout of(int hops, int nodes, int features) {
        if (hops < 1 || nodes < 1 || features < 1) {
            throw new InvalidInputException("need at least one hop, node and feature, got " + hops + ", " + nodes + ", " + features);
        }
        int lifted = features + 1;
        SignRegisterLayout l = new SignRegisterLayout(hops, nodes, lifted, AmplitudeEncoding.qubitsFor(hops),
                AmplitudeEncoding.qubitsFor(nodes), AmplitudeEncoding.qubitsFor(lifted));
        if (l.totalQubits() > 28) {
            throw new InvalidInputException("the decision register would need " + l.totalQubits()
                    + " qubits (hops " + hops + ", nodes " + nodes + ", features " + features + "); at most 28 are simulated");
        }
        return l;
    }

    public int totalQubits() {
        return hopQubits + nodeQubits + featureQubits;
    }

    public int index(int hop, int node, int feature) {
        return (hop << (nodeQubits + featureQubits)) | (node << featureQubits) | feature;
    }

    /** Offset of hop k's block. */
    public int blockOffset(int hop) {
        return hop << (nodeQubits + featureQubits);
    }
}
