package org.qdl.sim.gate;

import org.qdl.sim.InvalidInputException;
import org.qdl.sim.state.Complex;
import org.qdl.sim.state.ComplexMatrix;

/** Matrices of the standard gates (qelib1.inc conventions). */
public final class Gates {
    private Gates() {}

    private static final double R = 1 / Math.sqrt(2);

    public static final ComplexMatrix I = ComplexMatrix.identity(2);
    public static final ComplexMatrix X = ComplexMatrix.real(new double[][] {{0, 1}, {1, 0}});
    public static final ComplexMatrix Y = ComplexMatrix.of2(Complex.ZERO, new Complex(0, -1), Complex.I, Complex.ZERO);
    public static final ComplexMatrix Z = ComplexMatrix.real(new double[][] {{1, 0}, {0, -1}});
    public static final ComplexMatrix H = ComplexMatrix.real(new double[][] {{R, R}, {R, -R}});
    public static final ComplexMatrix S = phase(Math.PI / 2);
    public static final ComplexMatrix SDG = phase(-Math.PI / 2);
    public static final ComplexMatrix T = phase(Math.PI / 4);
    public static final ComplexMatrix TDG = phase(-Math.PI / 4);
    /** √X = e^{iπ/4} RX(π/2). */
    public static final ComplexMatrix SX = ComplexMatrix.of2(new Complex(0.5, 0.5), new Complex(0.5, -0.5),
            new Complex(0.5, -0.5), new Complex(0.5, 0.5));
    public static final ComplexMatrix SXDG = SX.dagger();
    public static final ComplexMatrix SWAP = ComplexMatrix.real(new double[][] {
            {1, 0, 0, 0}, {0, 0, 1, 0}, {0, 1, 0, 0}, {0, 0, 0, 1}});

    public static ComplexMatrix pauli(char letter) {
        return switch (Character.toUpperCase(letter)) {
            case 'I' -> I;
            case 'X' -> X;
            case 'Y' -> Y;
            case 'Z' -> Z;
            default -> throw new InvalidInputException("not a Pauli letter: " + letter);
        };
    }

    /** diag(1, e^{iλ}) — qelib1's u1 and p. */
    public static ComplexMatrix phase(double lambda) {
        return ComplexMatrix.of2(Complex.ONE, Complex.ZERO, Complex.ZERO, Complex.polar(1, lambda));
    }

    public static ComplexMatrix rx(double theta) {
        double c = Math.cos(theta / 2), s = Math.sin(theta / 2);
        return ComplexMatrix.of2(new Complex(c, 0), new Complex(0, -s), new Complex(0, -s), new Complex(c, 0));
    }

    public static ComplexMatrix ry(double theta) {
        double c = Math.cos(theta / 2), s = Math.sin(theta / 2);
        return ComplexMatrix.real(new double[][] {{c, -s}, {s, c}});
    }

    public static ComplexMatrix rz(double theta) {
        return ComplexMatrix.of2(Complex.polar(1, -theta / 2), Complex.ZERO, Complex.ZERO, Complex.polar(1, theta / 2));
    }

    /** qelib1's U(θ,φ,λ) = [[cos θ/2, −e^{iλ} sin θ/2], [e^{iφ} sin θ/2, e^{i(φ+λ)} cos θ/2]]. */
    public static ComplexMatrix u3(double theta, double phi, double lambda) {
        double c = Math.cos(theta / 2), s = Math.sin(theta / 2);
        return ComplexMatrix.of2(new Complex(c, 0), Complex.polar(-s, lambda),
                Complex.polar(s, phi), Complex.polar(c, phi + lambda));
    }

    public static ComplexMatrix u2(double phi, double lambda) {
        return u3(Math.PI / 2, phi, lambda);
    }

    /** exp(−iθ P⊗P/2) on two qubits for P ∈ {X, Y, Z}. */
    public static ComplexMatrix rpp(char p, double theta) {
        ComplexMatrix pp = pauli(p).kron(pauli(p));
        return ComplexMatrix.identity(4).scale(new Complex(Math.cos(theta / 2), 0))
                .plus(pp.scale(new Complex(0, -Math.sin(theta / 2))));
    }
}
