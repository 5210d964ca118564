package org.qdl.sim.state;

import org.qdl.sim.InvalidInputException;

import java.util.Arrays;

/**
 * A dense square complex matrix, row-major, real and imaginary parts in separate primitive arrays.
 * Immutable once built. Sizes are small here (gate matrices, k ≤ 8 qubits; whole registers for small n).
 */
public final class ComplexMatrix {
    /** Tolerance for unitarity checks: max |(U†U − I)_ij|. */
    public static final double UNITARY_TOLERANCE = 1e-9;

    private final int dim;
    private final double[] re;
    private final double[] im;

    private ComplexMatrix(int dim, double[] re, double[] im) {
        this.dim = dim;
        this.re = re;
        this.im = im;
    }

    /** Wraps row-major parts (copied). */
    public static ComplexMatrix of(int dim, double[] re, double[] im) {
        if (re.length != dim * dim || im.length != dim * dim) {
            throw new InvalidInputException("matrix of dimension " + dim + " needs " + dim * dim
                    + " entries, got " + re.length + " real and " + im.length + " imaginary");
        }
        return new ComplexMatrix(dim, re.clone(), im.clone());
    }

    /** A real matrix from rows. */
    public static ComplexMatrix real(double[][] rows) {
        int d = rows.length;
        double[] re = new double[d * d];
        for (int r = 0; r < d; r++) {
            if (rows[r].length != d) throw new InvalidInputException("matrix is not square: row " + r);
            System.arraycopy(rows[r], 0, re, r * d, d);
        }
        return new ComplexMatrix(d, re, new double[d * d]);
    }

    /** A 2×2 matrix from its four entries in row order. */
    public static ComplexMatrix of2(Complex a, Complex b, Complex c, Complex d) {
        return new ComplexMatrix(2, new double[] {a.re(), b.re(), c.re(), d.re()},
                new double[] {a.im(), b.im(), c.im(), d.im()});
    }

    public static ComplexMatrix identity(int dim) {
        double[] re = new double[dim * dim];
        for (int i = 0; i < dim; i++) re[i * dim + i] = 1;
        return new ComplexMatrix(dim, re, new double[dim * dim]);
    }

    public static ComplexMatrix diagonal(double[] dre, double[] dim_) {
        int d = dre.length;
        double[] re = new double[d * d];
        double[] im = new double[d * d];
        for (int i = 0; i < d; i++) {
            re[i * d + i] = dre[i];
            im[i * d + i] = dim_[i];
        }
        return new ComplexMatrix(d, re, im);
    }

    /** The backing row-major real parts, not a copy: for kernels, which only read it. */
    public double[] realArray() {
        return re;
    }

    /** The backing row-major imaginary parts, not a copy: for kernels, which only read it. */
    public double[] imagArray() {
        return im;
    }

    public int dim() {
        return dim;
    }

    /** Number of qubits this matrix acts on; fails if the dimension is not a power of two. */
    public int qubits() {
        if (Integer.bitCount(dim) != 1) throw new InvalidInputException("matrix dimension " + dim + " is not a power of two");
        return Integer.numberOfTrailingZeros(dim);
    }

    public Complex get(int r, int c) {
        return new Complex(re[r * dim + c], im[r * dim + c]);
    }

    public double re(int r, int c) {
        return re[r * dim + c];
    }

    public double im(int r, int c) {
        return im[r * dim + c];
    }

    /** Copies of the parts (row-major). */
    public double[] realPart() {
        return re.clone();
    }

    public double[] imagPart() {
        return im.clone();
    }

    /** this · other. */
    public ComplexMatrix times(ComplexMatrix o) {
        if (o.dim != dim) throw new InvalidInputException("matrix dimensions differ: " + dim + " and " + o.dim);
        double[] rr = new double[dim * dim];
        double[] ri = new double[dim * dim];
        for (int r = 0; r < dim; r++) {
            for (int k = 0; k < dim; k++) {
                double ar = re[r * dim + k], ai = im[r * dim + k];
                if (ar == 0 && ai == 0) continue;
                for (int c = 0; c < dim; c++) {
                    double br = o.re[k * dim + c], bi = o.im[k * dim + c];
                    rr[r * dim + c] += ar * br - ai * bi;
                    ri[r * dim + c] += ar * bi + ai * br;
                }
            }
        }
        return new ComplexMatrix(dim, rr, ri);
    }

