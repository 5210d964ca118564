package org.qdl.gnn.features;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.qdl.gnn.data.Graph;
import org.qdl.sim.InvalidInputException;

/**
 * The SIGN diffusion operators, all on A+I (self-loops added, as the authors' code does; an
 * existing self-loop in the data is not counted twice). With D the degrees of A+I:
 * GCN Â = D^-1/2 (A+I) D^-1/2; RW = D^-1 (A+I) (neighbourhood mean); RAW = A+I;
 * PPR: x_k = (1−α)·Â x_{k−1} + α·x_0 with the GCN Â and α = 0.2 (DGL's SIGNDiffusion default).
 */
public enum Diffusion {
    GCN, RW, RAW, PPR;

    public static final double PPR_ALPHA = 0.2;

    public static Diffusion parse(String s) {
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unknown diffusion operator '" + s + "' (gcn, rw, raw, ppr)");
        }
    }

    /** The sparse operator this diffusion applies per step (GCN's Â for PPR). */
    public CsrMatrix matrix(Graph g) {
        int n = g.numNodes();
        int[] ptr = new int[n + 1];
        int[] gp = g.rowPtr();
        int[] gc = g.col();
        for (int i = 0; i < n; i++) {
            ptr[i + 1] = ptr[i] + g.degree(i) + 1;
        }
        int[] col = new int[ptr[n]];
        double[] val = new double[ptr[n]];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = g.degree(i) + 1;
        }
        for (int i = 0; i < n; i++) {
            int w = ptr[i];
            boolean diagDone = false;
            for (int k = gp[i]; k <= gp[i + 1]; k++) {
                // merge the diagonal into the sorted neighbour list
                int j = k < gp[i + 1] ? gc[k] : Integer.MAX_VALUE;
                if (!diagDone && i < j) {
                    col[w] = i;
                    val[w++] = weight(d, i, i);
                    diagDone = true;
                }
                if (k < gp[i + 1]) {
                    col[w] = j;
                    val[w++] = weight(d, i, j);
                }
            }
        }
        return new CsrMatrix(n, n, ptr, col, val);
    }

    private double weight(double[] d, int i, int j) {
        return switch (this) {
            case GCN, PPR -> 1 / Math.sqrt(d[i] * d[j]);
            case RW -> 1 / d[i];
            case RAW -> 1;
        };
    }

    /** X_1..X_hops (not X_0) for this operator. */
    public DMatrixRMaj[] diffuse(Graph g, DMatrixRMaj x, int hops) {
        CsrMatrix a = matrix(g);
        DMatrixRMaj[] out = new DMatrixRMaj[hops];
        DMatrixRMaj prev = x;
        for (int k = 0; k < hops; k++) {
            DMatrixRMaj next = a.times(prev);
            if (this == PPR) {
                double[] nd = next.data;
                double[] x0 = x.data;
                for (int i = 0; i < nd.length; i++) {
                    nd[i] = (1 - PPR_ALPHA) * nd[i] + PPR_ALPHA * x0[i];
                }
            }
            out[k] = next;
            prev = next;
        }
        return out;
    }
}
