package org.qdl.gnn.model;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/** PReLU with one shared trainable slope for negative inputs, initialised to 0.25 (PyTorch). */
public final class PReLU implements Activation {
    private final Param slope = new Param("prelu", 1, 1);
    private DMatrixRMaj z;

    public PReLU() {
        slope.value.data[0] = 0.25;
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj zIn) {
        this.z = zIn;
        double a = slope.value.data[0];
        DMatrixRMaj h = new DMatrixRMaj(zIn.numRows, zIn.numCols);
        for (int i = 0; i < h.data.length; i++) {
            double x = zIn.data[i];
            h.data[i] = x > 0 ? x : a * x;
        }
        return h;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj dh) {
        double a = slope.value.data[0];
        DMatrixRMaj dz = new DMatrixRMaj(dh.numRows, dh.numCols);
        double s = 0;
        for (int i = 0; i < dz.data.length; i++) {
            double x = z.data[i];
            if (x > 0) {
                dz.data[i] = dh.data[i];
            } else {
                dz.data[i] = a * dh.data[i];
                s += dh.data[i] * x;
            }
        }
        slope.grad.data[0] += s;
        return dz;
    }

    @Override
    public List<Param> params() {
        return List.of(slope);
    }
}
