package org.qdl.sim.noise;

import java.util.ArrayList;
import java.util.List;
import org.qdl.sim.InvalidInputException;

/**
 * Energy relaxation and dephasing of a qubit stored for time t (T1, T2 and t in one unit):
 * amplitude damping with γ = 1 − e^{−t/T1} (P(1) decays as e^{−t/T1}), then pure dephasing that
 * brings the coherence decay to e^{−t/T2}. Amplitude damping alone shrinks coherences by
 * √(1−γ) = e^{−t/(2T1)}, so the dephasing shrink is e^{−t/Tφ} with 1/Tφ = 1/T2 − 1/(2T1), which
 * needs T2 ≤ 2·T1 (physical qubits obey it).
 */
public final class Relaxation {
    private Relaxation() {}

    public static List<Channel> of(double t, double t1, double t2) {
        if (!(t >= 0) || Double.isInfinite(t)) throw new InvalidInputException("storage time must be finite and ≥ 0, got " + t);
        if (!(t1 > 0)) throw new InvalidInputException("T1 must be positive, got " + t1);
        if (!(t2 > 0)) throw new InvalidInputException("T2 must be positive, got " + t2);
        if (t2 > 2 * t1 * (1 + 1e-12)) throw new InvalidInputException("T2 (" + t2 + ") cannot exceed 2·T1 (" + 2 * t1 + ")");
        List<Channel> out = new ArrayList<>();
        out.add(KrausChannel.amplitudeDamping(-Math.expm1(-t / t1)));
        double rate = Math.max(0, 1 / t2 - 1 / (2 * t1));
        double p = -Math.expm1(-t * rate);
        if (p > 0) out.add(PauliChannel.dephasing(p));
        return out;
    }
}
