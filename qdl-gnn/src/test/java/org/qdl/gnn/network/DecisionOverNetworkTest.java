package org.qdl.gnn.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.qdl.gnn.features.Diffusion;
import org.qdl.gnn.model.NodeModelExport;
import org.qdl.gnn.train.DecisionProblem;
import org.qdl.protocol.Link;
import org.qdl.sim.InvalidInputException;

class DecisionOverNetworkTest {
    static final int HOPS = 3, F = 6, H = 5, C = 3, N = 11;

    /** A random polynomial-activation model (the decomposition must hold for any weights). */
    static NodeModelExport randomModel(Random rnd, String kind) {
        double[][][] w = new double[HOPS][F][H];
        double[][] b = new double[HOPS][H];
        double[][] act = new double[HOPS][];
        for (int k = 0; k < HOPS; k++) {
            for (int f = 0; f < F; f++) for (int j = 0; j < H; j++) w[k][f][j] = rnd.nextGaussian();
            for (int j = 0; j < H; j++) b[k][j] = rnd.nextGaussian();
            act[k] = kind.equals("poly") ? new double[] {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()} : new double[] {0.25};
        }
        double[][] p = new double[HOPS * H][C];
        for (double[] row : p) for (int c = 0; c < C; c++) row[c] = rnd.nextGaussian();
        double[] pb = {0.3, -0.2, 0.1};
        return new NodeModelExport(kind, Diffusion.GCN, HOPS, F, H, C, w, b, act, p, pb);
    }

    static List<DMatrixRMaj> randomFeatures(Random rnd) {
        List<DMatrixRMaj> feats = new ArrayList<>();
        for (int k = 0; k < HOPS; k++) {
            DMatrixRMaj m = new DMatrixRMaj(N, F);
            for (int i = 0; i < m.data.length; i++) m.data[i] = rnd.nextGaussian();
            feats.add(m);
        }
        return feats;
    }

    @Test
    void quadraticFormsReproduceEveryNodesLogitDifference() {
        Random rnd = new Random(1);
        NodeModelExport m = randomModel(rnd, "poly");
        List<DMatrixRMaj> x = randomFeatures(rnd);
        double[][] logits = m.logits(x);
        for (int a = 0; a < C; a++) for (int b = a + 1; b < C; b++) {
            for (int v = 0; v < N; v++) {
                double d = 0;
                for (int k = 0; k < HOPS; k++) {
                    DMatrixRMaj mk = PairQuadraticForms.matrix(m, a, b, k);
                    double[] xl = new double[F + 1];
                    for (int f = 0; f < F; f++) xl[f] = x.get(k).get(v, f);
                    xl[F] = 1;
                    for (int i = 0; i <= F; i++) for (int j = 0; j <= F; j++) d += xl[i] * mk.get(i, j) * xl[j];
                }
                assertEquals(logits[v][a] - logits[v][b], d, 1e-9 * (1 + Math.abs(d)), "node " + v + " pair " + a + "," + b);
            }
        }
    }

    @Test
    void exactExpectationEqualsClassicalAverageAndShotsAgree() {
        Random rnd = new Random(2);
        NodeModelExport m = randomModel(rnd, "poly");
        List<DMatrixRMaj> x = randomFeatures(rnd);
        int[] labels = new int[N];
        for (int v = 0; v < N; v++) labels[v] = v % 4 == 0 ? 1 : (v % 3 == 0 ? 2 : 0);
        int shots = 20_000;
        DecisionOverNetwork.Result r = DecisionOverNetwork.run(m, x, labels, shots, 0.05, 7, s -> { });
        double[] classical = DecisionProblem.averagedDifferences(new DMatrixRMaj(m.logits(x)));
        assertEquals(3, r.pairs().size());
        for (int p = 0; p < 3; p++) {
            PairDecision d = r.pairs().get(p);
            assertEquals(classical[p], d.classical(), 1e-12);
            assertEquals(d.classical(), d.quantumExact(), 1e-9 * (1 + Math.abs(d.classical())));
            // Hoeffding at δ = 0.05: the estimate lies inside its interval (fails with prob ≤ 0.05 per pair;
            // fixed seed, so deterministic)
            assertTrue(Math.abs(d.estimate() - d.classical()) <= d.halfWidth(), d.toString());
            if (d.certified()) assertTrue(d.agrees(), "a certified decision must agree: " + d);
        }
        // Ledger: per pair, `shots` copies of the register; ‖X'‖ (64 bits) and n (32 bits) once.
        int q = r.layout().totalQubits();
        assertEquals(2 + 4 + 3, q); // hops 3 → 2 qubits, nodes 11 → 4, features 6 + 1 → 3
        var stats = r.ledger().stats(new Link(DecisionOverNetwork.DATA, DecisionOverNetwork.MODEL));
        assertEquals(3L * shots * q, stats.qubits());
        assertEquals(64 + 32, stats.classicalBits());
        assertEquals(3L * shots + 2, stats.messages());
    }

    @Test
    void preluModelsAreRejectedWithAClearMessage() {
        Random rnd = new Random(3);
        NodeModelExport m = randomModel(rnd, "prelu");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> DecisionOverNetwork.run(m, randomFeatures(rnd), new int[N], 10, 0.05, 1, s -> { }));
        assertTrue(e.getMessage().contains("degree-2 polynomial"), e.getMessage());
    }
}
