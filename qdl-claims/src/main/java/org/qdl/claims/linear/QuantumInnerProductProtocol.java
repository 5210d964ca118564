package org.qdl.claims.linear;

import org.qdl.protocol.LocalParty;
import org.qdl.protocol.Network;
import org.qdl.protocol.NumberEncoding;
import org.qdl.protocol.Register;
import org.qdl.sim.InvalidInputException;

/**
 * Quantum inner-product estimation on amplitude-encoded states. Alice holds x and prepares, per
 * copy, |φ⟩ = (|x̂⟩ + |N⟩)/√2 on ⌈log2(N+1)⌉ qubits (the extra basis state is a phase reference that
 * keeps the sign of ⟨ŵ, x̂⟩); she sends ‖x‖ once over the classical channel and S copies over the
 * quantum channel; Bob ({@link InnerProductReceiver}) measures each and outputs
 * ‖w‖‖x‖ × (mean outcome). Cost: S·⌈log2(N+1)⌉ qubits + one number.
 */
public final class QuantumInnerProductProtocol {
    public static final String DATA_KEY = "x-with-reference";

    private QuantumInnerProductProtocol() {}

    /** Alice's prepared vector (x/‖x‖, 1): encoding normalises it to (|x̂⟩ + |N⟩)/√2. */
    public static double[] withReference(double[] x) {
        double n = 0;
        for (double v : x) n += v * v;
        n = Math.sqrt(n);
        if (!(n > 0)) throw new InvalidInputException("x must be non-zero");
        double[] y = new double[x.length + 1];
        for (int i = 0; i < x.length; i++) y[i] = x[i] / n;
        y[x.length] = 1;
        return y;
    }

    /**
     * Runs the protocol: {@code alice} must be a party holding {@link #DATA_KEY} = withReference(x)
     * and {@code bob} an {@link InnerProductReceiver} on the network. {@code xNorm} is ‖x‖ (Alice's
     * own knowledge); {@code wNorm} is Bob's. The result's exact value is read off the record from
     * the simulator, for validation only.
     */
    public static InnerProductResult run(Network net, String alice, String bob, double xNorm, double wNorm,
                                         int copies, long seed) {
        if (copies < 1) throw new InvalidInputException("need at least one copy, got " + copies);
        long q0 = net.ledger().totalQubits(), b0 = net.ledger().totalClassicalBits();
        double norm = net.classicalChannel(alice, bob).send(alice, new double[] {xNorm}, NumberEncoding.FLOAT64, "norm")[0];
        double[] outcomes = net.repeated(copies, () -> {
            Register r = net.party(alice).encode(DATA_KEY, 0);
            net.moveRegister(r, bob, "state");
            return net.party(bob).measure(InnerProductReceiver.OVERLAP, r, copies, seed);
        });
        double mean = 0;
        for (double o : outcomes) mean += o / copies;
        double exact = wNorm * xNorm * net.offTheRecord(() -> {
            Register r = net.party(alice).encode(DATA_KEY, 0);
            net.moveRegister(r, bob, "state");
            double c = net.party(bob).exactExpectation(InnerProductReceiver.OVERLAP, r);
            net.party(bob).discard(r);
            return c;
        });
        return new InnerProductResult(wNorm * norm * mean, exact, wNorm * xNorm,
                net.ledger().totalQubits() - q0, net.ledger().totalClassicalBits() - b0);
    }

    /** Sets up a fresh two-party network for x and w and runs the protocol once. */
    public static InnerProductResult runFresh(double[] x, double[] w, int copies, long seed) {
        if (x.length != w.length) throw new InvalidInputException("x has " + x.length + " entries but w has " + w.length);
        Network net = new Network();
        LocalParty a = net.addLocalParty("alice");
        a.holdData(DATA_KEY, withReference(x));
        net.add(new InnerProductReceiver("bob", w));
        double nx = 0, nw = 0;
        for (int i = 0; i < x.length; i++) {
            nx += x[i] * x[i];
            nw += w[i] * w[i];
        }
        return run(net, "alice", "bob", Math.sqrt(nx), Math.sqrt(nw), copies, seed);
    }
}