    public ComplexMatrix scale(Complex s) {
        double[] rr = new double[dim * dim];
        double[] ri = new double[dim * dim];
        for (int i = 0; i < rr.length; i++) {
            rr[i] = re[i] * s.re() - im[i] * s.im();
            ri[i] = re[i] * s.im() + im[i] * s.re();
        }
        return new ComplexMatrix(dim, rr, ri);
    }

    public ComplexMatrix plus(ComplexMatrix o) {
        double[] rr = new double[dim * dim];
        double[] ri = new double[dim * dim];
        for (int i = 0; i < rr.length; i++) {
            rr[i] = re[i] + o.re[i];
            ri[i] = im[i] + o.im[i];
        }
        return new ComplexMatrix(dim, rr, ri);
    }

    /** Conjugate transpose. */
    public ComplexMatrix dagger() {
        double[] rr = new double[dim * dim];
        double[] ri = new double[dim * dim];
        for (int r = 0; r < dim; r++) {
            for (int c = 0; c < dim; c++) {
                rr[c * dim + r] = re[r * dim + c];
                ri[c * dim + r] = -im[r * dim + c];
            }
        }
        return new ComplexMatrix(dim, rr, ri);
    }

    /**
     * Kronecker product this ⊗ other. With qdl's little-endian convention (qubit 0 is the least
     * significant bit), {@code a.kron(b)} acts as a on the higher qubits and b on the lower ones.
     */
    public ComplexMatrix kron(ComplexMatrix o) {
        int d = dim * o.dim;
        double[] rr = new double[d * d];
        double[] ri = new double[d * d];
        for (int r1 = 0; r1 < dim; r1++) for (int c1 = 0; c1 < dim; c1++) {
            double ar = re[r1 * dim + c1], ai = im[r1 * dim + c1];
            for (int r2 = 0; r2 < o.dim; r2++) for (int c2 = 0; c2 < o.dim; c2++) {
                double br = o.re[r2 * o.dim + c2], bi = o.im[r2 * o.dim + c2];
                int idx = (r1 * o.dim + r2) * d + c1 * o.dim + c2;
                rr[idx] = ar * br - ai * bi;
                ri[idx] = ar * bi + ai * br;
            }
        }
        return new ComplexMatrix(d, rr, ri);
    }

    /** max_ij |(U†U − I)_ij|. */
    public double unitarityError() {
        ComplexMatrix p = dagger().times(this);
        double err = 0;
        for (int r = 0; r < dim; r++) for (int c = 0; c < dim; c++) {
            double dr = p.re[r * dim + c] - (r == c ? 1 : 0);
            err = Math.max(err, Math.hypot(dr, p.im[r * dim + c]));
        }
        return err;
    }

    public boolean isUnitary(double tol) {
        return unitarityError() <= tol;
    }

    /** Returns this, or throws naming {@code what} if it is not unitary within {@link #UNITARY_TOLERANCE}. */
    public ComplexMatrix requireUnitary(String what) {
        double err = unitarityError();
        if (!(err <= UNITARY_TOLERANCE)) {
            throw new InvalidInputException(String.format(
                    "%s is not unitary: max |U†U − I| = %.3g exceeds tolerance %.0e", what, err, UNITARY_TOLERANCE));
        }
        return this;
    }

    /** max_ij |(H − H†)_ij|. */
    public double hermiticityError() {
        double err = 0;
        for (int r = 0; r < dim; r++) for (int c = 0; c < dim; c++) {
            err = Math.max(err, Math.hypot(re[r * dim + c] - re[c * dim + r], im[r * dim + c] + im[c * dim + r]));
        }
        return err;
    }

    /** max_ij |this_ij − other_ij|. */
    public double distance(ComplexMatrix o) {
        double err = 0;
        for (int i = 0; i < re.length; i++) err = Math.max(err, Math.hypot(re[i] - o.re[i], im[i] - o.im[i]));
        return err;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComplexMatrix m && m.dim == dim && Arrays.equals(m.re, re) && Arrays.equals(m.im, im);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(re) + Arrays.hashCode(im);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < dim; r++) {
            sb.append('[');
            for (int c = 0; c < dim; c++) sb.append(c == 0 ? "" : ", ").append(get(r, c));
            sb.append("]\n");
        }
        return sb.toString();
    }
}
