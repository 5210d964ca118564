package org.qdl.claims.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.qdl.protocol.Network;
import org.qdl.protocol.NumberEncoding;
import org.qdl.protocol.Register;
import org.qdl.sim.InvalidInputException;

/**
 * Reconstruction error against copies: Alice sends S copies of |x̂⟩ to a curious Bob over the
 * quantum channel (the ledger counts them); Bob estimates x̂. Compared with the classical protocol
 * that sends x in the clear (N numbers), after which Bob's error is the encoding's rounding.
 */
public final class AttackStudy {
    public record Settings(int n, int[] copies, int trials, long seed) {
        public Settings {
            if (n < 2 || n > 1 << 12) throw new InvalidInputException("attack dimension N must be in 2..4096, got " + n);
            if (trials < 1) throw new InvalidInputException("need at least one trial, got " + trials);
        }
    }

    /**
     * One copies value: the privacy report of one run, and the reconstruction error of x̂ (mean,
     * standard deviation over trials), with the delta-method prediction √((N − 1)/(4m₀)).
     */
    public record Row(int copies, PrivacyReport report, double meanError, double stdError, double predictedError) {}

    /** Clear-text baseline: bits and the error after all N numbers arrive. */
    public record Clear(long bits, double error) {}

    private AttackStudy() {}

    public static List<Row> run(Settings s, IntConsumer progress) {
        SplittableRandom rng = new SplittableRandom(s.seed());
        List<Row> rows = new ArrayList<>();
        int qubits = org.qdl.sim.state.AmplitudeEncoding.qubitsFor(s.n());
        int done = 0;
        for (int copies : s.copies()) {
            double sum = 0, sum2 = 0;
            PrivacyReport report = null;
            for (int t = 0; t < s.trials(); t++) {
                double[] x = new double[s.n()];
                for (int i = 0; i < x.length; i++) x[i] = rng.nextGaussian();
                Network net = new Network();
                net.addLocalParty("alice").holdData("x", x);
                CuriousReceiver bob = net.add(new CuriousReceiver("bob"));
                long seed = rng.nextLong();
                double[] est = net.repeated(copies, () -> {
                    Register r = net.party("alice").encode("x", 0);
                    net.moveRegister(r, "bob", "state");
                    return bob.reconstruct(r, copies, seed);
                });
                double e = AmplitudeReconstruction.errorUpToSign(est, AmplitudeReconstruction.unit(x));
                sum += e;
                sum2 += e * e;
                report = PrivacyAccount.of(net.ledger(), "bob");
            }
            double mean = sum / s.trials();
            double std = Math.sqrt(Math.max(0, sum2 / s.trials() - mean * mean));
            int m0 = AmplitudeReconstruction.allocation(copies, qubits)[0];
            rows.add(new Row(copies, report, mean, std, Math.sqrt((s.n() - 1) / (4.0 * m0))));
            progress.accept(++done);
        }
        return rows;
    }

    /**
     * Partial clear text: Alice sends ‖x‖ and then x_1, …, x_k in the clear; Bob guesses 0 for the
     * rest. Returns, for k = 1..N, the bits Bob received and his mean error ‖x̂ − (x_1..x_k, 0…)/‖x‖‖
     * over {@code trials} random x: the classical curve to set beside the attack's.
     */
    public static double[][] clearTextCurve(int n, int trials, NumberEncoding encoding, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] bits = new double[n], err = new double[n];
        for (int t = 0; t < trials; t++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = rng.nextGaussian();
            Network net = new Network();
            net.addLocalParty("alice");
            net.addLocalParty("bob");
            var ch = net.classicalChannel("alice", "bob");
            double norm = ch.send("alice", new double[] {Math.sqrt(java.util.Arrays.stream(x).map(v -> v * v).sum())}, encoding, "norm")[0];
            double[] unit = AmplitudeReconstruction.unit(x), guess = new double[n];
            for (int k = 0; k < n; k++) {
                guess[k] = ch.send("alice", new double[] {x[k]}, encoding, "x")[0] / norm;
                bits[k] = PrivacyAccount.of(net.ledger(), "bob").classicalBitsReceived();
                err[k] += AmplitudeReconstruction.errorUpToSign(guess, unit) / trials;
            }
        }
        return new double[][] {bits, err};
    }

    /** Sending x in the clear over a classical channel: N numbers; error of what Bob receives. */
    public static Clear clearText(int n, NumberEncoding encoding, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rng.nextGaussian();
        Network net = new Network();
        net.addLocalParty("alice");
        net.addLocalParty("bob");
        double[] got = net.classicalChannel("alice", "bob").send("alice", x, encoding, "x");
        double e = AmplitudeReconstruction.errorUpToSign(AmplitudeReconstruction.unit(got), AmplitudeReconstruction.unit(x));
        return new Clear(PrivacyAccount.of(net.ledger(), "bob").classicalBitsReceived(), e);
    }
}
