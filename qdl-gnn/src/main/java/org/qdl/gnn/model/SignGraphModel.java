package org.qdl.gnn.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * The authors' graph-classification "QModelDense": the concatenated SIGN features of each node go
 * through one linear layer (D·(R+1) → hidden·(R+1)), a normalisation, the degree-2 polynomial
 * (or PReLU), then sum pooling per graph, dropout and a final linear layer to class logits.
 */
public final class SignGraphModel {
    private final Dropout inputDrop;
    private final Linear linear;
    private final Norm norm;
    private final Activation act;
    private final Dropout dropout;
    private final Linear project;
    private int[] graphOf;
    private double[] mult;
    private int width;
    private boolean sparseInput;
    private boolean compactInput;

    public SignGraphModel(int inWidth, int hiddenWidth, int classes, String norm, String activation,
                          double dropout, double inputDropout, Random rnd) {
        this.inputDrop = new Dropout(inputDropout);
        this.linear = new Linear("lin", inWidth, hiddenWidth, rnd);
        this.norm = Norm.create(norm, hiddenWidth);
        this.act = Activation.create(activation);
        this.dropout = new Dropout(dropout);
        this.project = new Linear("project", hiddenWidth, classes, rnd);
    }

    public List<Param> params() {
        List<Param> ps = new ArrayList<>(linear.params());
        ps.addAll(norm.params());
        ps.addAll(act.params());
        ps.addAll(project.params());
        return ps;
    }

    /** Non-trained state (the norm's running statistics), for checkpoints. */
    public List<double[]> buffers() {
        return norm.buffers();
    }

    /**
     * Logits per graph. x: the stacked node features of the batch's graphs; graphOf[i]: index (in
     * the batch) of the graph node i belongs to; numGraphs graphs.
     */
    public DMatrixRMaj forward(DMatrixRMaj x, int[] graphOf, int numGraphs, boolean training, Random rnd) {
        return forward(x, graphOf, null, numGraphs, training, rnd);
    }

    /** The same model on sparse node features (same parameters, same result as the dense input). */
    public DMatrixRMaj forward(org.qdl.gnn.features.CsrMatrix x, int[] graphOf, int numGraphs, boolean training, Random rnd) {
        return forward(x, graphOf, null, numGraphs, training, rnd);
    }

    /**
     * Logits when row i stands for mult[i] identical nodes of its graph (null: one each). Equal to
     * the forward pass over the expanded rows whenever nothing before pooling is random (no input
     * dropout): sum pooling weights by mult, batch statistics too, the rest is row-wise.
     */
    public DMatrixRMaj forward(DMatrixRMaj x, int[] graphOf, double[] mult, int numGraphs, boolean training, Random rnd) {
        sparseInput = false;
        compactInput = false;
        requireNoInputDropout(mult, training);
        return rest(linear.forward(inputDrop.forward(x, training, rnd)), graphOf, mult, numGraphs, training, rnd);
    }

    /** Sparse features with multiplicities, as {@link #forward(DMatrixRMaj, int[], double[], int, boolean, Random)}. */
    public DMatrixRMaj forward(org.qdl.gnn.features.CsrMatrix x, int[] graphOf, double[] mult, int numGraphs, boolean training,
                               Random rnd) {
        sparseInput = true;
        compactInput = false;
        requireNoInputDropout(mult, training);
        return rest(linear.forward(inputDrop.forward(x, training, rnd)), graphOf, mult, numGraphs, training, rnd);
    }

    /** Per-graph compact features (stacked in order), with multiplicities or null. */
    public DMatrixRMaj forward(java.util.List<org.qdl.gnn.features.CompactRows> x, int[] graphOf, double[] mult, int numGraphs,
                               boolean training, Random rnd) {
        sparseInput = false;
        compactInput = true;
        requireNoInputDropout(mult, training);
        return rest(linear.forward(inputDrop.forward(x, training, rnd)), graphOf, mult, numGraphs, training, rnd);
    }

    private void requireNoInputDropout(double[] mult, boolean training) {
        if (mult != null && training && inputDrop.rate() > 0) {
            throw new IllegalStateException("deduplicated rows are exact only without input dropout");
        }
    }

    private DMatrixRMaj rest(DMatrixRMaj z, int[] graphOf, double[] mult, int numGraphs, boolean training, Random rnd) {
        this.graphOf = graphOf;
        this.mult = mult;
        DMatrixRMaj h = act.forward(norm.forward(z, training, mult));
        width = h.numCols;
        DMatrixRMaj pooled = new DMatrixRMaj(numGraphs, width);
        for (int i = 0; i < h.numRows; i++) {
            int g = graphOf[i] * width;
            int o = i * width;
            double w = mult == null ? 1 : mult[i];
            for (int j = 0; j < width; j++) {
                pooled.data[g + j] += w * h.data[o + j];
            }
        }
        return project.forward(dropout.forward(pooled, training, rnd));
    }

    public void backward(DMatrixRMaj dLogits) {
        DMatrixRMaj dPooled = dropout.backward(project.backward(dLogits, true));
        DMatrixRMaj dh = new DMatrixRMaj(graphOf.length, width);
        for (int i = 0; i < graphOf.length; i++) {
            // a deduplicated row carries the summed gradient of its copies
            if (mult == null) {
                System.arraycopy(dPooled.data, graphOf[i] * width, dh.data, i * width, width);
            } else {
                int g = graphOf[i] * width;
                int o = i * width;
                double w = mult[i];
                for (int j = 0; j < width; j++) {
                    dh.data[o + j] = w * dPooled.data[g + j];
                }
            }
        }
        DMatrixRMaj dz = norm.backward(act.backward(dh), mult);
        if (compactInput) {
            linear.backwardCompact(dz);
        } else if (sparseInput) {
            linear.backwardSparse(dz);
        } else {
            linear.backward(dz, false);
        }
    }
}
