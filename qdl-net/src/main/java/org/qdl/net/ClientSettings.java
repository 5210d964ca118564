package org.qdl.net;

import java.time.Duration;
import org.qdl.sim.InvalidInputException;

/**
 * How a coordinator talks to parties: its credentials, its name (the identity parties authorise),
 * and the deadline of every call. A register transfer gets the deadline plus one second per 32 MiB,
 * so that a big but healthy transfer is not cut off while a hung party still is.
 */
public record ClientSettings(Security security, String clientName, Duration deadline) {
    public ClientSettings {
        if (deadline.isNegative() || deadline.isZero()) throw new InvalidInputException("deadline must be positive, got " + deadline);
    }

    public Duration transferDeadline(int qubits) {
        long bytes = 16L << qubits;
        return deadline.plusSeconds(bytes / (32L << 20));
    }
}
