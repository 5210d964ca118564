package org.qdl.protocol.hard;

import org.qdl.protocol.CommunicationLedger;
import org.qdl.protocol.baseline.BaselineResult;

/**
 * Bob's answer to one vector-in-subspace instance and what it cost.
 *
 * @param answer           Bob's decision: true for v ∈ W
 * @param truth            the instance's answer (validation only)
 * @param probabilityWrong the exact probability of the wrong outcome (validation; 0 up to rounding
 *                         under the promise)
 * @param ledger           the single quantum message of ⌈log2 N⌉ qubits
 * @param classical        classical protocols for the same instance (64-bit numbers)
 * @param lowerBoundBits   N^{1/3}, the Klartag–Regev Ω(·) rate
 */
public record SubspaceDecision(VectorInSubspaceInstance instance, boolean answer, boolean truth, double probabilityWrong,
        CommunicationLedger ledger, BaselineResult classical, double lowerBoundBits) {
    public boolean correct() {
        return answer == truth;
    }

    public long qubits() {
        return ledger.totalQubits();
    }
}
