package org.qdl.protocol;

/**
 * One message that crossed a link: a quantum register of {@code qubits} qubits, or a classical
 * message of {@code classicalBits} bits. {@code wireBytes} is what a real transport moved for it
 * (0 in-process); {@code label} says which protocol step sent it.
 */
public record Transfer(Link link, long qubits, long classicalBits, long wireBytes, String label) {
    public boolean quantum() {
        return qubits > 0;
    }
}
