package org.qdl.protocol;

import java.util.List;
import org.qdl.sim.observable.PauliString;

/**
 * What a party measures on copies of a register it holds: observables O_j (by reference), each
 * tensored with a public Pauli factor F on other qubits (e.g. Y on a Hadamard-test ancilla), under
 * one of three schemes:
 * <ul>
 *   <li>{@link Scheme#SAMPLE}: one observable; each copy gives an eigenvalue of O ⊗ F (or an
 *       unbiased single-shot estimate for a sum of non-commuting Pauli terms);</li>
 *   <li>{@link Scheme#COMMUTING}: Pauli strings that are qubit-wise commuting, all measured on every
 *       copy in one product basis;</li>
 *   <li>{@link Scheme#SHADOWS}: Pauli strings estimated from classical shadows (a random Pauli basis
 *       per copy on their qubits, F in its own basis).</li>
 * </ul>
 * The result is the mean of each observable's single-copy values over each of G consecutive groups
 * of copies ([group][j]); G = copies returns every single value.
 */
public record MeasurementSpec(Scheme scheme, List<ObservableRef> observables, PauliString factor) {
    public enum Scheme { SAMPLE, COMMUTING, SHADOWS }

    public MeasurementSpec {
        observables = List.copyOf(observables);
        if (observables.isEmpty()) throw new ProtocolException("a measurement needs at least one observable");
        if (scheme == Scheme.SAMPLE && observables.size() != 1) {
            throw new ProtocolException("a sampled measurement takes one observable, got " + observables.size());
        }
    }

    /** The held observable O alone, one eigenvalue per copy. */
    public static MeasurementSpec sample(String observableKey) {
        return new MeasurementSpec(Scheme.SAMPLE, List.of(ObservableRef.held(observableKey)), PauliString.identity());
    }

    /** O ⊗ F, one outcome per copy (the product of the two). */
    public static MeasurementSpec sample(String observableKey, PauliString factor) {
        return new MeasurementSpec(Scheme.SAMPLE, List.of(ObservableRef.held(observableKey)), factor);
    }

    public static MeasurementSpec commuting(List<ObservableRef> observables, PauliString factor) {
        return new MeasurementSpec(Scheme.COMMUTING, observables, factor);
    }

    public static MeasurementSpec shadows(List<ObservableRef> observables, PauliString factor) {
        return new MeasurementSpec(Scheme.SHADOWS, observables, factor);
    }
}
