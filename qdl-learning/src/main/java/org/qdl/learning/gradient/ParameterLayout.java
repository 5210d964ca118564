package org.qdl.learning.gradient;

import java.util.ArrayList;
import java.util.List;
import org.qdl.protocol.GeneratorStructure;
import org.qdl.protocol.Network;
import org.qdl.protocol.Party;
import org.qdl.protocol.model.DistributedModel;

/**
 * Where each stage's parameters sit in the model's gradient vector, read from the public layer
 * shapes and generator structures (never from the parameter values). Stages without parameters
 * take no slots.
 */
public final class ParameterLayout {
    /** A trainable stage: its index in the model, its holder, its first slot, its structure. */
    public record Entry(int stage, String party, String layer, int offset, int parameters, GeneratorStructure structure) {}

    private final List<Entry> entries;
    private final int size;

    private ParameterLayout(List<Entry> entries, int size) {
        this.entries = List.copyOf(entries);
        this.size = size;
    }

    public static ParameterLayout of(Network net, DistributedModel model) {
        List<Entry> es = new ArrayList<>();
        int off = 0;
        for (int i = 0; i < model.stages().size(); i++) {
            DistributedModel.Stage s = model.stages().get(i);
            Party p = net.party(s.party());
            int params = p.layerShape(s.layer()).numParameters();
            if (params == 0) continue;
            org.qdl.protocol.GeneratorStructure st = p.generatorStructure(s.layer());
            if (st.steps() == 0) {
                throw new org.qdl.sim.InvalidInputException("layer " + s.layer() + " of " + s.party() + " has " + params
                        + " parameters but no Pauli rotations; gradient estimators need Pauli-rotation layers");
            }
            es.add(new Entry(i, s.party(), s.layer(), off, params, st));
            off += params;
        }
        return new ParameterLayout(es, off);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Total parameter count P of the model. */
    public int size() {
        return size;
    }

    /** Total rotation steps (P when no parameter is shared). */
    public int steps() {
        int s = 0;
        for (Entry e : entries) s += e.structure().steps();
        return s;
    }
}
