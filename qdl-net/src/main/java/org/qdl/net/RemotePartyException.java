package org.qdl.net;

import io.grpc.Status;
import org.qdl.protocol.ProtocolException;

/**
 * A remote party failed, hung past its deadline, refused the caller, or rejected a step. The message
 * names the party, its address and the protocol step, in one line.
 */
public final class RemotePartyException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    private final String party;
    private final String step;
    private final Status.Code code;

    public RemotePartyException(String party, String step, Status.Code code, String message) {
        super(message);
        this.party = party;
        this.step = step;
        this.code = code;
    }

    public String party() {
        return party;
    }

    public String step() {
        return step;
    }

    /** The gRPC status code behind the failure (DEADLINE_EXCEEDED for a hung party, UNAVAILABLE for a dead one). */
    public Status.Code code() {
        return code;
    }
}
