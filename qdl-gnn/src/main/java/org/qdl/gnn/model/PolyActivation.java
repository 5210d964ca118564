package org.qdl.gnn.model;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The quantum-amenable activation: a trainable degree-2 polynomial c0 + c1·z + c2·z², initialised
 * as in the authors' code to a least-squares fit of a smooth ReLU-like curve.
 */
public final class PolyActivation implements Activation {
    public static final double[] INIT = {0.0169394634313126, 0.5, 0.3078363963999393};

    private final Param coef = new Param("poly", 1, 3);
    private DMatrixRMaj z;

    public PolyActivation() {
        System.arraycopy(INIT, 0, coef.value.data, 0, 3);
    }

    public double[] coefficients() {
        return coef.value.data.clone();
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj zIn) {
        this.z = zIn;
        double c0 = coef.value.data[0];
        double c1 = coef.value.data[1];
        double c2 = coef.value.data[2];
        DMatrixRMaj h = new DMatrixRMaj(zIn.numRows, zIn.numCols);
        double[] zd = zIn.data;
        double[] hd = h.data;
        for (int i = 0; i < hd.length; i++) {
            double x = zd[i];
            hd[i] = c0 + x * (c1 + c2 * x);
        }
        return h;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj dh) {
        double c1 = coef.value.data[1];
        double c2 = coef.value.data[2];
        DMatrixRMaj dz = new DMatrixRMaj(dh.numRows, dh.numCols);
        double[] zd = z.data;
        double[] gd = dh.data;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < gd.length; i++) {
            double x = zd[i];
            double g = gd[i];
            dz.data[i] = g * (c1 + 2 * c2 * x);
            s0 += g;
            s1 += g * x;
            s2 += g * x * x;
        }
        coef.grad.data[0] += s0;
        coef.grad.data[1] += s1;
        coef.grad.data[2] += s2;
        return dz;
    }

    @Override
    public List<Param> params() {
        return List.of(coef);
    }
}
