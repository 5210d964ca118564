package org.qdl.protocol.model.qasm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.qdl.protocol.model.PauliLayer;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.qasm.Op;
import org.qdl.sim.qasm.QasmTemplate;

/**
 * A layer written in OpenQASM 2: fixed gates become fixed steps of a {@link PauliLayer}, and each
 * gate driven by a named parameter θ becomes the rotation exp(−iθG/2) by that parameter, so every
 * gradient estimator applies unchanged. Gates whose matrix differs from exp(−iθG/2) by a
 * θ-dependent global phase (qelib1's rz = u1 = p, rzz, rxx) are taken without that phase, which no
 * expectation value sees. Qubit q[i] of the file's first qreg is qubit i of the register (qubit 0
 * the least significant bit); later qregs follow.
 */
public final class QasmLayer {
    private final QasmTemplate template;

    private QasmLayer(QasmTemplate template) {
        this.template = template;
    }

    /** Compiles a layer file; {@code extraParameters} are names beyond the file's own input declarations. */
    public static QasmLayer load(Path file, List<String> extraParameters) {
        return new QasmLayer(QasmTemplate.load(file, extraParameters));
    }

    public static QasmLayer parse(String text, String file, List<String> extraParameters) {
        return new QasmLayer(QasmTemplate.parse(text, file, extraParameters));
    }

    /** Parameter names: index j of the layer's parameter vector is {@code parameterNames().get(j)}. */
    public List<String> parameterNames() {
        return template.parameters();
    }

    public int numQubits() {
        return template.numQubits();
    }

    /** A fresh layer with angles {@code theta} (one per parameter name, in order). */
    public PauliLayer layer(double[] theta) {
        List<String> names = template.parameters();
        if (theta.length != names.size()) {
            throw new InvalidInputException(template.file() + ": " + names.size() + " parameters " + names + " but " + theta.length + " angles");
        }
        List<PauliLayer.Step> steps = new ArrayList<>();
        for (Op o : template.ops()) {
            if (o instanceof Op.Apply a) steps.add(PauliLayer.Step.fixed(a.gate()));
            else if (o instanceof Op.Rotation r) steps.add(PauliLayer.Step.rotation(r.generator(), names.indexOf(r.parameter())));
            else throw new IllegalStateException("op " + o); // the template compiler admits only these
        }
        return new PauliLayer(template.numQubits(), steps, theta);
    }
}
