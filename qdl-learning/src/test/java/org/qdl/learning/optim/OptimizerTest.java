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

    /**
     * Two steps worked out by hand (η = 0.1, β = 0.9, 0.999, ε = 1e-8), g = (1, −1/2) then (3, 1/4):
     * step 2 has m̂ = (0.09·g₁ + 0.1·g₂)/0.19 = (39/19, −2/19) and
     * v̂ = (0.000999·g₁² + 0.001·g₂²)/0.001999 = (9999/1999, 1249/7996); Δθ = −η m̂/(√v̂ + ε).
     */
    @Test
    void adamMatchesTwoStepsComputedByHand() {
        Adam o = Adam.withDefaults(0.1, 2);
        double[] d1 = o.step(new double[] {1, -0.5});
        assertEquals(-0.09999999900000001, d1[0], 1e-15); // −η·1/(1 + ε)
        assertEquals(0.09999999800000004, d1[1], 1e-15);  // η·0.5/(0.5 + ε)
        double[] d2 = o.step(new double[] {3, 0.25});
        // 1 − β₂² = 0.001999 rounds at 1e-13 relative
        assertEquals(-0.09177811148766836, d2[0], 1e-13);
        assertEquals(0.02663370329215380, d2[1], 1e-13);
        assertEquals(2, o.steps());
        // and exactly these doubles: the evaluation order is fixed, so checkpoints resume bit for bit
        assertArrayEquals(new double[] {-0.09999999900000002, 0.09999999800000003}, d1, 0.0);
        assertArrayEquals(new double[] {-0.09177811148766772, 0.02663370329215361}, d2, 0.0);
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
