package org.qdl.learning.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.qdl.protocol.Network;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.protocol.model.Layer;

class AdjointDifferentiationTest {
    /** Central differences of the exact output, parameter by parameter. */
    static double[] finiteDifferences(Network net, DistributedModel m) {
        ParameterLayout layout = ParameterLayout.of(net, m);
        double[] g = new double[layout.size()];
        double h = 1e-5;
        for (ParameterLayout.Entry e : layout.entries()) {
            Layer l = Fixtures.own(net, e.party(), e.layer());
            double[] theta = l.parameters();
            for (int j = 0; j < theta.length; j++) {
                double[] t = theta.clone();
                t[j] = theta[j] + h;
                l.setParameters(t);
                double up = m.exactOutput(net);
                t[j] = theta[j] - h;
                l.setParameters(t);
                double down = m.exactOutput(net);
                l.setParameters(theta);
                g[e.offset() + j] = (up - down) / (2 * h);
            }
        }
        return g;
    }

    @Test
    void matchesCentralFiniteDifferencesOnGeneralLayers() {
        Network net = Fixtures.general(4, 11);
        DistributedModel m = Fixtures.generalModel();
        double[] adj = Fixtures.exact(net, m);
        double[] fd = finiteDifferences(net, m);
        assertEquals(fd.length, adj.length);
        assertEquals(8 + 8 + 2, adj.length);
        for (int j = 0; j < fd.length; j++) assertEquals(fd[j], adj[j], 1e-6, "component " + j);
        assertEquals(0, net.ledger().total().messages(), "the reference sends nothing");
    }

    @Test
    void matchesFiniteDifferencesOnCommutingLayersWithPauliStringObservable() {
        Network net = Fixtures.commuting(5, 3);
        DistributedModel m = Fixtures.commutingModel();
        double[] adj = Fixtures.exact(net, m);
        double[] fd = finiteDifferences(net, m);
        for (int j = 0; j < fd.length; j++) assertEquals(fd[j], adj[j], 1e-6, "component " + j);
    }
}
