package org.qdl.net;

import java.nio.file.Path;
import org.qdl.protocol.model.DistributedModel;

/**
 * The two-party layout used by {@code qdl party example} and the network benchmark: alice holds the
 * input x (N = 2^n, Gaussian entries) and the odd layers U1, U3, …; bob holds the even layers and
 * the observable O = 0.7 Z0 Z1 − 0.3 X2. Layers are hardware-efficient, each from its own seed.
 */
public final class TwoPartyExample {
    private TwoPartyExample() {}

    public static String aliceJson(int n, int layers, long seed) {
        return "{\n  \"name\": \"alice\",\n  \"data\": {\"x\": {\"type\": \"gaussian\", \"length\": " + (1L << n) + ", \"seed\": " + seed + "}},\n"
                + "  \"layers\": {" + layers(n, layers, seed, 1) + "\n  }\n}\n";
    }

    public static String bobJson(int n, int layers, long seed) {
        return "{\n  \"name\": \"bob\",\n  \"layers\": {" + layers(n, layers, seed, 0) + "\n  },\n"
                + "  \"observables\": {\"O\": {\"type\": \"pauliSum\", \"terms\": \"0.7 Z0 Z1 - 0.3 X2\"}}\n}\n";
    }

    private static String layers(int n, int layers, long seed, int parity) {
        StringBuilder b = new StringBuilder();
        for (int l = 1; l <= layers; l++) {
            if (l % 2 != parity) continue;
            if (b.length() > 0) b.append(',');
            b.append("\n    \"U").append(l).append("\": {\"type\": \"hardwareEfficient\", \"qubits\": ").append(n)
                    .append(", \"seed\": ").append(seed + l).append('}');
        }
        return b.toString();
    }

    public static PartyState alice(int n, int layers, long seed) {
        return PartyState.parse(aliceJson(n, layers, seed), Path.of("."), "alice (generated)");
    }

    public static PartyState bob(int n, int layers, long seed) {
        return PartyState.parse(bobJson(n, layers, seed), Path.of("."), "bob (generated)");
    }

    /** "alice:U1,bob:U2,…" as --stages takes it. */
    public static String stages(int layers) {
        StringBuilder b = new StringBuilder();
        for (int l = 1; l <= layers; l++) b.append(l > 1 ? "," : "").append(l % 2 == 1 ? "alice" : "bob").append(":U").append(l);
        return b.toString();
    }

    public static DistributedModel model(int layers) {
        DistributedModel.Builder b = DistributedModel.builder("alice", "x");
        for (int l = 1; l <= layers; l++) b.layer(l % 2 == 1 ? "alice" : "bob", "U" + l);
        return b.observable("bob", "O").build();
    }

    /**
     * A training pair for {@code qdl train --party …}: party.json of {@code party} (alice or bob) with
     * a "training" section, so the server builds its share of the run the same numbers define
     * in-process.
     */
    public static String trainingJson(String party, int n, int layers, int train, int test, double noise, long seed) {
        return "{\n  \"name\": \"" + party + "\",\n  \"training\": {\"n\": " + n + ", \"layers\": " + layers + ", \"train\": " + train
                + ", \"test\": " + test + ", \"noise\": " + noise + ", \"seed\": " + seed + "}\n}\n";
    }
}
