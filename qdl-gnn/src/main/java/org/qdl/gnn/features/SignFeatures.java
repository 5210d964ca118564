package org.qdl.gnn.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.qdl.gnn.data.Graph;

/**
 * SIGN features: the list [X, op_1^1 X, ..., op_1^{k_1} X, op_2^1 X, ...] of precomputed diffused
 * feature matrices, one per "hop" (Rossi et al. 2020). Node classification uses GCN only with
 * k = R, giving R+1 matrices; the graph models mix several operators.
 */
public final class SignFeatures {
    private SignFeatures() {
    }

    /** hops: operator to number of hops, applied in the given order after X itself. */
    public static List<DMatrixRMaj> compute(Graph g, DMatrixRMaj x, Map<Diffusion, Integer> hops) {
        List<DMatrixRMaj> out = new ArrayList<>();
        out.add(x);
        for (Map.Entry<Diffusion, Integer> e : hops.entrySet()) {
            if (e.getValue() > 0) {
                for (DMatrixRMaj m : e.getKey().diffuse(g, x, e.getValue())) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    public static List<DMatrixRMaj> compute(Graph g, DMatrixRMaj x, Diffusion op, int r) {
        Map<Diffusion, Integer> m = new LinkedHashMap<>();
        m.put(op, r);
        return compute(g, x, m);
    }

    /** Rows {@code nodes} of each hop matrix. */
    public static List<DMatrixRMaj> gather(List<DMatrixRMaj> hops, int[] nodes) {
        List<DMatrixRMaj> out = new ArrayList<>(hops.size());
        for (DMatrixRMaj h : hops) {
            DMatrixRMaj s = new DMatrixRMaj(nodes.length, h.numCols);
            for (int i = 0; i < nodes.length; i++) {
                System.arraycopy(h.data, nodes[i] * h.numCols, s.data, i * h.numCols, h.numCols);
            }
            out.add(s);
        }
        return out;
    }
}
