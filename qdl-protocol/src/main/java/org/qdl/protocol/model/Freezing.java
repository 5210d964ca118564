package org.qdl.protocol.model;

import java.util.ArrayList;
import java.util.List;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.gate.PauliRotation;

/**
 * Freezes some parameters of a layer. In a {@link PauliLayer} a frozen rotation becomes a fixed
 * gate exp(−iθG/2) at its current value and the remaining parameters are renumbered, so gradients,
 * updates and the ledger see only the trainable ones; other layers freeze all or nothing.
 */
final class Freezing {
    private Freezing() {}

    static Layer apply(Layer layer, boolean[] trainable, String where) {
        int kept = 0;
        for (boolean t : trainable) if (t) kept++;
        if (kept == trainable.length) return layer;
        if (layer instanceof PauliLayer p) {
            double[] theta = p.parameters();
            int[] renumber = new int[theta.length];
            double[] kept0 = new double[kept];
            for (int j = 0, k = 0; j < theta.length; j++) {
                renumber[j] = trainable[j] ? k : -1;
                if (trainable[j]) kept0[k++] = theta[j];
            }
            List<PauliLayer.Step> steps = new ArrayList<>();
            for (PauliLayer.Step s : p.steps()) {
                if (!s.isRotation()) steps.add(s);
                else if (renumber[s.parameter()] < 0) steps.add(PauliLayer.Step.fixed(new PauliRotation(s.generator(), theta[s.parameter()])));
                else steps.add(PauliLayer.Step.rotation(s.generator(), renumber[s.parameter()]));
            }
            return new PauliLayer(p.numQubits(), steps, kept0);
        }
        if (kept == 0) return new FrozenLayer(layer);
        throw new InvalidInputException(where + ": only Pauli-rotation layers can freeze some of their parameters; freeze all or none");
    }
}
