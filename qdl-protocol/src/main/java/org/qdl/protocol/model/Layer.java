package org.qdl.protocol.model;

import java.util.List;
import org.qdl.sim.gate.Gate;
import org.qdl.sim.state.StateVector;

/**
 * A unitary U_ℓ(θ_ℓ) of a distributed compositional model, applied by the party that holds it. It
 * acts on qubits 0..numQubits()−1 of a register (the data qubits; ancillas sit above them).
 */
public interface Layer {
    int numQubits();

    int numParameters();

    /** A copy of the current parameters. */
    double[] parameters();

    /** Replaces the parameters (length must equal {@link #numParameters()}). */
    void setParameters(double[] theta);

    /** The gates of U_ℓ for the current parameters, in application order. */
    List<Gate> gates();

    default void apply(StateVector s) {
        for (Gate g : gates()) g.apply(s);
    }

    default void applyInverse(StateVector s) {
        List<Gate> gs = gates();
        for (int i = gs.size() - 1; i >= 0; i--) gs.get(i).inverse().apply(s);
    }

    /**
     * Real numbers that describe this layer to a party that knows its public architecture (gate
     * layout and generators): by default its parameters. Layers whose content is not parameters
     * (dense unitaries, data-dependent angles) override it.
     */
    default long descriptionReals() {
        return numParameters();
    }
}
