package org.qdl.protocol;

import java.util.random.RandomGenerator;
import org.qdl.sim.observable.Observable;
import org.qdl.sim.state.StateVector;

/**
 * An observable that brings its own projective measurement: typically one known in its eigenbasis
 * (the holder rotates to that basis and reads eigenvalues), too large to expand in Pauli strings.
 */
public interface SampledObservable extends Observable {
    /** {@code shots} single-shot outcomes (eigenvalues) of measuring this observable on ψ. */
    double[] sample(StateVector psi, int shots, RandomGenerator rng);

    /** [λ_min, λ_max]: every outcome lies in it. */
    double[] outcomeRange();
}
