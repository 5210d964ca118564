package org.qdl.learning.gradient;

import org.qdl.protocol.CommunicationLedger;

/**
 * Totals read off a ledger (qubits, classical bits, messages, rounds, executions). Differences of
 * two readings give what one protocol run cost; sums accumulate over a training run and survive a
 * checkpoint, which a live ledger does not.
 */
public record Communication(long qubits, long classicalBits, long messages, long rounds, long executions) {
    public static final Communication ZERO = new Communication(0, 0, 0, 0, 0);

    public static Communication of(CommunicationLedger l) {
        return new Communication(l.totalQubits(), l.totalClassicalBits(), l.total().messages(), l.totalRounds(), l.executions());
    }

    public Communication plus(Communication o) {
        return new Communication(qubits + o.qubits, classicalBits + o.classicalBits, messages + o.messages, rounds + o.rounds, executions + o.executions);
    }

    public Communication minus(Communication o) {
        return new Communication(qubits - o.qubits, classicalBits - o.classicalBits, messages - o.messages, rounds - o.rounds, executions - o.executions);
    }
}
