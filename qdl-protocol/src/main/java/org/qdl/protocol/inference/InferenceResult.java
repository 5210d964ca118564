package org.qdl.protocol.inference;

import org.qdl.protocol.CommunicationLedger;

/**
 * The outcome of one distributed inference.
 *
 * @param estimate      the estimate of f(x) (on the output's scale)
 * @param lower         lower end of the (1 − δ) confidence interval for f(x)
 * @param upper         upper end
 * @param exact         f(x) computed exactly by the simulator (validation only; no protocol sees it)
 * @param scale         the output scale the observer used (1, or ‖x‖² as received)
 * @param budget        the shots and groups used
 * @param dataQubits    ⌈log2 N⌉
 * @param qubitsPerShot qubits that crossed links in one execution of the circuit
 * @param ledger        everything this inference sent (norm once, the circuit once per shot)
 */
public record InferenceResult(InferenceConfig config, double estimate, double lower, double upper, double exact,
        double scale, ShotBudget budget, int dataQubits, long qubitsPerShot, CommunicationLedger ledger) {
    public long shots() {
        return budget.shots();
    }

    public double halfWidth() {
        return (upper - lower) / 2;
    }

    public boolean covers(double value) {
        return lower <= value && value <= upper;
    }

    public long totalQubits() {
        return ledger.totalQubits();
    }

    public long classicalBits() {
        return ledger.totalClassicalBits();
    }

    public long rounds() {
        return ledger.totalRounds();
    }
}
