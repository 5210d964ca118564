package org.qdl.gnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.DoubleSupplier;

/** Central finite differences against analytic gradients. */
final class GradCheck {
    private GradCheck() {
    }

    /** Checks every entry of p.grad (already filled by backward) against (L(w+h) − L(w−h)) / 2h. */
    static void check(Param p, double[] analytic, DoubleSupplier loss, double tol) {
        double h = 1e-5;
        for (int i = 0; i < p.value.data.length; i++) {
            double w = p.value.data[i];
            p.value.data[i] = w + h;
            double lp = loss.getAsDouble();
            p.value.data[i] = w - h;
            double lm = loss.getAsDouble();
            p.value.data[i] = w;
            double fd = (lp - lm) / (2 * h);
            assertEquals(fd, analytic[i], tol * Math.max(1, Math.abs(fd)), p.name + "[" + i + "]");
        }
    }
}
