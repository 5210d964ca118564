package org.qdl.protocol;

/** Totals for one direction of one link. */
public record LinkStats(long messages, long qubits, long classicalBits, long wireBytes) {
    public static final LinkStats ZERO = new LinkStats(0, 0, 0, 0);

    public LinkStats plus(LinkStats o) {
        return new LinkStats(messages + o.messages, qubits + o.qubits, classicalBits + o.classicalBits, wireBytes + o.wireBytes);
    }

    public LinkStats times(long k) {
        return new LinkStats(messages * k, qubits * k, classicalBits * k, wireBytes * k);
    }
}
