package org.qdl.protocol.model;

import java.util.ArrayList;
import java.util.List;
import org.qdl.sim.gate.Gate;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.gate.PauliRotation;
import org.qdl.sim.observable.PauliString;

/**
 * A data-dependent layer (data re-uploading): exp(−i·s·x_j G_j / 2) for each input feature x_j, with
 * fixed generators G_j. It is held by the data party, whose private input sets the angles; it has
 * no trainable parameters.
 */
public final class DataReuploadingLayer implements ParameterFreeLayer {
    private final int numQubits;
    private final List<PauliString> generators;
    private final double[] angles;

    /** Angle j is {@code scale * input[j]}. */
    public DataReuploadingLayer(int numQubits, List<PauliString> generators, double[] input, double scale) {
        if (generators.size() != input.length) {
            throw new InvalidInputException(generators.size() + " generators but the input has " + input.length + " features");
        }
        for (PauliString g : generators) {
            for (int q : g.support()) {
                if (q >= numQubits) throw new InvalidInputException("generator " + g + " acts outside the layer's " + numQubits + " qubits");
            }
        }
        this.numQubits = numQubits;
        this.generators = List.copyOf(generators);
        this.angles = new double[input.length];
        for (int j = 0; j < input.length; j++) {
            if (!Double.isFinite(input[j])) throw new InvalidInputException("input feature " + j + " is " + input[j]);
            angles[j] = scale * input[j];
        }
    }

    @Override
    public int numQubits() {
        return numQubits;
    }

    @Override
    public String kind() {
        return "a data re-uploading layer";
    }

    @Override
    public List<Gate> gates() {
        List<Gate> gs = new ArrayList<>();
        for (int j = 0; j < angles.length; j++) gs.add(new PauliRotation(generators.get(j), angles[j]));
        return gs;
    }

    /** The angles (one per input feature): shipping this layer reveals the features. */
    @Override
    public long descriptionReals() {
        return angles.length;
    }
}
