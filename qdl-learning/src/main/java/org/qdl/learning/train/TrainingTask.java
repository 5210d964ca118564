package org.qdl.learning.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.qdl.learning.gradient.ParameterLayout;
import org.qdl.protocol.LocalParty;
import org.qdl.protocol.Network;
import org.qdl.protocol.Party;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.protocol.model.Layer;
import org.qdl.sim.state.AmplitudeEncoding;
import org.qdl.sim.InvalidInputException;

/**
 * What a training run needs on any network: a model template (its stages, observable and data
 * party; the data key is replaced per example), the labels y = ±1 of the training and test vectors
 * that the data party holds under {@link #trainKey}/{@link #testKey}, and the trainable layers —
 * every layer of the model with parameters, each updated by its own holder. The coordinator knows
 * the labels (it acts for the data party's classical side: batch choice, loss weights); the
 * vectors stay with the data party, wherever it runs.
 */
public final class TrainingTask {
    /** A trainable layer: its holder, its key and its parameter count (from the public shape). */
    public record TrainableLayer(String party, String layer, int parameters) {}

    private final Network net;
    private final DistributedModel template;
    private final double[] trainLabels;
    private final double[] testLabels;
    private final List<TrainableLayer> layers = new ArrayList<>();
    private final int dimension;
    private final double outcomeWidth;

    private TrainingTask(Network net, DistributedModel template, double[] trainLabels, double[] testLabels) {
        this.net = net;
        this.template = template;
        this.trainLabels = trainLabels.clone();
        this.testLabels = testLabels.clone();
        if (trainLabels.length < 1) throw new InvalidInputException("the training set is empty");
        checkLabels("training", trainLabels);
        checkLabels("test", testLabels);
        Party data = net.party(template.dataParty());
        this.dimension = data.dataKeys().contains(trainKey(0)) ? data.dataLength(trainKey(0)) : 0;
        for (int e = 0; e < trainLabels.length; e++) requireData(data, trainKey(e));
        for (int e = 0; e < testLabels.length; e++) requireData(data, testKey(e));
        DistributedModel first = model(trainKey(0));
        first.validate(net);
        for (ParameterLayout.Entry en : ParameterLayout.of(net, first).entries()) {
            boolean seen = false;
            for (TrainableLayer l : layers) {
                if (l.layer().equals(en.layer()) && l.party().equals(en.party())) seen = true;
                else if (l.layer().equals(en.layer())) {
                    throw new InvalidInputException("trainable layers of " + l.party() + " and " + en.party() + " are both named " + en.layer() + ": give them distinct names");
                }
            }
            if (!seen) layers.add(new TrainableLayer(en.party(), en.layer(), en.parameters()));
        }
        if (layers.isEmpty()) throw new InvalidInputException("the model has no trainable parameters");
        double[] r = net.party(template.observableParty()).observableShape(template.observableKey()).outcomeRange();
        this.outcomeWidth = r[1] - r[0];
    }

    /**
     * A task on {@code net}: {@code template}'s data party must hold train0…train{m−1} and
     * test0…test{k−1}, all of one length, with labels {@code trainLabels} and {@code testLabels} (±1).
     */
    public static TrainingTask of(Network net, DistributedModel template, double[] trainLabels, double[] testLabels) {
        return new TrainingTask(net, template, trainLabels, testLabels);
    }

    private static void checkLabels(String set, double[] y) {
        for (int e = 0; e < y.length; e++) {
            if (y[e] != 1 && y[e] != -1) throw new InvalidInputException(set + " label " + e + " is " + y[e] + "; labels must be +1 or -1");
        }
    }

    private void requireData(Party p, String key) {
        if (!p.dataKeys().contains(key)) {
            throw new InvalidInputException(p.name() + " holds no data " + key + ": the data party must hold the " + trainLabels.length
                    + " training and " + testLabels.length + " test vectors of this run");
        }
        if (p.dataLength(key) != dimension) throw new InvalidInputException(p.name() + "'s data " + key + " has length " + p.dataLength(key) + "; " + trainKey(0) + " has " + dimension);
    }

    public static String trainKey(int e) {
        return "train" + e;
    }

    public static String testKey(int e) {
        return "test" + e;
    }

    /** The model f(x) on one vector held by the data party. */
    public DistributedModel model(String dataKey) {
        DistributedModel.Builder b = DistributedModel.builder(template.dataParty(), dataKey);
        for (DistributedModel.Stage s : template.stages()) b.layer(s.party(), s.layer());
        if (template.rescaled()) b.rescaled(template.normEncoding());
        return b.observable(template.observableParty(), template.observableKey()).build();
    }

    public Network network() {
        return net;
    }

    public String dataParty() {
        return template.dataParty();
    }

    public String observableParty() {
        return template.observableParty();
    }

    public double[] trainLabels() {
        return trainLabels.clone();
    }

    public double[] testLabels() {
        return testLabels.clone();
    }

    public int trainCount() {
        return trainLabels.length;
    }

    public int testCount() {
        return testLabels.length;
    }

    /** Vector length N. */
    public int dimension() {
        return dimension;
    }

    public int qubits() {
        return AmplitudeEncoding.qubitsFor(dimension);
    }

    /** Width of the range of O's single-shot outcomes (for the Hoeffding shot count of f). */
    public double outcomeWidth() {
        return outcomeWidth;
    }

    public List<TrainableLayer> layers() {
        return List.copyOf(layers);
    }

    /** Index of the trainable layer {@code layer} of {@code party}. */
    public int layerIndex(String party, String layer) {
        for (int l = 0; l < layers.size(); l++) if (layers.get(l).party().equals(party) && layers.get(l).layer().equals(layer)) return l;
        throw new IllegalArgumentException(party + " has no trainable layer " + layer);
    }

    /** First slot of trainable layer l in the concatenated parameter vector. */
    public int layerOffset(int l) {
        int off = 0;
        for (int i = 0; i < l; i++) off += layers.get(i).parameters();
        return off;
    }

    /** Whether layer l's holder lives in this process (else it keeps its parameters to itself). */
    public boolean inProcess(int l) {
        return net.party(layers.get(l).party()) instanceof LocalParty;
    }

    /** Layer l as its in-process holder keeps it. */
    public Layer layer(int l) {
        return ((LocalParty) net.party(layers.get(l).party())).ownLayer(layers.get(l).layer());
    }

    /** Link crossings of one forward pass (data → stages → observable), each N numbers for backprop. */
    public int hops() {
        int h = 0;
        String at = template.dataParty();
        for (DistributedModel.Stage s : template.stages()) {
            if (!s.party().equals(at)) h++;
            at = s.party();
        }
        return h + (at.equals(template.observableParty()) ? 0 : 1);
    }

    /**
     * The public structure of the task, for checking that a checkpoint resumes the same one: parties
     * of every stage with parameter counts, the observable's holder, N and the labels.
     */
    public String identity() {
        StringBuilder sb = new StringBuilder("data ").append(template.dataParty()).append(" N=").append(dimension);
        for (DistributedModel.Stage s : template.stages()) {
            sb.append("; ").append(s.party()).append(':').append(s.layer()).append('(')
                    .append(net.party(s.party()).layerShape(s.layer()).numParameters()).append(')');
        }
        sb.append("; observable ").append(template.observableParty()).append(':').append(template.observableKey());
        sb.append("; train ").append(trainLabels.length).append(" labels ").append(Integer.toHexString(Arrays.hashCode(trainLabels)));
        sb.append("; test ").append(testLabels.length).append(" labels ").append(Integer.toHexString(Arrays.hashCode(testLabels)));
        return sb.toString();
    }
}
