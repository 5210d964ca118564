package org.qdl.sim.noise;

/**
 * The jump oracle of one quantum trajectory. At each noise location the simulation asks which
 * branch (Kraus operator or Pauli) this trajectory takes, given the branch probabilities there;
 * {@link TrajectoryRunner} answers so that the shots of a trajectory are distributed exactly as
 * independent per-shot jumps.
 */
@FunctionalInterface
public interface Trajectory {
    /** The branch taken, an index into {@code probabilities} (which sum to 1, up to rounding). */
    int choose(double[] probabilities);
}
