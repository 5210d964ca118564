package org.qdl.gnn.network;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.qdl.gnn.model.NodeModelExport;
import org.qdl.sim.InvalidInputException;

/**
 * The node-averaged logit difference of a class pair as one quadratic form per hop.
 *
 * <p>With lifted features x' = [x, 1], hop k's pre-activation is z_j = x'·u_j where u_j = [W_k[:, j]; b_j],
 * and the degree-2 activation gives h_j = c0 + c1 z_j + c2 z_j². Since x'·e = 1 for e the last unit
 * vector, every term is quadratic in x': h_j = x'ᵀ[c2 u_j u_jᵀ + (c1/2)(u_j eᵀ + e u_jᵀ) + c0 e eᵀ]x'.
 * The logit difference of classes (a, b) is d(v) = Σ_k Σ_j α_kj h_kj + β with α_kj = P[kH+j, a] − P[kH+j, b]
 * and β = p_a − p_b, so d(v) = Σ_k x'_k(v)ᵀ M_k x'_k(v) with M_k = U_k C_k U_kᵀ, U_k = [u_1 … u_H, e] and
 * C_k[j][j] = c2 α_j, C_k[j][H] = C_k[H][j] = c1 α_j / 2, C_k[H][H] = c0 Σ_j α_j (+ β on hop 0).
 *
 * <p>M_k has rank ≤ H + 1, so its eigenpairs come from a thin QR U = QR and the small symmetric
 * eigenproblem R C Rᵀ = V Λ Vᵀ: M_k = (QV) Λ (QV)ᵀ.
 */
public final class PairQuadraticForms {
    private PairQuadraticForms() {}

    /** The eigen-decomposed observable for classes (a, b) on the given register layout. */
    public static BlockSpectralObservable observable(NodeModelExport m, int a, int b, SignRegisterLayout layout) {
        requirePoly(m);
        if (a < 0 || b < 0 || a >= m.classes() || b >= m.classes() || a == b) {
            throw new InvalidInputException("class pair (" + a + ", " + b + ") is not valid for " + m.classes() + " classes");
        }
        if (layout.hops() != m.hops() || layout.liftedFeatures() != m.features() + 1) {
            throw new InvalidInputException("register layout (" + layout.hops() + " hops, " + (layout.liftedFeatures() - 1)
                    + " features) does not match the model (" + m.hops() + " hops, " + m.features() + " features)");
        }
        double[][] values = new double[m.hops()][];
        DMatrixRMaj[] vectors = new DMatrixRMaj[m.hops()];
        for (int k = 0; k < m.hops(); k++) {
            DMatrixRMaj[] u = factors(m, a, b, k);
            DMatrixRMaj[] eig = eigen(u[0], u[1]);
            values[k] = eig[0].data;
            vectors[k] = eig[1];
        }
        return new BlockSpectralObservable(layout, values, vectors);
    }

    /** The dense M_k (for tests and small models): U C Uᵀ. */
    public static DMatrixRMaj matrix(NodeModelExport m, int a, int b, int k) {
        requirePoly(m);
        DMatrixRMaj[] u = factors(m, a, b, k);
        DMatrixRMaj uc = new DMatrixRMaj(u[0].numRows, u[1].numCols);
        CommonOps_DDRM.mult(u[0], u[1], uc);
        DMatrixRMaj out = new DMatrixRMaj(u[0].numRows, u[0].numRows);
        CommonOps_DDRM.multTransB(uc, u[0], out);
        return out;
    }

    private static void requirePoly(NodeModelExport m) {
        if (!m.activationKind().equals("poly")) {
            throw new InvalidInputException("the decision problem over the network needs the degree-2 polynomial activation;"
                    + " this model uses " + m.activationKind());
        }
    }

    /** {U_k, C_k}. */
    static DMatrixRMaj[] factors(NodeModelExport m, int a, int b, int k) {
        int f = m.features(), h = m.hidden();
        DMatrixRMaj u = new DMatrixRMaj(f + 1, h + 1);
        for (int r = 0; r < f; r++) for (int j = 0; j < h; j++) u.set(r, j, m.hopWeight()[k][r][j]);
        for (int j = 0; j < h; j++) u.set(f, j, m.hopBias()[k][j]);
        u.set(f, h, 1);
        double c0 = m.activation()[k][0], c1 = m.activation()[k][1], c2 = m.activation()[k][2];
        DMatrixRMaj c = new DMatrixRMaj(h + 1, h + 1);
        double sumAlpha = 0;
        for (int j = 0; j < h; j++) {
            double alpha = m.project()[k * h + j][a] - m.project()[k * h + j][b];
            sumAlpha += alpha;
            c.set(j, j, c2 * alpha);
            c.set(j, h, c1 * alpha / 2);
            c.set(h, j, c1 * alpha / 2);
        }
        double beta = k == 0 ? m.projectBias()[a] - m.projectBias()[b] : 0;
        c.set(h, h, c0 * sumAlpha + beta);
        return new DMatrixRMaj[] {u, c};
    }

    /** Non-zero eigenpairs of U C Uᵀ as {values (1×r), vectors (rows(U)×r)}. */
    static DMatrixRMaj[] eigen(DMatrixRMaj u, DMatrixRMaj c) {
        int rows = u.numRows, cols = u.numCols;
        DMatrixRMaj basis, small;
        if (rows <= cols) { // the dense matrix is no larger than the factored one
            basis = CommonOps_DDRM.identity(rows);
            DMatrixRMaj uc = new DMatrixRMaj(rows, cols);
            CommonOps_DDRM.mult(u, c, uc);
            small = new DMatrixRMaj(rows, rows);
            CommonOps_DDRM.multTransB(uc, u, small);
        } else {
            QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(rows, cols);
            if (!qr.decompose(u.copy())) throw new IllegalStateException("QR decomposition failed");
            basis = qr.getQ(null, true);
            DMatrixRMaj r = qr.getR(null, true);
            DMatrixRMaj rc = new DMatrixRMaj(cols, cols);
            CommonOps_DDRM.mult(r, c, rc);
            small = new DMatrixRMaj(cols, cols);
            CommonOps_DDRM.multTransB(rc, r, small);
        }
        // symmetrise against rounding before the symmetric solver
        int n = small.numRows;
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) {
            double s = 0.5 * (small.get(i, j) + small.get(j, i));
            small.set(i, j, s);
            small.set(j, i, s);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(small)) throw new IllegalStateException("symmetric eigendecomposition failed");
        double max = 0;
        for (int i = 0; i < n; i++) max = Math.max(max, Math.abs(eig.getEigenvalue(i).getReal()));
        int keep = 0;
        for (int i = 0; i < n; i++) if (Math.abs(eig.getEigenvalue(i).getReal()) > 1e-13 * max) keep++;
        DMatrixRMaj values = new DMatrixRMaj(1, keep);
        DMatrixRMaj v = new DMatrixRMaj(n, keep);
        int o = 0;
        for (int i = 0; i < n; i++) {
            double lam = eig.getEigenvalue(i).getReal();
            if (Math.abs(lam) <= 1e-13 * max) continue;
            values.data[o] = lam;
            DMatrixRMaj vec = eig.getEigenVector(i);
            double norm = NormOps_DDRM.normF(vec);
            for (int r = 0; r < n; r++) v.set(r, o, vec.get(r, 0) / norm);
            o++;
        }
        DMatrixRMaj vectors = new DMatrixRMaj(rows, keep);
        CommonOps_DDRM.mult(basis, v, vectors);
        return new DMatrixRMaj[] {values, vectors};
    }
}
