package org.qdl.sim.state;

import org.qdl.sim.InvalidInputException;
import org.qdl.sim.Memory;
import org.qdl.sim.Parallel;
import org.qdl.sim.kernel.Kernels;

/**
 * A pure state of n qubits: 2^n complex128 amplitudes in two primitive arrays (real, imaginary).
 * Basis index bit q is qubit q (little-endian, as in OpenQASM and Qiskit: qubit 0 is the least
 * significant bit). Mutable: gates act in place.
 */
public final class StateVector {
    /** Largest register: 2^30 amplitudes is the largest power of two a Java array can index. */
    public static final int MAX_QUBITS = 30;
    /** Largest register for whole-register dense matrices (a 2^12×2^12 complex matrix is 256 MiB). */
    public static final int MAX_DENSE_QUBITS = 12;

    private final int n;
    private final double[] re;
    private final double[] im;

    private StateVector(int n, double[] re, double[] im) {
        this.n = n;
        this.re = re;
        this.im = im;
    }

    /** Bytes a state of n qubits occupies. */
    public static long bytesFor(int n) {
        return 16L << n;
    }

    private static StateVector allocate(int n) {
        if (n < 0 || n > MAX_QUBITS) {
            throw new InvalidInputException("number of qubits must be in 0.." + MAX_QUBITS + ", got " + n);
        }
        Memory.require("a state of " + n + " qubits", bytesFor(n));
        int dim = 1 << n;
        return new StateVector(n, new double[dim], new double[dim]);
    }

    /** |0…0⟩. */
    public static StateVector zero(int n) {
        return basis(n, 0);
    }

    /** The computational basis state |index⟩. */
    public static StateVector basis(int n, long index) {
        StateVector s = allocate(n);
        if (index < 0 || index >= s.dimension()) {
            throw new InvalidInputException("basis index " + index + " is outside 0.." + (s.dimension() - 1));
        }
        s.re[(int) index] = 1;
        return s;
    }

