package org.qdl.learning.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qdl.protocol.Network;
import org.qdl.protocol.model.DistributedModel;

/**
 * Every sampling estimator against the adjoint reference over many seeds: the mean lies within its
 * standard error of the exact gradient (unbiased), and the stated intervals cover at their level.
 */
class SamplingEstimatorsTest {
    static final int SEEDS = 40;

    /** Returns {worst |bias| in standard errors, coverage}. */
    static double[] check(GradientEstimator est, Network net, DistributedModel m, Precision p) {
        double[] exact = Fixtures.exact(net, m);
        int dim = exact.length;
        double[][] g = new double[SEEDS][];
        int covered = 0;
        for (int r = 0; r < SEEDS; r++) {
            GradientEstimate e = est.estimate(net, m, p, 1000 + r);
            assertEquals(1 - p.delta(), e.confidenceLevel(), 1e-12);
            g[r] = e.gradient();
            for (int j = 0; j < dim; j++) if (Math.abs(e.gradient()[j] - exact[j]) <= e.halfWidth()[j]) covered++;
        }
        double worst = 0;
        for (int j = 0; j < dim; j++) {
            double[] col = Statistics.column(g, j);
            double se = Statistics.sd(col) / Math.sqrt(SEEDS);
            double bias = Math.abs(Statistics.mean(col) - exact[j]);
            worst = Math.max(worst, bias / Math.max(se, 1e-12));
        }
        double coverage = (double) covered / (SEEDS * dim);
        System.out.printf("%s: worst bias %.2f SE, coverage %.3f (level %.2f)%n", est.name(), worst, coverage, 1 - p.delta());
        return new double[] {worst, coverage};
    }

    static void assertUnbiasedAndCovering(double[] r, int dim, double level, boolean conservativeOnly) {
        assertTrue(r[0] < 4.5, "mean over seeds is " + r[0] + " standard errors from the exact gradient");
        double sigma = Math.sqrt(level * (1 - level) / (SEEDS * dim));
        // components are estimated from shared shots, so allow a generous band around the level
        assertTrue(r[1] >= level - 6 * sigma, "coverage " + r[1] + " below the stated " + level);
        if (!conservativeOnly) assertTrue(r[1] <= Math.min(1, level + 6 * sigma), "coverage " + r[1] + " far above the stated " + level);
    }

    @Test
    void parameterShiftOnGeneralLayers() {
        Network net = Fixtures.general(3, 5);
        DistributedModel m = Fixtures.generalModel();
        Precision p = new Precision(0.15, 0.1);
        double[] r = check(new ParameterShift(), net, m, p);
        assertUnbiasedAndCovering(r, ParameterLayout.of(net, m).size(), 0.9, false);
    }

    @Test
    void hadamardTestOnGeneralLayers() {
        Network net = Fixtures.general(3, 6);
        DistributedModel m = Fixtures.generalModel();
        Precision p = new Precision(0.15, 0.1);
        double[] r = check(new HadamardTest(), net, m, p);
        assertUnbiasedAndCovering(r, ParameterLayout.of(net, m).size(), 0.9, false);
    }

    @Test
    void simultaneousOnCommutingLayers() {
        Network net = Fixtures.commuting(4, 7);
        DistributedModel m = Fixtures.commutingModel();
        Precision p = new Precision(0.1, 0.1);
        double[] r = check(new SimultaneousEstimation(), net, m, p);
        assertUnbiasedAndCovering(r, ParameterLayout.of(net, m).size(), 0.9, false);
    }

    @Test
    void classicalShadowsOnCommutingLayers() {
        Network net = Fixtures.commuting(4, 8);
        DistributedModel m = Fixtures.commutingModel();
        Precision p = new Precision(0.3, 0.1);
        double[] r = check(new ClassicalShadows(), net, m, p);
        // the median-of-means interval is an asymptotic approximation: check it does not under-cover
        assertUnbiasedAndCovering(r, ParameterLayout.of(net, m).size(), 0.9, true);
    }

    @Test
    void classicalShadowsInMarginalSimulationModeOnALargerRegister() {
        // 10 data qubits + ancilla: too many distinct bases for the joint simulation, so the holder
        // draws each observable's snapshots from its exact marginal law
        Network net = Fixtures.commuting(10, 9);
        DistributedModel m = Fixtures.commutingModel();
        Precision p = new Precision(0.5, 0.1);
        double[] r = check(new ClassicalShadows(), net, m, p);
        assertUnbiasedAndCovering(r, ParameterLayout.of(net, m).size(), 0.9, true);
    }

    @Test
    void classicalShadowsOnCommutingButNotQubitWiseCommutingGenerators() {
        // alice: XX, YY, ZZ on qubits (0, 1) and (2, 3): mutually commuting, not qubit-wise commuting,
        // so the joint-basis estimator refuses while shadows estimate all of them from one set of copies
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(12);
        java.util.List<org.qdl.sim.observable.PauliString> g = new java.util.ArrayList<>();
        for (int q = 0; q < 4; q += 2) {
            for (char c : new char[] {'X', 'Y', 'Z'}) g.add(org.qdl.sim.observable.PauliString.parse(c + "" + q + " " + c + (q + 1)));
        }
        double[] theta = new double[g.size()];
        for (int j = 0; j < theta.length; j++) theta[j] = rnd.nextDouble(-Math.PI, Math.PI);
        Network net = new Network();
        net.addLocalParty("alice").holdData("x", Fixtures.data(4, rnd))
                .holdLayer("U1", org.qdl.protocol.model.PauliLayer.ofGenerators(4, g, theta));
        net.addLocalParty("bob").holdLayer("U2", org.qdl.learning.train.Ansatz.uniform('X', 4, Math.PI, rnd))
                .holdObservable("O", org.qdl.sim.observable.PauliString.parse("Z0 Z2"));
        DistributedModel m = Fixtures.commutingModel();
        org.junit.jupiter.api.Assertions.assertNotNull(new SimultaneousEstimation().notApplicable(net, m));
        double[] r = check(new ClassicalShadows(), net, m, new Precision(0.3, 0.1));
        assertUnbiasedAndCovering(r, ParameterLayout.of(net, m).size(), 0.9, true);
    }
}
