package org.qdl.gnn.model;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/** An element-wise activation with trainable parameters; remembers its last input for backward. */
public interface Activation {
    DMatrixRMaj forward(DMatrixRMaj z);

    /** dL/dz from dL/dh, accumulating the gradients of the activation's own parameters. */
    DMatrixRMaj backward(DMatrixRMaj dh);

    List<Param> params();

    static Activation create(String kind) {
        return switch (kind) {
            case "poly" -> new PolyActivation();
            case "prelu" -> new PReLU();
            default -> throw new org.qdl.sim.InvalidInputException("unknown activation '" + kind + "' (poly, prelu)");
        };
    }
}
