package org.qdl.claims.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qdl.protocol.Link;
import org.qdl.protocol.Network;
import org.qdl.protocol.NumberEncoding;

class ClassicalSketchTest {
    private static InnerProductResult once(double[] x, double[] w, int k, long seed) {
        Network net = new Network();
        net.addLocalParty("alice");
        net.addLocalParty("bob");
        return ClassicalSketchProtocol.run(net, "alice", "bob", x, w, k, NumberEncoding.FLOAT64, seed);
    }

    @Test
    void meetsItsErrorBoundAtTheStatedConfidenceOverManySeeds() {
        double eps = 0.25, delta = 0.1;
        int k = SketchBound.sketchLength(eps, delta);
        int trials = 400, failures = 0;
        SplittableRandom r = new SplittableRandom(1);
        for (int t = 0; t < trials; t++) {
            double[][] xw = LinearCostStudy.correlatedPair(64, r);
            if (once(xw[0], xw[1], k, r.nextLong()).normalizedError() > eps) failures++;
        }
        // failure fraction ≤ δ, with three binomial standard deviations of slack
        assertTrue(failures <= trials * delta + 3 * Math.sqrt(trials * delta * (1 - delta)), failures + " failures of " + trials);
    }

    /** Var[⟨Sw,Sx⟩/k] = (‖w‖²‖x‖² + ⟨w,x⟩² − 2Σ w_i²x_i²)/k for Rademacher S: checks the sketch itself. */
    @Test
    void varianceMatchesTheRademacherFormula() {
        SplittableRandom r = new SplittableRandom(2);
        double[][] xw = LinearCostStudy.correlatedPair(32, r);
        double[] x = xw[0], w = xw[1];
        double nx = 0, nw = 0, dot = 0, cross = 0;
        for (int i = 0; i < x.length; i++) {
            nx += x[i] * x[i];
            nw += w[i] * w[i];
            dot += x[i] * w[i];
            cross += x[i] * x[i] * w[i] * w[i];
        }
        int k = 10, trials = 6000;
        double predicted = (nx * nw + dot * dot - 2 * cross) / k;
        double sum = 0, sum2 = 0;
        for (int t = 0; t < trials; t++) {
            double e = once(x, w, k, r.nextLong()).estimate();
            sum += e;
            sum2 += e * e;
        }
        double mean = sum / trials, var = sum2 / trials - mean * mean;
        assertEquals(dot, mean, 4 * Math.sqrt(predicted / trials), "unbiased");
        assertEquals(1, var / predicted, 0.1, "variance ratio");
    }

    @Test
    void costIsKNumbersWhateverN() {
        SplittableRandom r = new SplittableRandom(3);
        int k = SketchBound.sketchLength(0.2, 0.05);
        for (int n : new int[] {4, 256, 16384}) {
            double[][] xw = LinearCostStudy.correlatedPair(n, r);
            Network net = new Network();
            net.addLocalParty("alice");
            net.addLocalParty("bob");
            ClassicalSketchProtocol.run(net, "alice", "bob", xw[0], xw[1], k, NumberEncoding.FLOAT32, 9);
            assertEquals(32L * k, net.ledger().stats(new Link("alice", "bob")).classicalBits());
            assertEquals(0, net.ledger().stats(new Link("bob", "alice")).classicalBits());
            assertEquals(0, net.ledger().totalQubits());
        }
        // O(log(1/δ)/ε²): halving ε roughly quadruples k
        double ratio = (double) SketchBound.sketchLength(0.05, 0.05) / SketchBound.sketchLength(0.1, 0.05);
        assertEquals(4, ratio, 0.2);
    }
}
