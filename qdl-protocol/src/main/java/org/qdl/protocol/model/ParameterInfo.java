package org.qdl.protocol.model;

import java.util.List;

/**
 * The public description of one layer of a {@link QdlModel}: who holds it, the qubits it acts on,
 * and the names of its trainable parameters in the layer's parameter order (index j of
 * {@link Layer#parameters()} is {@code names.get(j)}). Frozen parameters are compiled into fixed
 * gates, so they are not parameters of the layer at all; their names are listed in {@code frozen}.
 */
public record ParameterInfo(String party, String layer, int qubits, List<String> names, List<String> frozen) {
    public ParameterInfo {
        names = List.copyOf(names);
        frozen = List.copyOf(frozen);
    }

    public int count() {
        return names.size();
    }
}
