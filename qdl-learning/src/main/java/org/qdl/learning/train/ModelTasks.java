package org.qdl.learning.train;

import java.util.Collection;
import java.util.List;
import org.qdl.protocol.LocalParty;
import org.qdl.protocol.Network;
import org.qdl.protocol.Party;
import org.qdl.protocol.model.QdlModel;
import org.qdl.sim.InvalidInputException;

/**
 * Training tasks on a user's model ({@link QdlModel}, from a model file or the Java builder) with a
 * labelled data set held by the model's input party: the model's circuit is the template, every
 * trainable parameter of every step is trained by its holder.
 */
public final class ModelTasks {
    private ModelTasks() {}

    /** Every party in this process; the input party also holds the data set. */
    public static TrainingTask inProcess(QdlModel model, LabelledData data, String source) {
        Network net = new Network();
        return on(net, model, data, source, List.of());
    }

    /**
     * On {@code net}, which already holds the parties named in {@code remote} (served elsewhere):
     * the others are added in this process from the model's shares. An in-process input party gets
     * the vectors here; a remote one must have been served with the same data set file (the
     * coordinator uses only its labels).
     */
    public static TrainingTask on(Network net, QdlModel model, LabelledData data, String source, Collection<String> remote) {
        model.addLocalParties(net, remote);
        String input = model.model().dataParty();
        Party p = net.party(input);
        if (p instanceof LocalParty lp) hold(lp, model, data, source);
        return TrainingTask.of(net, model.model(), data.trainY(), data.testY());
    }

    /** Gives {@code party} (the model's input party) the data set's vectors, padded for the model's ancillas. */
    public static void hold(LocalParty party, QdlModel model, LabelledData data, String source) {
        if (!party.name().equals(model.model().dataParty())) {
            throw new InvalidInputException(source + ": the data set belongs to the model's input party " + model.model().dataParty() + ", not " + party.name());
        }
        data.holdBy(party, 1 << model.dataQubits(), 1 << model.registerQubits(), source);
    }
}
