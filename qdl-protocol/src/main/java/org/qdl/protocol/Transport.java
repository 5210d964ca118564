package org.qdl.protocol;

/**
 * Moves a register's state from one party to another. In-process it hands the amplitudes over; a
 * network transport streams them and reports the bytes it put on the wire.
 */
public interface Transport {
    /** Delivers the register's state from sender to receiver; returns the wire bytes used (0 in-process). */
    long deliver(Party sender, Party receiver, Register register);

    /** Hands the state object over between parties in the same process. */
    Transport IN_PROCESS = (sender, receiver, register) -> {
        receiver.accept(register, sender.release(register));
        return 0;
    };
}
