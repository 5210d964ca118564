package org.qdl.gnn.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels for a linear layer on compact rows (see {@link CompactProduct}): the rows of W are
 * read in place through the column list, so nothing is gathered or scattered. Both are
 * outer-product kernels over a 4 × 4-vector tile (16 accumulators, in registers with AVX-512's 32;
 * AVX2's 16 spill some): per step 4 loads and 4 broadcasts feed 16 FMAs, and the panel of W (k rows
 * × 4 vectors) stays in L2 across row tiles. Loaded only when jdk.incubator.vector is in the boot
 * layer (CompactProduct checks).
 */
final class VectorCompactKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int L = S.length();

    private VectorCompactKernels() {
    }

    /** y[yOff + i·o + j] = Σ_q a[i·k + q] · w[cols[q]·o + j] for i < n, j < o (overwritten). */
    static void forward(double[] a, int n, int k, int[] cols, double[] w, int o, double[] y, int yOff) {
        int tile = 4 * L;
        int j0 = 0;
        for (; j0 + tile <= o; j0 += tile) {
            int i = 0;
            for (; i + 4 <= n; i += 4) {
                forwardTile4(a, i, k, cols, w, o, j0, y, yOff);
            }
            for (; i < n; i++) {
                forwardRow(a, i, k, cols, w, o, j0, 4, y, yOff);
            }
        }
        int rest = (o - j0) / L;
        if (rest > 0) {
            for (int i = 0; i < n; i++) {
                forwardRow(a, i, k, cols, w, o, j0, rest, y, yOff);
            }
            j0 += rest * L;
        }
        for (int i = 0; i < n; i++) {
            for (int j = j0; j < o; j++) {
                double s = 0;
                for (int q = 0; q < k; q++) {
                    s += a[i * k + q] * w[cols[q] * o + j];
                }
                y[yOff + i * o + j] = s;
            }
        }
    }

    private static void forwardTile4(double[] a, int i, int k, int[] cols, double[] w, int o, int j0, double[] y, int yOff) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c02 = c00, c03 = c00;
        DoubleVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        DoubleVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        DoubleVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        int a0 = i * k;
        int a1 = a0 + k;
        int a2 = a1 + k;
        int a3 = a2 + k;
        for (int q = 0; q < k; q++) {
            int wb = cols[q] * o + j0;
            DoubleVector w0 = DoubleVector.fromArray(S, w, wb);
            DoubleVector w1 = DoubleVector.fromArray(S, w, wb + L);
            DoubleVector w2 = DoubleVector.fromArray(S, w, wb + 2 * L);
            DoubleVector w3 = DoubleVector.fromArray(S, w, wb + 3 * L);
            DoubleVector b = DoubleVector.broadcast(S, a[a0 + q]);
            c00 = b.fma(w0, c00);
            c01 = b.fma(w1, c01);
            c02 = b.fma(w2, c02);
            c03 = b.fma(w3, c03);
            b = DoubleVector.broadcast(S, a[a1 + q]);
            c10 = b.fma(w0, c10);
            c11 = b.fma(w1, c11);
            c12 = b.fma(w2, c12);
            c13 = b.fma(w3, c13);
            b = DoubleVector.broadcast(S, a[a2 + q]);
            c20 = b.fma(w0, c20);
            c21 = b.fma(w1, c21);
            c22 = b.fma(w2, c22);
            c23 = b.fma(w3, c23);
            b = DoubleVector.broadcast(S, a[a3 + q]);
            c30 = b.fma(w0, c30);
            c31 = b.fma(w1, c31);
            c32 = b.fma(w2, c32);
            c33 = b.fma(w3, c33);
        }
        int y0 = yOff + i * o + j0;
        store4(y, y0, c00, c01, c02, c03);
        store4(y, y0 + o, c10, c11, c12, c13);
        store4(y, y0 + 2 * o, c20, c21, c22, c23);
        store4(y, y0 + 3 * o, c30, c31, c32, c33);
    }

    private static void store4(double[] y, int off, DoubleVector v0, DoubleVector v1, DoubleVector v2, DoubleVector v3) {
        v0.intoArray(y, off);
        v1.intoArray(y, off + L);
        v2.intoArray(y, off + 2 * L);
        v3.intoArray(y, off + 3 * L);
    }

    /** One row, {@code vecs} (1..4) vectors from column j0. */
    private static void forwardRow(double[] a, int i, int k, int[] cols, double[] w, int o, int j0, int vecs, double[] y, int yOff) {
        for (int v = 0; v < vecs; v++) {
            int j = j0 + v * L;
            DoubleVector c = DoubleVector.zero(S);
            for (int q = 0; q < k; q++) {
                c = DoubleVector.broadcast(S, a[i * k + q]).fma(DoubleVector.fromArray(S, w, cols[q] * o + j), c);
            }
            c.intoArray(y, yOff + i * o + j);
        }
    }

    /**
     * g[cols[q]·o + j] += Σ_i a[i·k + q] · d[dOff + i·o + j] for q < k, j < o. Column tiles of d
     * (n × 4 vectors) stay in L1 while all column quads of a pass over them; each quad of a is first
     * packed row by row (4 consecutive values per row), because reading a's columns in place strides
     * k values per row and ran at a quarter of the speed.
     */
    static void accumulate(double[] a, int n, int k, int[] cols, double[] d, int dOff, int o, double[] g) {
        int tile = 4 * L;
        int quads = o >= tile ? k / 4 : 0; // narrower than a tile: no tile reads the packed copy
        double[] packed = new double[quads * 4 * n];
        for (int b = 0; b < quads; b++) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(a, i * k + 4 * b, packed, (b * n + i) * 4, 4);
            }
        }
        double[] tileBuf = new double[16 * L];
        int j0 = 0;
        for (; j0 + tile <= o; j0 += tile) {
            for (int b = 0; b < quads; b++) {
                accumulateTile4(packed, b * n * 4, n, 4 * b, cols, d, dOff, o, j0, g, tileBuf);
            }
        }
        for (int q = 0; q < 4 * quads; q++) {
            accumulateRow(a, n, k, q, cols, d, dOff, o, j0, g);
        }
        for (int q = 4 * quads; q < k; q++) {
            accumulateRow(a, n, k, q, cols, d, dOff, o, 0, g);
        }
    }

    /**
     * One quad of columns q..q+3 (packed: p[pOff + 4i + r] = a[i][q + r]) on the column tile at j0.
     * The sums go through the small buffer t before they are added to g: adding them to g straight
     * from the registers made C2 compile the loop 3× slower (measured on JDK 25).
     */
    private static void accumulateTile4(double[] p, int pOff, int n, int q, int[] cols, double[] d, int dOff, int o, int j0,
                                        double[] g, double[] t) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c02 = c00, c03 = c00;
        DoubleVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        DoubleVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        DoubleVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        for (int i = 0; i < n; i++) {
            int db = dOff + i * o + j0;
            DoubleVector d0 = DoubleVector.fromArray(S, d, db);
            DoubleVector d1 = DoubleVector.fromArray(S, d, db + L);
            DoubleVector d2 = DoubleVector.fromArray(S, d, db + 2 * L);
            DoubleVector d3 = DoubleVector.fromArray(S, d, db + 3 * L);
            int ab = pOff + 4 * i;
            DoubleVector b = DoubleVector.broadcast(S, p[ab]);
            c00 = b.fma(d0, c00);
            c01 = b.fma(d1, c01);
            c02 = b.fma(d2, c02);
            c03 = b.fma(d3, c03);
            b = DoubleVector.broadcast(S, p[ab + 1]);
            c10 = b.fma(d0, c10);
            c11 = b.fma(d1, c11);
            c12 = b.fma(d2, c12);
            c13 = b.fma(d3, c13);
            b = DoubleVector.broadcast(S, p[ab + 2]);
            c20 = b.fma(d0, c20);
            c21 = b.fma(d1, c21);
            c22 = b.fma(d2, c22);
            c23 = b.fma(d3, c23);
            b = DoubleVector.broadcast(S, p[ab + 3]);
            c30 = b.fma(d0, c30);
            c31 = b.fma(d1, c31);
            c32 = b.fma(d2, c32);
            c33 = b.fma(d3, c33);
        }
        store4(t, 0, c00, c01, c02, c03);
        store4(t, 4 * L, c10, c11, c12, c13);
        store4(t, 8 * L, c20, c21, c22, c23);
        store4(t, 12 * L, c30, c31, c32, c33);
        for (int r = 0; r < 4; r++) {
            int gb = cols[q + r] * o + j0;
            for (int v = 0; v < 4 * L; v += L) {
                DoubleVector.fromArray(S, g, gb + v).add(DoubleVector.fromArray(S, t, 4 * L * r + v)).intoArray(g, gb + v);
            }
        }
    }

    /** Row cols[q] of g from column j0 to the end: whole vectors, then scalars. */
    private static void accumulateRow(double[] a, int n, int k, int q, int[] cols, double[] d, int dOff, int o, int j0, double[] g) {
        int j = j0;
        int gb = cols[q] * o;
        for (; j + L <= o; j += L) {
            DoubleVector c = DoubleVector.zero(S);
            for (int i = 0; i < n; i++) {
                c = DoubleVector.broadcast(S, a[i * k + q]).fma(DoubleVector.fromArray(S, d, dOff + i * o + j), c);
            }
            DoubleVector.fromArray(S, g, gb + j).add(c).intoArray(g, gb + j);
        }
        for (; j < o; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += a[i * k + q] * d[dOff + i * o + j];
            }
            g[gb + j] += s;
        }
    }
}
