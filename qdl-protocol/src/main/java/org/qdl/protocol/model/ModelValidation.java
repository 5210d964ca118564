package org.qdl.protocol.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qdl.protocol.ObservableShape;
import org.qdl.sim.InvalidInputException;

/**
 * The checks of {@link QdlModelBuilder#build()}: every name resolves, every layer and the observable
 * fit the register, the input has exactly 2^n entries. Parties declared external are checked for
 * existence only; their items are checked by {@link DistributedModel#validate} when the model runs.
 */
final class ModelValidation {
    private ModelValidation() {}

    static QdlModel build(QdlModelBuilder b) {
        Map<String, QdlModelBuilder.PartyDraft> drafts = b.parties();
        List<String> names = new ArrayList<>(drafts.keySet());
        names.addAll(b.externalParties());
        if (names.isEmpty()) throw new InvalidInputException(b.sourceName() + ": the model has no parties");
        QdlModelBuilder.Item in = b.inputItem();
        if (in == null) throw new InvalidInputException(b.sourceName() + ": the model has no input: call input(party, dataKey)");
        QdlModelBuilder.Item out = b.outputItem();
        if (out == null) throw new InvalidInputException(b.sourceName() + ": the model has no output: call output(party, observableKey)");
        requireParty(in, names);
        Integer n = b.declaredQubits();
        QdlModelBuilder.PartyDraft holder = drafts.get(in.party());
        if (holder != null) {
            double[] x = holder.data.get(in.key());
            if (x == null) throw new InvalidInputException(in.where() + ": " + in.party() + " holds no data named '" + in.key() + "' (it holds " + holder.data.keySet() + ")");
            int len = x.length;
            if (n == null) {
                if (Integer.bitCount(len) != 1) throw new InvalidInputException(holder.whereOf.get(in.key()) + ": the input has " + len + " entries, not a power of two");
                n = Integer.numberOfTrailingZeros(len);
            } else if (len != 1L << n) {
                throw new InvalidInputException(holder.whereOf.get(in.key()) + ": the input has " + len + " entries but the register has n = " + n
                        + " data qubits (2^" + n + " = " + (1L << n) + " entries)");
            }
            if (n == 0) throw new InvalidInputException(holder.whereOf.get(in.key()) + ": the input needs at least 2 entries");
        } else if (n == null) {
            throw new InvalidInputException(b.sourceName() + ": qubits: missing (needed because the input party " + in.party() + " is external)");
        }
        int width = n + b.ancillaCount();
        if (width > org.qdl.sim.state.StateVector.MAX_QUBITS) {
            throw new InvalidInputException(b.qubitsWhere() + ": " + n + " data qubits and " + b.ancillaCount() + " ancillas exceed " + org.qdl.sim.state.StateVector.MAX_QUBITS);
        }
        DistributedModel.Builder dm = DistributedModel.builder(in.party(), in.key());
        List<ParameterInfo> params = new ArrayList<>();
        for (QdlModelBuilder.Item s : b.stepItems()) {
            requireParty(s, names);
            QdlModelBuilder.PartyDraft p = drafts.get(s.party());
            if (p != null) {
                PartyShare.LayerEntry e = p.layers.get(s.key());
                if (e == null) {
                    throw new InvalidInputException(s.where() + ": party " + s.party() + " holds no layer named '" + s.key() + "' (it holds " + p.layers.keySet() + ")");
                }
                int q = e.qubits();
                if (q > width) {
                    throw new InvalidInputException(s.where() + ": layer " + s.key() + " of " + s.party() + " acts on " + q + " qubits but the register has "
                            + width + " (" + n + " data + " + b.ancillaCount() + " ancillas)");
                }
                params.add(new ParameterInfo(s.party(), s.key(), q, e.names(), e.frozen()));
            }
            dm.layer(s.party(), s.key());
        }
        requireParty(out, names);
        QdlModelBuilder.PartyDraft o = drafts.get(out.party());
        if (o != null) {
            if (!o.observables.containsKey(out.key())) {
                throw new InvalidInputException(out.where() + ": party " + out.party() + " holds no observable named '" + out.key() + "' (it holds " + o.observables.keySet() + ")");
            }
            for (int q : ObservableShape.of(o.observables.get(out.key())).qubits()) {
                if (q >= width) {
                    throw new InvalidInputException(o.whereOf.get(out.key()) + ": the observable acts on qubit " + q + " but the register has qubits 0.." + (width - 1));
                }
            }
        }
        dm.observable(out.party(), out.key());
        if (b.isRescaled()) dm.rescaled(b.normEncoding());
        Map<String, PartyShare> shares = new LinkedHashMap<>();
        for (QdlModelBuilder.PartyDraft d : drafts.values()) shares.put(d.name, new PartyShare(d.name, d.data, d.layers, d.observables));
        List<ModelNoise.Link> links = new ArrayList<>();
        for (QdlModelBuilder.NoiseItem i : b.linkNoiseItems()) {
            for (String p : List.of(i.a(), i.b())) {
                if (!names.contains(p)) throw new InvalidInputException(i.where() + ": unknown party '" + p + "' (parties: " + names + ")");
            }
            links.add(new ModelNoise.Link(i.a(), i.b(), i.noise()));
        }
        Map<String, org.qdl.protocol.noise.LinkNoise> memory = new LinkedHashMap<>();
        for (QdlModelBuilder.NoiseItem i : b.memoryNoiseItems().values()) {
            if (!names.contains(i.a())) throw new InvalidInputException(i.where() + ": unknown party '" + i.a() + "' (parties: " + names + ")");
            memory.put(i.a(), i.noise());
        }
        return new QdlModel(b.sourceName(), names, shares, dm.build(), n, b.ancillaCount(), params, new ModelNoise(links, memory));
    }

    private static void requireParty(QdlModelBuilder.Item i, List<String> names) {
        if (!names.contains(i.party())) throw new InvalidInputException(i.where() + ": unknown party '" + i.party() + "' (parties: " + names + ")");
    }
}
