package org.qdl.protocol;

import org.qdl.sim.InvalidInputException;

/** A protocol was set up or driven in a way the network forbids (wrong holder, unknown layer …). */
public class ProtocolException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }
}
