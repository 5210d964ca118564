package org.qdl.learning.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.qdl.protocol.LocalParty;
import org.qdl.protocol.LayerShape;
import org.qdl.protocol.Network;
import org.qdl.protocol.Party;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.protocol.model.Layer;
import org.qdl.sim.state.AmplitudeEncoding;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.observable.PauliString;

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

    /** In-process: both parties live in this process, built from the seed. */
    public TrainingSetup(int n, int layers, int trainCount, int testCount, double noise, long seed) {
        this(n, layers, trainCount, testCount, noise, seed, inProcess(n, layers, trainCount, testCount, noise, seed));
    }

    /**
     * On a given network whose parties {@value #DATA_PARTY} and {@value #MODEL_PARTY} may be remote
     * (e.g. {@code Coordinator.connect(...).network()}), each holding the state
     * {@link #holdOwnState} gives it for the same arguments. The coordinator regenerates the data
     * set from the seed only for the labels and the example counts: it acts for alice's classical
     * side (batch choice, loss weights); the vectors it uses are alice's, wherever alice runs.
     */
    public TrainingSetup(int n, int layers, int trainCount, int testCount, double noise, long seed, Network net) {
        Generated g = generate(n, layers, trainCount, testCount, noise, seed);
        this.train = g.train();
        this.test = g.test();
        this.qubits = AmplitudeEncoding.qubitsFor(n);
        this.net = net;
        for (int l = 0; l < layers; l++) {
            layerKeys.add(layerKey(l));
            holders.add(holder(l));
        }
        check();
    }

    /** The seed's draws, in order: training set, test set, then the layers' initial angles U1, U2, …. */
    record Generated(SyntheticTask train, SyntheticTask test, List<Layer> layers) {}

    static Generated generate(int n, int layers, int trainCount, int testCount, double noise, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        SyntheticTask train = SyntheticTask.generate(n, trainCount, noise, rng.nextLong());
        SyntheticTask test = SyntheticTask.generate(n, testCount, noise, rng.nextLong());
        int qubits = AmplitudeEncoding.qubitsFor(n);
        SplittableRandom init = rng.split();
        List<Layer> ls = new ArrayList<>();
        for (int l = 0; l < layers; l++) ls.add(Ansatz.uniform(l % 2 == 0 ? 'Z' : 'X', qubits, INIT_SPREAD, init));
        return new Generated(train, test, ls);
    }

    /**
     * Gives {@code party} its own share of the training state for these arguments: alice the data
     * vectors (train0…, test0…) and the odd layers U1, U3, … (Z-type); bob the even layers (X-type)
     * and O = Z_0. A party server calls this for a party.json "training" section.
     */
    public static void holdOwnState(LocalParty party, int n, int layers, int trainCount, int testCount, double noise, long seed) {
        boolean alice = party.name().equals(DATA_PARTY);
        if (!alice && !party.name().equals(MODEL_PARTY)) {
            throw new InvalidInputException("training parties are " + DATA_PARTY + " and " + MODEL_PARTY + ", not " + party.name());
        }
        Generated g = generate(n, layers, trainCount, testCount, noise, seed);
        if (alice) {
            for (int e = 0; e < g.train().size(); e++) party.holdData(trainKey(e), g.train().x()[e]);
            for (int e = 0; e < g.test().size(); e++) party.holdData(testKey(e), g.test().x()[e]);
        } else {
            party.holdObservable("O", PauliString.single('Z', 0));
        }
        for (int l = 0; l < layers; l++) if (holder(l).equals(party.name())) party.holdLayer(layerKey(l), g.layers().get(l));
    }

    private static Network inProcess(int n, int layers, int trainCount, int testCount, double noise, long seed) {
        Network net = new Network();
        holdOwnState(net.addLocalParty(DATA_PARTY), n, layers, trainCount, testCount, noise, seed);
        holdOwnState(net.addLocalParty(MODEL_PARTY), n, layers, trainCount, testCount, noise, seed);
        return net;
    }

    static String layerKey(int l) {
        return "U" + (l + 1);
    }

    static String holder(int l) {
        return l % 2 == 0 ? DATA_PARTY : MODEL_PARTY;
    }

    /** The parties hold what this run needs (a remote party's state file may describe another run). */
    private void check() {
        Party alice = net.party(DATA_PARTY), bob = net.party(MODEL_PARTY);
        for (int e = 0; e < train.size(); e++) requireData(alice, trainKey(e));
        for (int e = 0; e < test.size(); e++) requireData(alice, testKey(e));
        for (int l = 0; l < layerKeys.size(); l++) {
            Party p = net.party(holders.get(l));
            if (!p.layerKeys().contains(layerKeys.get(l))) throw new InvalidInputException(p.name() + " holds no layer " + layerKeys.get(l) + " (it holds " + p.layerKeys() + "): its training state does not match this run");
            LayerShape sh = p.layerShape(layerKeys.get(l));
            if (sh.numQubits() != qubits || sh.numParameters() != 2 * qubits - 1) {
                throw new InvalidInputException(p.name() + "'s layer " + layerKeys.get(l) + " has " + sh.numQubits() + " qubits and " + sh.numParameters() + " parameters; this run needs " + qubits + " and " + (2 * qubits - 1));
            }
        }
        if (!bob.observableKeys().contains("O")) throw new InvalidInputException(MODEL_PARTY + " holds no observable O: its training state does not match this run");
    }

    private void requireData(Party p, String key) {
        if (!p.dataKeys().contains(key)) throw new InvalidInputException(p.name() + " holds no data " + key + ": its training state does not match this run (" + train.size() + " training and " + test.size() + " test vectors)");
        if (p.dataLength(key) != train.x()[0].length) throw new InvalidInputException(p.name() + "'s data " + key + " has length " + p.dataLength(key) + "; this run needs N = " + train.x()[0].length);
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

    /** The same run as a generic task: alice's labelled vectors, every layer trainable. */
    public TrainingTask task() {
        return TrainingTask.of(net, model(trainKey(0)), train.y(), test.y());
    }

    /** The model f(x) for one data vector held by alice. */
    public DistributedModel model(String dataKey) {
        DistributedModel.Builder b = DistributedModel.builder(DATA_PARTY, dataKey);
        for (int l = 0; l < layerKeys.size(); l++) b.layer(holders.get(l), layerKeys.get(l));
        return b.observable(MODEL_PARTY, "O").build();
    }

    /** The holder's own layer (for checkpoints of this in-process simulation); only for an in-process holder. */
    public Layer layer(int l) {
        return ((LocalParty) net.party(holders.get(l))).ownLayer(layerKeys.get(l));
    }

    /** Whether layer l's holder lives in this process (else it keeps its parameters to itself). */
    public boolean inProcess(int l) {
        return net.party(holders.get(l)) instanceof LocalParty;
    }

    /** Parameter count of layer l, from the holder's public shape (works for remote holders). */
    public int parameterCount(int l) {
        return net.party(holders.get(l)).layerShape(layerKeys.get(l)).numParameters();
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
