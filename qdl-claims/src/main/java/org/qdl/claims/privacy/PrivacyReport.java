package org.qdl.claims.privacy;

import java.util.Locale;

/**
 * What one party (the receiver) could learn from a protocol run, from the ledger alone.
 *
 * <p>Holevo: m qubits carry at most m bits of accessible classical information about how they were
 * prepared (χ ≤ log2 dim = m), so whatever the receiver measures, its mutual information with the
 * other parties' data and parameters is at most {@link #holevoBoundBits()} = the qubits it received
 * (summed over every copy), plus the classical bits it received. With interaction and shared
 * entanglement the quantum part can double (dense coding; Cleve, van Dam, Nielsen and Tapp 1998:
 * n bits of information need n/2 qubits), which {@link #interactiveBoundBits()} allows for.
 *
 * @param qubitsReceived    Σ qubits on links into the receiver
 * @param classicalBitsReceived Σ classical bits on links into the receiver
 * @param qubitsSent        Σ qubits the receiver sent (interaction)
 * @param executions        protocol executions recorded (copies)
 */
public record PrivacyReport(String receiver, long qubitsReceived, long classicalBitsReceived, long qubitsSent, long executions) {
    /** χ ≤ qubits received: the Holevo bound on the information in the quantum messages. */
    public long holevoBoundBits() {
        return qubitsReceived;
    }

    /** Holevo bound per execution (per copy of the protocol). */
    public double holevoBoundBitsPerExecution() {
        return executions == 0 ? 0 : (double) qubitsReceived / executions;
    }

    /** Total information bound without prior entanglement: qubits + classical bits received. */
    public long informationBoundBits() {
        return qubitsReceived + classicalBitsReceived;
    }

    /** Bound allowing interaction with prior entanglement: 2 × qubits + classical bits received. */
    public long interactiveBoundBits() {
        return 2 * qubitsReceived + classicalBitsReceived;
    }

    /** Bits a classical protocol that sends an N-vector in the clear reveals: all of it. */
    public static long clearTextBits(long n, int bitsPerNumber) {
        return n * bitsPerNumber;
    }

    /** One line for command output. */
    public String summary() {
        return String.format(Locale.ROOT,
                "privacy (receiver %s): %d qubits + %d classical bits received over %d executions ⇒ Holevo χ ≤ %d bits (%.4g per execution), ≤ %d bits in all (≤ %d with entanglement and interaction)",
                receiver, qubitsReceived, classicalBitsReceived, executions, holevoBoundBits(), holevoBoundBitsPerExecution(),
                informationBoundBits(), interactiveBoundBits());
    }
}
