package org.qdl.learning.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qdl.protocol.LocalParty;
import org.qdl.protocol.Network;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.protocol.model.Layer;
import org.qdl.protocol.model.QdlModel;
import org.qdl.protocol.model.file.ModelFile;

/**
 * Gradients of models read from the shipped model files (with OpenQASM layers): the adjoint equals
 * central finite differences of the exact output, and the sampling estimators land within ε of it
 * (‖x‖²ε for the rescaled pipeline).
 */
class ModelFileGradientTest {
    @ParameterizedTest
    @ValueSource(strings = {"tutorial/model.json", "fig2/model.json", "pipeline/model.json"})
    void adjointMatchesFiniteDifferencesAndSamplersMatchTheAdjoint(String file) throws Exception {
        QdlModel qm = ModelFile.load(Path.of("../examples/models").resolve(file));
        Network net = qm.network();
        DistributedModel m = qm.model();
        double[] adjoint = new AdjointDifferentiation().estimate(net, m, new Precision(0.1, 0.1), 0).gradient();
        ParameterLayout layout = ParameterLayout.of(net, m);
        assertEquals(layout.size(), adjoint.length);
        double h = 1e-5;
        for (ParameterLayout.Entry e : layout.entries()) {
            Layer layer = ((LocalParty) net.party(e.party())).ownLayer(e.layer());
            double[] theta = layer.parameters();
            for (int j = 0; j < theta.length; j++) {
                double[] p = theta.clone();
                p[j] += h;
                layer.setParameters(p);
                double up = m.exactOutput(net);
                p[j] -= 2 * h;
                layer.setParameters(p);
                double down = m.exactOutput(net);
                layer.setParameters(theta);
                assertEquals((up - down) / (2 * h), adjoint[e.offset() + j], 1e-7, e.party() + " " + e.layer() + "[" + j + "]");
            }
        }
        Precision prec = new Precision(0.2, 0.05);
        int ran = 0;
        // a rescaled model's estimators meet ε on the derivatives of ⟨O⟩; those of f = ‖x‖²⟨O⟩ within ‖x‖²ε
        double norm = net.party(m.dataParty()).dataNorm(m.dataKey());
        double tolerance = prec.epsilon() * (m.rescaled() ? norm * norm : 1);
        for (String name : GradientStudy.SAMPLERS) {
            GradientEstimator est = Estimators.byName(name);
            if (est.notApplicable(net, m) != null) continue;
            GradientEstimate g = est.estimate(net, m, prec, 5);
            assertTrue(g.maxError(adjoint) <= tolerance, name + ": max error " + g.maxError(adjoint) + " > " + tolerance);
            ran++;
        }
        assertTrue(ran >= 2, "parameter shift and the Hadamard test apply to any Pauli-rotation model");
    }
}
