package org.qdl.gnn.model;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/** A normalisation layer over node embeddings: batch norm, layer norm, or none. */
public interface Norm {
    DMatrixRMaj forward(DMatrixRMaj x, boolean training);

    DMatrixRMaj backward(DMatrixRMaj dy);

    List<Param> params();

    static Norm create(String kind, int width) {
        return switch (kind) {
            case "batch" -> new BatchNorm(width);
            case "layer" -> new LayerNorm(width);
            case "none" -> new Norm() {
                public DMatrixRMaj forward(DMatrixRMaj x, boolean training) {
                    return x;
                }

                public DMatrixRMaj backward(DMatrixRMaj dy) {
                    return dy;
                }

                public List<Param> params() {
                    return List.of();
                }
            };
            default -> throw new org.qdl.sim.InvalidInputException("unknown norm '" + kind + "' (batch, layer, none)");
        };
    }
}
