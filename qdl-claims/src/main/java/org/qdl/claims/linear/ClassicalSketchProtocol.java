package org.qdl.claims.linear;

import java.util.SplittableRandom;
import org.qdl.protocol.Network;
import org.qdl.protocol.NumberEncoding;
import org.qdl.sim.InvalidInputException;

/**
 * Shared-randomness Johnson–Lindenstrauss sketch: Alice and Bob derive the same k×N Rademacher
 * matrix S from a public seed (public coins, not communication); Alice sends the k numbers Sx/√k
 * over the classical channel, Bob returns nothing and outputs ⟨Sw, Sx⟩/k. E[⟨Sw,Sx⟩/k] = ⟨w,x⟩ and
 * Var = (‖w‖²‖x‖² + ⟨w,x⟩² − 2Σ w_i²x_i²)/k. Cost: k numbers, whatever N is.
 */
public final class ClassicalSketchProtocol {
    private ClassicalSketchProtocol() {}

    public static InnerProductResult run(Network net, String alice, String bob, double[] x, double[] w, int k,
                                         NumberEncoding encoding, long sharedSeed) {
        if (x.length != w.length) throw new InvalidInputException("x has " + x.length + " entries but w has " + w.length);
        if (k < 1) throw new InvalidInputException("sketch length must be at least 1, got " + k);
        long q0 = net.ledger().totalQubits(), b0 = net.ledger().totalClassicalBits();
        // Both parties generate S row by row from the shared seed; simulated in one pass.
        double[] sx = new double[k], sw = new double[k];
        SplittableRandom coins = new SplittableRandom(sharedSeed);
        double inv = 1 / Math.sqrt(k);
        for (int r = 0; r < k; r++) {
            double ax = 0, aw = 0;
            long bits = 0;
            for (int i = 0; i < x.length; i++) {
                if ((i & 63) == 0) bits = coins.nextLong();
                if ((bits >>> (i & 63) & 1) == 0) {
                    ax += x[i];
                    aw += w[i];
                } else {
                    ax -= x[i];
                    aw -= w[i];
                }
            }
            sx[r] = ax * inv;
            sw[r] = aw * inv;
        }
        double[] received = net.classicalChannel(alice, bob).send(alice, sx, encoding, "sketch");
        double est = 0;
        for (int r = 0; r < k; r++) est += received[r] * sw[r];
        double dot = 0, nx = 0, nw = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * w[i];
            nx += x[i] * x[i];
            nw += w[i] * w[i];
        }
        return new InnerProductResult(est, dot, Math.sqrt(nx * nw),
                net.ledger().totalQubits() - q0, net.ledger().totalClassicalBits() - b0);
    }
}
