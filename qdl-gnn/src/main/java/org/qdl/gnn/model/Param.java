package org.qdl.gnn.model;

import org.ejml.data.DMatrixRMaj;

/** A trainable tensor with its gradient. */
public final class Param {
    public final String name;
    public final DMatrixRMaj value;
    public final DMatrixRMaj grad;

    public Param(String name, int rows, int cols) {
        this.name = name;
        this.value = new DMatrixRMaj(rows, cols);
        this.grad = new DMatrixRMaj(rows, cols);
    }

    public void zeroGrad() {
        grad.zero();
    }

    public int size() {
        return value.data.length;
    }
}
