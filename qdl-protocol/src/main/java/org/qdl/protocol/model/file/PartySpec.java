package org.qdl.protocol.model.file;

import java.util.List;
import java.util.function.Supplier;
import org.qdl.protocol.LocalParty;
import org.qdl.protocol.model.Layer;
import org.qdl.protocol.model.QdlModelBuilder;
import org.qdl.sim.observable.Observable;

/**
 * A party's private items as read from a file (a model file's party section, a party file, or
 * qdl-net's party.json): data vectors, layers (factories: each network gets fresh parameters) and
 * observables, each with the file and key path it came from.
 */
public record PartySpec(String name, List<DataItem> data, List<LayerItem> layers, List<ObservableItem> observables) {
    public record DataItem(String key, double[] values, String where) {}

    /** {@code trainable}: null when every parameter trains, else the names of those that do. */
    public record LayerItem(String key, Supplier<Layer> factory, List<String> names, List<String> trainable, String where) {}

    public record ObservableItem(String key, Observable observable, String where) {}

    public PartySpec {
        data = List.copyOf(data);
        layers = List.copyOf(layers);
        observables = List.copyOf(observables);
    }

    /** Adds this party and its items to a model under construction. */
    public void addTo(QdlModelBuilder b) {
        b.party(name);
        for (DataItem d : data) b.at(d.where()).data(d.key(), d.values());
        for (LayerItem l : layers) {
            b.at(l.where()).layer(l.key(), l.factory());
            if (l.names() != null) b.names(l.names());
            if (l.trainable() != null) b.trainable(l.trainable());
        }
        for (ObservableItem o : observables) b.at(o.where()).observable(o.key(), o.observable());
    }

    /** A fresh in-process party with these items (for qdl-net's party.json, which has no model around it). */
    public LocalParty newParty() {
        QdlModelBuilder b = org.qdl.protocol.model.QdlModel.builder();
        addTo(b);
        return b.shareOf(name).newParty();
    }
}
