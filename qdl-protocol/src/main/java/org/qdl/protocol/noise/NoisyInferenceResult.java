package org.qdl.protocol.noise;

import java.util.List;
import org.qdl.protocol.CommunicationLedger;
import org.qdl.protocol.inference.InferenceResult;

/**
 * A distributed inference on noisy links, reported honestly: the (possibly mitigated) estimate and
 * its statistical interval, the exact noiseless f(x) and the exact noisy value the unmitigated
 * estimator converges to (density matrix; NaN when n > 12 or parties are remote).
 *
 * @param estimate       the reported estimate of f(x)
 * @param lower          statistical (1 − δ) interval; it does not cover the noise bias when unmitigated
 * @param exact          f(x) without noise (validation only)
 * @param exactNoisy     the noisy circuit's exact output at noise scale 1 (validation only)
 * @param shrink         F for {@link Mitigation#RESCALE} (1 otherwise)
 * @param runs           the inferences run (one per noise scale for ZNE)
 * @param ledger         everything they sent together
 */
public record NoisyInferenceResult(Mitigation mitigation, double estimate, double lower, double upper, double exact,
        double exactNoisy, double shrink, List<InferenceResult> runs, CommunicationLedger ledger) {
    public long shots() {
        long s = 0;
        for (InferenceResult r : runs) s += r.shots();
        return s;
    }

    public long totalQubits() {
        return ledger.totalQubits();
    }

    public double halfWidth() {
        return (upper - lower) / 2;
    }

    public boolean covers(double value) {
        return lower <= value && value <= upper;
    }
}
