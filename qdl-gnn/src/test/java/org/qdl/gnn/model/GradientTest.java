package org.qdl.gnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Every layer's backward pass against central finite differences of a scalar loss. */
class GradientTest {
    static DMatrixRMaj random(int r, int c, Random rnd) {
        DMatrixRMaj m = new DMatrixRMaj(r, c);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rnd.nextGaussian();
        }
        return m;
    }

    /** L = Σ w ⊙ y for a fixed random w: dL/dy = w. */
    static double dot(DMatrixRMaj y, DMatrixRMaj w) {
        double s = 0;
        for (int i = 0; i < y.data.length; i++) {
            s += y.data[i] * w.data[i];
        }
        return s;
    }

    @Test
    void polynomialActivationValuesAndGradients() {
        PolyActivation a = new PolyActivation();
        DMatrixRMaj z = new DMatrixRMaj(1, 3, true, -1, 0, 2);
        DMatrixRMaj h = a.forward(z);
        double[] c = PolyActivation.INIT;
        for (int i = 0; i < 3; i++) {
            double x = z.data[i];
            assertEquals(c[0] + c[1] * x + c[2] * x * x, h.data[i], 1e-15);
        }
        Random rnd = new Random(1);
        DMatrixRMaj zz = random(4, 5, rnd);
        DMatrixRMaj w = random(4, 5, rnd);
        a.params().get(0).zeroGrad();
        a.forward(zz);
        DMatrixRMaj dz = a.backward(w);
        GradCheck.check(a.params().get(0), a.params().get(0).grad.data.clone(), () -> dot(a.forward(zz), w), 1e-6);
        // input gradient
        double hh = 1e-6;
        for (int i = 0; i < zz.data.length; i++) {
            double x = zz.data[i];
            zz.data[i] = x + hh;
            double lp = dot(a.forward(zz), w);
            zz.data[i] = x - hh;
            double lm = dot(a.forward(zz), w);
            zz.data[i] = x;
            assertEquals((lp - lm) / (2 * hh), dz.data[i], 1e-6);
        }
    }

    @Test
    void preluGradients() {
        Random rnd = new Random(2);
        PReLU a = new PReLU();
        DMatrixRMaj z = random(3, 4, rnd);
        DMatrixRMaj w = random(3, 4, rnd);
        a.forward(z);
        a.backward(w);
        GradCheck.check(a.params().get(0), a.params().get(0).grad.data.clone(), () -> dot(a.forward(z), w), 1e-6);
    }

    @Test
    void linearBatchNormLayerNormGradients() {
        Random rnd = new Random(3);
        for (String normKind : List.of("batch", "layer")) {
            Linear lin = new Linear("l", 4, 3, rnd);
            Norm norm = Norm.create(normKind, 3);
            DMatrixRMaj x = random(5, 4, rnd);
            DMatrixRMaj w = random(5, 3, rnd);
            java.util.function.DoubleSupplier loss = () -> dot(norm.forward(lin.forward(x), true), w);
            for (Param p : lin.params()) {
                p.zeroGrad();
            }
            for (Param p : norm.params()) {
                p.zeroGrad();
            }
            norm.forward(lin.forward(x), true);
            lin.backward(norm.backward(w), true);
            for (Param p : lin.params()) {
                GradCheck.check(p, p.grad.data.clone(), loss, 1e-6);
            }
            for (Param p : norm.params()) {
                GradCheck.check(p, p.grad.data.clone(), loss, 1e-6);
            }
        }
    }

    @Test
    void linearInputGradient() {
        Random rnd = new Random(4);
        Linear lin = new Linear("l", 3, 2, rnd);
        DMatrixRMaj x = random(4, 3, rnd);
        DMatrixRMaj w = random(4, 2, rnd);
        lin.forward(x);
        DMatrixRMaj dx = lin.backward(w, true);
        double h = 1e-6;
        for (int i = 0; i < x.data.length; i++) {
            double v = x.data[i];
            x.data[i] = v + h;
            double lp = dot(lin.forward(x), w);
            x.data[i] = v - h;
            double lm = dot(lin.forward(x), w);
            x.data[i] = v;
            assertEquals((lp - lm) / (2 * h), dx.data[i], 1e-7);
        }
    }

    @Test
    void crossEntropyGradient() {
        Random rnd = new Random(5);
        DMatrixRMaj logits = random(4, 3, rnd);
        int[] y = {0, 2, 1, 2};
        DMatrixRMaj g = new DMatrixRMaj(4, 3);
        CrossEntropy.loss(logits, y, g);
        Param p = new Param("logits", 4, 3);
        System.arraycopy(logits.data, 0, p.value.data, 0, 12);
        GradCheck.check(p, g.data, () -> CrossEntropy.loss(p.value, y, null), 1e-6);
    }

    /** Whole node model, training mode with dropout: same seed gives the same masks in each evaluation. */
    @Test
    void nodeModelGradientsWithDropout() {
        for (String act : List.of("poly", "prelu")) {
            Random init = new Random(6);
            SignNodeModel m = new SignNodeModel(3, 4, 5, 3, act, 0.4, 0.3, init);
            List<DMatrixRMaj> feats = List.of(random(6, 4, init), random(6, 4, init), random(6, 4, init));
            int[] y = {0, 1, 2, 1, 0, 2};
            java.util.function.DoubleSupplier loss = () -> CrossEntropy.loss(m.forward(feats, true, new Random(9)), y, null);
            for (Param p : m.params()) {
                p.zeroGrad();
            }
            DMatrixRMaj logits = m.forward(feats, true, new Random(9));
            DMatrixRMaj g = new DMatrixRMaj(logits.numRows, logits.numCols);
            CrossEntropy.loss(logits, y, g);
            m.backward(g);
            for (Param p : m.params()) {
                GradCheck.check(p, p.grad.data.clone(), loss, 1e-5);
            }
        }
    }

    @Test
    void graphModelGradients() {
        for (String norm : List.of("batch", "layer", "none")) {
            Random init = new Random(7);
            SignGraphModel m = new SignGraphModel(4, 6, 2, norm, "poly", 0.3, 0.2, init);
            DMatrixRMaj x = random(7, 4, init);
            int[] graphOf = {0, 0, 0, 1, 1, 2, 2};
            int[] y = {1, 0, 1};
            java.util.function.DoubleSupplier loss = () -> CrossEntropy.loss(m.forward(x, graphOf, 3, true, new Random(11)), y, null);
            for (Param p : m.params()) {
                p.zeroGrad();
            }
            DMatrixRMaj logits = m.forward(x, graphOf, 3, true, new Random(11));
            DMatrixRMaj g = new DMatrixRMaj(3, 2);
            CrossEntropy.loss(logits, y, g);
            m.backward(g);
            for (Param p : m.params()) {
                GradCheck.check(p, p.grad.data.clone(), loss, 1e-5);
            }
        }
    }

    /** The sparse-input path gives the same logits and gradients as the dense one. */
    @Test
    void sparseInputMatchesDense() {
        Random init = new Random(8);
        DMatrixRMaj x = random(7, 6, init);
        for (int i = 0; i < x.data.length; i++) {
            if (init.nextDouble() < 0.6) {
                x.data[i] = 0;
            }
        }
        org.qdl.gnn.features.CsrMatrix xs = org.qdl.gnn.features.CsrMatrix.fromDense(x);
        int[] graphOf = {0, 0, 1, 1, 1, 2, 2};
        int[] y = {1, 0, 1};
        double[][] grads = new double[2][];
        double[][] logits = new double[2][];
        for (int pass = 0; pass < 2; pass++) {
            SignGraphModel m = new SignGraphModel(6, 5, 2, "batch", "poly", 0.0, 0.0, new Random(3));
            DMatrixRMaj l = pass == 0 ? m.forward(x, graphOf, 3, true, new Random(1)) : m.forward(xs, graphOf, 3, true, new Random(1));
            DMatrixRMaj g = new DMatrixRMaj(3, 2);
            CrossEntropy.loss(l, y, g);
            m.backward(g);
            logits[pass] = l.data.clone();
            grads[pass] = m.params().get(0).grad.data.clone();
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(logits[0], logits[1], 1e-12);
        org.junit.jupiter.api.Assertions.assertArrayEquals(grads[0], grads[1], 1e-12);
    }

    /** PyTorch's L2 weight decay: g + λw enters Adam, so the first step is −η(g + λw)/(|g + λw| + ε). */
    @Test
    void weightDecayEntersTheGradientBeforeAdam() {
        Param p = new Param("w", 1, 1);
        p.value.data[0] = 2;
        ParamOptimizer opt = new ParamOptimizer(List.of(p), 0.05, 0.1);
        p.grad.data[0] = 0.5;
        opt.step();
        assertEquals(1.9500000007142857, p.value.data[0], 1e-15); // 2 − 0.05·0.7/(0.7 + 1e-8)
    }

    @Test
    void adamMinimisesAQuadratic() {
        Param p = new Param("w", 1, 2);
        p.value.data[0] = 3;
        p.value.data[1] = -2;
        ParamOptimizer adam = new ParamOptimizer(List.of(p), 0.05, 0);
        for (int t = 0; t < 2000; t++) {
            adam.zeroGrad();
            p.grad.data[0] = 2 * (p.value.data[0] - 1);
            p.grad.data[1] = 2 * (p.value.data[1] + 0.5);
            adam.step();
        }
        assertEquals(1, p.value.data[0], 1e-3);
        assertEquals(-0.5, p.value.data[1], 1e-3);
    }
}
