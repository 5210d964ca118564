package org.qdl.learning.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OptimizerTest {
    @Test
    void sgdMomentumAccumulatesVelocity() {
        SgdMomentum o = new SgdMomentum(0.1, 0.9, 1);
        assertEquals(-0.1, o.step(new double[] {1})[0], 1e-15);      // v = 1
        assertEquals(-0.19, o.step(new double[] {1})[0], 1e-15);     // v = 1.9
        assertEquals(-0.171 + 0.1, o.step(new double[] {-1})[0], 1e-15); // v = 0.71
    }

    @Test
    void adamFirstStepHasMagnitudeLearningRate() {
        Adam o = new Adam(0.05, 0.9, 0.999, 1e-8, 3);
        double[] d = o.step(new double[] {3, -0.001, 0});
        // bias-corrected m/√v = sign(g) on the first step
        assertEquals(-0.05, d[0], 1e-9);
        assertEquals(0.05, d[1], 1e-6);
        assertEquals(0, d[2], 0);
    }

    @Test
    void adamMinimisesAQuadratic() {
        Adam o = new Adam(0.1, 0.9, 0.999, 1e-8, 2);
        double[] x = {3, -2};
        for (int t = 0; t < 500; t++) {
            double[] d = o.step(new double[] {2 * x[0], 8 * x[1]});
            x[0] += d[0];
            x[1] += d[1];
        }
        assertEquals(0, x[0], 1e-2);
        assertEquals(0, x[1], 1e-2);
    }

    @Test
    void stateRoundTripsExactly() {
        Adam a = new Adam(0.1, 0.9, 0.999, 1e-8, 2), b = new Adam(0.1, 0.9, 0.999, 1e-8, 2);
        a.step(new double[] {0.3, -0.7});
        a.step(new double[] {0.1, 0.2});
        b.restore(a.state());
        assertArrayEquals(a.step(new double[] {0.5, 0.5}), b.step(new double[] {0.5, 0.5}), 0.0);
    }
}
