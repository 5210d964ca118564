package org.qdl.protocol;

/**
 * Totals for one direction of one link. {@code qubits} are the qubits sent; with heralded loss
 * {@code lostQubits} of them never arrived ({@link #deliveredQubits()} did).
 */
public record LinkStats(long messages, long qubits, long classicalBits, long wireBytes, long lostQubits) {
    public static final LinkStats ZERO = new LinkStats(0, 0, 0, 0, 0);

    /** A lossless total. */
    public LinkStats(long messages, long qubits, long classicalBits, long wireBytes) {
        this(messages, qubits, classicalBits, wireBytes, 0);
    }

    public LinkStats plus(LinkStats o) {
        return new LinkStats(messages + o.messages, qubits + o.qubits, classicalBits + o.classicalBits, wireBytes + o.wireBytes,
                lostQubits + o.lostQubits);
    }

    public LinkStats times(long k) {
        return new LinkStats(messages * k, qubits * k, classicalBits * k, wireBytes * k, lostQubits * k);
    }

    /** Qubits that arrived: sent minus lost. */
    public long deliveredQubits() {
        return qubits - lostQubits;
    }
}
