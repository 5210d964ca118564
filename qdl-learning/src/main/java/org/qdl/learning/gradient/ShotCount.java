package org.qdl.learning.gradient;

import org.qdl.sim.InvalidInputException;

/** Shot counts planned from (ε, δ) as ints: a precision that needs more than 2^31 − 1 shots per setting is the user's to raise. */
public final class ShotCount {
    private ShotCount() {}

    public static int of(long shots, Precision p) {
        if (shots < 0 || shots > Integer.MAX_VALUE) {
            throw new InvalidInputException("ε = " + p.epsilon() + ", δ = " + p.delta() + " need " + (shots < 0 ? "more than 2^63" : String.valueOf(shots))
                    + " shots per setting, more than 2^31 - 1: raise ε or δ");
        }
        return (int) shots;
    }
}
