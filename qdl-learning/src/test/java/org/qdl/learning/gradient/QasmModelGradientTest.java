package org.qdl.learning.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.qdl.protocol.LocalParty;
import org.qdl.protocol.Network;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.protocol.model.Layer;
import org.qdl.protocol.model.QdlModel;
import org.qdl.protocol.model.file.ModelFile;

/**
 * Gradients of a model file whose layers are OpenQASM (examples/models/fig2: bob's B1 and B2, B2 with
 * one parameter frozen): the adjoint equals central finite differences of the exact output, and the
 * sampling estimators (parameter shift, Hadamard test) land within their ε of it.
 */
class QasmModelGradientTest {
    static double[] finiteDifferences(Network net, DistributedModel m, double h) {
        java.util.List<Double> g = new java.util.ArrayList<>();
        for (DistributedModel.Stage s : m.stages()) {
            Layer l = ((LocalParty) net.party(s.party())).ownLayer(s.layer());
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
                g.add((up - down) / (2 * h));
            }
        }
        return g.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void adjointMatchesFiniteDifferencesAndSamplingEstimatorsMatchAdjoint() throws Exception {
        QdlModel model = ModelFile.load(Path.of("../examples/models/fig2/model.json"));
        Network net = model.network();
        DistributedModel m = model.model();
        Precision p = new Precision(0.05, 0.01);
        double[] adjoint = new AdjointDifferentiation().estimate(net, m, p, 1).gradient();
        assertEquals(12 + 5 + 12 + 4, adjoint.length); // A1 (2n = 12 angles), B1 (5 angles), A2, B2 (b0 frozen)
        double[] fd = finiteDifferences(net, m, 1e-5);
        double norm = 0;
        for (int j = 0; j < fd.length; j++) {
            assertEquals(fd[j], adjoint[j], 1e-8, "parameter " + j);
            norm += fd[j] * fd[j];
        }
        assertTrue(norm > 1e-2, "a gradient this small would not test anything: " + norm);
        for (GradientEstimator e : new GradientEstimator[] {new ParameterShift(), new HadamardTest()}) {
            double[] g = e.estimate(net, m, p, 7).gradient();
            for (int j = 0; j < g.length; j++) assertEquals(adjoint[j], g[j], p.epsilon(), e.name() + " parameter " + j);
        }
    }
}
