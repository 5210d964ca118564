package org.qdl.gnn.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * The authors' node-classification "QModel": per hop k = 0..R an input dropout, a linear layer
 * F→hidden and an activation (degree-2 polynomial or PReLU); the R+1 outputs are concatenated,
 * dropped out and mapped to class logits by one final linear layer. Forward and backward run on
 * whatever rows they are given (only the nodes the loss needs).
 */
public final class SignNodeModel {
    private final List<Linear> hopLinear = new ArrayList<>();
    private final List<Activation> hopAct = new ArrayList<>();
    private final List<Dropout> inputDrop = new ArrayList<>();
    private final Dropout dropout;
    private final Linear project;
    private final int hidden;
    private final String activation;

    public SignNodeModel(int hops, int inFeatures, int hidden, int classes, String activation, double dropout,
                         double inputDropout, Random rnd) {
        this.hidden = hidden;
        this.activation = activation;
        for (int k = 0; k < hops; k++) {
            hopLinear.add(new Linear("hop" + k, inFeatures, hidden, rnd));
            hopAct.add(Activation.create(activation));
            inputDrop.add(new Dropout(inputDropout));
        }
        this.dropout = new Dropout(dropout);
        this.project = new Linear("project", hops * hidden, classes, rnd);
    }

    public int hops() {
        return hopLinear.size();
    }

    public String activation() {
        return activation;
    }

    public List<Param> params() {
        List<Param> ps = new ArrayList<>();
        for (int k = 0; k < hops(); k++) {
            ps.addAll(hopLinear.get(k).params());
            ps.addAll(hopAct.get(k).params());
        }
        ps.addAll(project.params());
        return ps;
    }

    public Linear hopLinear(int k) {
        return hopLinear.get(k);
    }

    public Activation hopActivation(int k) {
        return hopAct.get(k);
    }

    public Linear project() {
        return project;
    }

    /** The weights as plain numbers (see {@link NodeModelExport}); op = the operator its features used. */
    public NodeModelExport export(org.qdl.gnn.features.Diffusion op) {
        return NodeModelExport.of(this, op);
    }

    /** Logits for the rows of feats (one matrix per hop, same rows). */
    public DMatrixRMaj forward(List<DMatrixRMaj> feats, boolean training, Random rnd) {
        int n = feats.get(0).numRows;
        int r = hops();
        DMatrixRMaj cat = new DMatrixRMaj(n, r * hidden);
        for (int k = 0; k < r; k++) {
            DMatrixRMaj x = inputDrop.get(k).forward(feats.get(k), training, rnd);
            DMatrixRMaj h = hopAct.get(k).forward(hopLinear.get(k).forward(x));
            for (int i = 0; i < n; i++) {
                System.arraycopy(h.data, i * hidden, cat.data, i * r * hidden + k * hidden, hidden);
            }
        }
        return project.forward(dropout.forward(cat, training, rnd));
    }

    /** Accumulates all parameter gradients from dL/dlogits of the last forward. */
    public void backward(DMatrixRMaj dLogits) {
        DMatrixRMaj dCat = dropout.backward(project.backward(dLogits, true));
        int n = dCat.numRows;
        int r = hops();
        for (int k = 0; k < r; k++) {
            DMatrixRMaj dh = new DMatrixRMaj(n, hidden);
            for (int i = 0; i < n; i++) {
                System.arraycopy(dCat.data, i * r * hidden + k * hidden, dh.data, i * hidden, hidden);
            }
            hopLinear.get(k).backward(hopAct.get(k).backward(dh), false);
        }
    }
}
