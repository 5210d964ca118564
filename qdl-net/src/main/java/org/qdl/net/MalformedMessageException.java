package org.qdl.net;

import org.qdl.protocol.ProtocolException;

/** A message that breaks party.proto's rules (wrong lengths, out of order, not a unit vector …). */
public final class MalformedMessageException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message) {
        super(message);
    }
}
