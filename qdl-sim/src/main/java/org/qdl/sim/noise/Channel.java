package org.qdl.sim.noise;

/**
 * A quantum channel (completely positive, trace preserving) as data: what it does to a density
 * matrix, not where it sits. {@link PauliChannel} and {@link KrausChannel} act on every qubit
 * they are applied to, independently; {@link GlobalDepolarizing} acts on a whole register.
 * {@link DensityMatrix} applies them exactly, {@link Trajectories} by sampled jumps.
 */
public sealed interface Channel permits PauliChannel, KrausChannel, GlobalDepolarizing {
    /** A short description with the parameters, e.g. {@code depolarizing(p=0.01)}. */
    String describe();
}
