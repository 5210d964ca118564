package org.qdl.sim.state;

import org.qdl.sim.InvalidInputException;

/**
 * Amplitude encoding: x ∈ C^N becomes |ψ(x)⟩ = x/‖x‖ on ⌈log2 N⌉ qubits, zero-padded to a power of
 * two. The norm is returned beside the state because protocols need it to rescale outputs.
 */
public final class AmplitudeEncoding {
    private AmplitudeEncoding() {}

    /** An encoded vector: the normalised state and the norm ‖x‖ of the original data. */
    public record Encoded(StateVector state, double norm, int length) {}

    /** Qubits needed for a vector of length N: ⌈log2 N⌉ (0 for N = 1). */
    public static int qubitsFor(long length) {
        if (length < 1) throw new InvalidInputException("cannot encode a vector of length " + length);
        return 64 - Long.numberOfLeadingZeros(length - 1);
    }

    public static Encoded encode(double[] x) {
        return encode(x, null);
    }

    /** Encodes re + i·im (im may be null for real data). */
    public static Encoded encode(double[] re, double[] im) {
        if (re.length == 0) throw new InvalidInputException("cannot encode an empty vector");
        if (im != null && im.length != re.length) {
            throw new InvalidInputException("real and imaginary parts differ in length: " + re.length + " vs " + im.length);
        }
        // Sum squares of x/max|x_i| so that entries near the double range neither overflow nor underflow.
        double scale = 0;
        for (int i = 0; i < re.length; i++) {
            double a = re[i], b = im == null ? 0 : im[i];
            if (!Double.isFinite(a) || !Double.isFinite(b)) {
                throw new InvalidInputException("cannot encode entry " + i + " = " + (im == null ? a : new Complex(a, b)) + ": entries must be finite");
            }
            scale = Math.max(scale, Math.max(Math.abs(a), Math.abs(b)));
        }
        if (!(scale > 0)) throw new InvalidInputException("cannot amplitude-encode the zero vector (length " + re.length + ")");
        double s = 0;
        for (int i = 0; i < re.length; i++) {
            double a = re[i] / scale, b = im == null ? 0 : im[i] / scale;
            s += a * a + b * b;
        }
        double unit = Math.sqrt(s); // ‖x‖ / scale
        double norm = scale * unit;
        if (!Double.isFinite(norm)) throw new InvalidInputException("the norm of the vector to encode overflows a double (entries up to " + scale + ")");
        int n = qubitsFor(re.length);
        StateVector st = StateVector.zeros(n);
        double[] sr = st.realArray(), si = st.imagArray();
        for (int i = 0; i < re.length; i++) {
            sr[i] = re[i] / scale / unit;
            if (im != null) si[i] = im[i] / scale / unit;
        }
        return new Encoded(st, norm, re.length);
    }
}
