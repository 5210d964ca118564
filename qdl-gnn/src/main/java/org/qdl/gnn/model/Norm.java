package org.qdl.gnn.model;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/** A normalisation layer over node embeddings: batch norm, layer norm, or none. */
public interface Norm {
    DMatrixRMaj forward(DMatrixRMaj x, boolean training);

    DMatrixRMaj backward(DMatrixRMaj dy);

    List<Param> params();

    /** State that is not trained by gradients but must survive a checkpoint (running statistics). */
    default List<double[]> buffers() {
        return List.of();
    }

    /**
     * The same layer on rows that stand for {@code mult[i]} identical nodes each (row deduplication,
     * see GraphTrainer): the result equals the forward pass over the expanded rows. Row-wise layers
     * ignore the multiplicities; batch statistics must weight by them.
     */
    default DMatrixRMaj forward(DMatrixRMaj x, boolean training, double[] mult) {
        return forward(x, training);
    }

    /**
     * Backward for {@link #forward(DMatrixRMaj, boolean, double[])}: dy holds, per row, the summed
     * gradient of its copies (mult[i] times one copy's), and so does the result.
     */
    default DMatrixRMaj backward(DMatrixRMaj dy, double[] mult) {
        return backward(dy);
    }

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