    /**
     * The product state ⊗_q (a_q|0⟩ + b_q|1⟩), each factor given as {re0, im0, re1, im1} for qubit
     * q = 0, 1, …; factors are normalised, and an all-zero factor is rejected.
     */
    public static StateVector product(double[][] qubitStates) {
        int n = qubitStates.length;
        double[][] f = new double[n][];
        for (int q = 0; q < n; q++) {
            double[] v = qubitStates[q];
            if (v.length != 4) throw new InvalidInputException("qubit " + q + " state needs 4 numbers (re0, im0, re1, im1), got " + v.length);
            double nrm = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2] + v[3] * v[3]);
            if (!(nrm > 0) || !Double.isFinite(nrm)) throw new InvalidInputException("qubit " + q + " state has norm " + nrm);
            f[q] = new double[] {v[0] / nrm, v[1] / nrm, v[2] / nrm, v[3] / nrm};
        }
        StateVector s = allocate(n);
        s.re[0] = 1;
        for (int q = 0; q < n; q++) { // doubling construction: amplitudes of qubits < q are final
            int half = 1 << q;
            double ar = f[q][0], ai = f[q][1], br = f[q][2], bi = f[q][3];
            for (int i = 0; i < half; i++) {
                double xr = s.re[i], xi = s.im[i];
                s.re[i + half] = xr * br - xi * bi;
                s.im[i + half] = xr * bi + xi * br;
                s.re[i] = xr * ar - xi * ai;
                s.im[i] = xr * ai + xi * ar;
            }
        }
        return s;
    }

    /**
     * The basis state written as a bitstring, qubit n−1 first (OpenQASM/Qiskit display order), so
     * {@code "01"} is qubit 0 = 1, qubit 1 = 0.
     */
    public static StateVector basis(String bits) {
        String b = bits.trim();
        if (b.isEmpty() || !b.matches("[01]+")) throw new InvalidInputException("basis state \"" + bits + "\" must be a string of 0s and 1s");
        if (b.length() > MAX_QUBITS) throw new InvalidInputException("basis state \"" + bits + "\" has " + b.length() + " qubits; at most " + MAX_QUBITS);
        return basis(b.length(), Long.parseLong(b, 2));
    }

    /** The product of single-qubit states given by real angles: qubit q is cos(θ_q/2)|0⟩ + e^{iφ_q} sin(θ_q/2)|1⟩. */
    public static StateVector productBloch(double[] theta, double[] phi) {
        if (theta.length != phi.length) throw new InvalidInputException("need as many θ as φ angles: " + theta.length + " vs " + phi.length);
        double[][] f = new double[theta.length][];
        for (int q = 0; q < theta.length; q++) {
            if (!Double.isFinite(theta[q]) || !Double.isFinite(phi[q])) throw new InvalidInputException("qubit " + q + " angles are not finite: θ=" + theta[q] + ", φ=" + phi[q]);
            double c = Math.cos(theta[q] / 2), s = Math.sin(theta[q] / 2);
            f[q] = new double[] {c, 0, s * Math.cos(phi[q]), s * Math.sin(phi[q])};
        }
        return product(f);
    }

    /**
     * Applies a dense 2^n×2^n unitary to the whole register (n ≤ {@value #MAX_DENSE_QUBITS}; qubit 0
     * is bit 0 of the matrix index). Uses one extra state-sized buffer.
     */
    public void applyUnitary(ComplexMatrix u) {
        if (n > MAX_DENSE_QUBITS) throw new InvalidInputException("a whole-register unitary is limited to " + MAX_DENSE_QUBITS + " qubits, the register has " + n);
        if (u.dim() != re.length) throw new InvalidInputException("a " + u.dim() + "×" + u.dim() + " matrix cannot act on a " + n + "-qubit register (needs " + re.length + "×" + re.length + ")");
        u.requireUnitary("the whole-register matrix");
        Kernels.applyFull(this, u);
    }

    /** A state with the given amplitudes (copied); the length must be 2^n. Not normalised. */
    public static StateVector of(double[] re, double[] im) {
        if (re.length != im.length) throw new InvalidInputException("real and imaginary parts differ in length: " + re.length + " vs " + im.length);
        if (Integer.bitCount(re.length) != 1) throw new InvalidInputException("state length " + re.length + " is not a power of two");
        int n = Integer.numberOfTrailingZeros(re.length);
        StateVector s = allocate(n);
        System.arraycopy(re, 0, s.re, 0, re.length);
        System.arraycopy(im, 0, s.im, 0, im.length);
        return s;
    }

    /** A state of n qubits whose amplitudes the caller will fill (all zero, norm 0). */
    public static StateVector zeros(int n) {
        return allocate(n);
    }

    public int numQubits() {
        return n;
    }

    public int dimension() {
        return re.length;
    }

    /**
     * The live real-part array, for kernels outside this package that need raw speed. Writing to it
     * changes the state.
     */
    public double[] realArray() {
        return re;
    }

    /** The live imaginary-part array; see {@link #realArray()}. */
    public double[] imagArray() {
        return im;
    }

    public Complex amplitude(long index) {
        checkIndex(index);
        return new Complex(re[(int) index], im[(int) index]);
    }

    public void setAmplitude(long index, Complex a) {
        checkIndex(index);
        re[(int) index] = a.re();
        im[(int) index] = a.im();
    }

    private void checkIndex(long index) {
        if (index < 0 || index >= re.length) {
            throw new InvalidInputException("basis index " + index + " is outside 0.." + (re.length - 1));
        }
    }

    public StateVector copy() {
        Memory.require("a copy of a " + n + "-qubit state", bytesFor(n));
        return new StateVector(n, re.clone(), im.clone());
    }

    /** Overwrites this state with other's amplitudes (same size), reusing this state's memory. */
    public void copyFrom(StateVector other) {
        requireSameSize(other);
        Parallel.forRange(re.length, (a, b) -> {
            System.arraycopy(other.re, a, re, a, b - a);
            System.arraycopy(other.im, a, im, a, b - a);
        });
    }

    /** Σ|ψ_i|². */
    public double normSquared() {
        return Parallel.sum(re.length, (a, b) -> {
            double s = 0;
            for (int i = a; i < b; i++) s += re[i] * re[i] + im[i] * im[i];
            return s;
        });
    }

    public double norm() {
        return Math.sqrt(normSquared());
    }

    /** Scales to unit norm and returns the norm it had; fails on a zero state. */
    public double normalize() {
        double nrm = norm();
        if (!(nrm > 0) || !Double.isFinite(nrm)) throw new InvalidInputException("cannot normalise a state of norm " + nrm);
        scale(1 / nrm);
        return nrm;
    }

    public void scale(double s) {
        Parallel.forRange(re.length, (a, b) -> {
            for (int i = a; i < b; i++) {
                re[i] *= s;
                im[i] *= s;
            }
        });
    }

    /** ⟨this|other⟩ = Σ conj(this_i) other_i. */
    public Complex inner(StateVector other) {
        requireSameSize(other);
        double[] s = Parallel.sum2(re.length, (a, b, out) -> {
            double sr = 0, si = 0;
            for (int i = a; i < b; i++) {
                sr += re[i] * other.re[i] + im[i] * other.im[i];
                si += re[i] * other.im[i] - im[i] * other.re[i];
            }
            out[0] += sr;
            out[1] += si;
        });
        return new Complex(s[0], s[1]);
    }

    /** |⟨this|other⟩|² / (‖this‖²‖other‖²). */
    public double fidelity(StateVector other) {
        return inner(other).abs2() / (normSquared() * other.normSquared());
    }

    /** |ψ_i|² for every basis state (a new array of 2^n doubles). */
    public double[] probabilities() {
        Memory.require("the probabilities of a " + n + "-qubit state", 8L << n);
        double[] p = new double[re.length];
        Parallel.forRange(re.length, (a, b) -> {
            for (int i = a; i < b; i++) p[i] = re[i] * re[i] + im[i] * im[i];
        });
        return p;
    }

    public double probability(long index) {
        checkIndex(index);
        int i = (int) index;
        return re[i] * re[i] + im[i] * im[i];
    }

    void requireSameSize(StateVector o) {
        if (o.n != n) throw new InvalidInputException("states differ in size: " + n + " and " + o.n + " qubits");
    }

    /** Throws unless 0 ≤ q < n for every q and no qubit repeats. */
    public void checkQubits(String what, int... qubits) {
        long seen = 0;
        for (int q : qubits) {
            if (q < 0 || q >= n) throw new InvalidInputException(what + " names qubit " + q + " but the register has qubits 0.." + (n - 1));
            if ((seen & (1L << q)) != 0) throw new InvalidInputException(what + " names qubit " + q + " twice");
            seen |= 1L << q;
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("StateVector[" + n + " qubits");
        for (int i = 0; i < Math.min(re.length, 16); i++) {
            if (re[i] != 0 || im[i] != 0) sb.append(", ").append(i).append(": ").append(new Complex(re[i], im[i]));
        }
        return sb.append(re.length > 16 ? ", …]" : "]").toString();
    }
}
