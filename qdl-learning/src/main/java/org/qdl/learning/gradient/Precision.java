package org.qdl.learning.gradient;

import org.qdl.sim.InvalidInputException;

/**
 * Target of a gradient estimate: every component within ε of the true value, all of them at once,
 * with probability at least 1 − δ. Estimators turn this into shots.
 */
public record Precision(double epsilon, double delta) {
    public Precision {
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) throw new InvalidInputException("target precision ε must be positive, got " + epsilon);
        if (!(delta > 0 && delta < 1)) throw new InvalidInputException("failure probability δ must lie in (0, 1), got " + delta);
    }
}
