package org.qdl.learning.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.qdl.protocol.LocalParty;
import org.qdl.protocol.Network;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.protocol.model.Layer;
import org.qdl.sim.AmplitudeEncoding;
import org.qdl.sim.PauliString;

/**
 * The two-party network for training: alice holds the data set (training and test vectors) and the
 * Z-type layers U1, U3, …; bob holds the X-type layers U2, U4, … and the observable O = Z_0. Layers
 * alternate between them, so each forward pass crosses the link L times (L − 1 between layers, and
 * one more when L is odd, to reach bob's observable). Everything is derived from the seed.
 */
public final class TrainingSetup {
    public static final String DATA_PARTY = "alice";
    public static final String MODEL_PARTY = "bob";
    /** Initial angles are uniform in [−s, s): near the identity, where the untrained model guesses. */
    public static final double INIT_SPREAD = 0.5;

    private final Network net;
    private final SyntheticTask train;
    private final SyntheticTask test;
    private final List<String> layerKeys = new ArrayList<>();
    private final List<String> holders = new ArrayList<>();
    private final int qubits;

    public TrainingSetup(int n, int layers, int trainCount, int testCount, double noise, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        this.train = SyntheticTask.generate(n, trainCount, noise, rng.nextLong());
        this.test = SyntheticTask.generate(n, testCount, noise, rng.nextLong());
        this.qubits = AmplitudeEncoding.qubitsFor(n);
        net = new Network();
        LocalParty alice = net.addLocalParty(DATA_PARTY);
        LocalParty bob = net.addLocalParty(MODEL_PARTY);
        for (int e = 0; e < train.size(); e++) alice.holdData(trainKey(e), train.x()[e]);
        for (int e = 0; e < test.size(); e++) alice.holdData(testKey(e), test.x()[e]);
        SplittableRandom init = rng.split();
        for (int l = 0; l < layers; l++) {
            boolean z = l % 2 == 0;
            Layer layer = Ansatz.uniform(z ? 'Z' : 'X', qubits, INIT_SPREAD, init);
            String key = "U" + (l + 1);
            (z ? alice : bob).holdLayer(key, layer);
            layerKeys.add(key);
            holders.add(z ? DATA_PARTY : MODEL_PARTY);
        }
        bob.holdObservable("O", PauliString.single('Z', 0));
    }

    public static String trainKey(int e) {
        return "train" + e;
    }

    public static String testKey(int e) {
        return "test" + e;
    }

    public Network network() {
        return net;
    }

    public SyntheticTask train() {
        return train;
    }

    public SyntheticTask test() {
        return test;
    }

    public List<String> layerKeys() {
        return layerKeys;
    }

    public List<String> holders() {
        return holders;
    }

    public int qubits() {
        return qubits;
    }

    /** The model f(x) for one data vector held by alice. */
    public DistributedModel model(String dataKey) {
        DistributedModel.Builder b = DistributedModel.builder(DATA_PARTY, dataKey);
        for (int l = 0; l < layerKeys.size(); l++) b.layer(holders.get(l), layerKeys.get(l));
        return b.observable(MODEL_PARTY, "O").build();
    }

    /** The holder's own layer (for checkpoints of this in-process simulation). */
    public Layer layer(int l) {
        return ((LocalParty) net.party(holders.get(l))).ownLayer(layerKeys.get(l));
    }

    /** Link crossings of one forward pass (data → layers → observable), each N numbers for backprop. */
    public int hops() {
        int h = 0;
        String at = DATA_PARTY;
        for (String p : holders) {
            if (!p.equals(at)) h++;
            at = p;
        }
        return h + (at.equals(MODEL_PARTY) ? 0 : 1);
    }
}
