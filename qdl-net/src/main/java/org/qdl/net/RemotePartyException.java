package org.qdl.net;

import io.grpc.Status;
import org.qdl.protocol.ProtocolException;

/**
 * A remote party failed, hung past its deadline, refused the caller, or rejected a step. The message
 * names the party, its address and the protocol step, in one line.
 *
 * <p>Two kinds, told apart by {@link #operational()}: a party that is unreachable, died or hung
 * (UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED, ABORTED) is an expected operational failure — the CLI
 * prints the line and exits 1 (no stack trace; retry or resume when the party is back); a party
 * that refused or rejected a step (bad credentials, unknown key, wrong party) is a configuration or
 * input mistake, a {@link ProtocolException}, and exits 2.
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

    /** True for infrastructure failures (party unreachable, died, hung past the deadline), false for refusals. */
    public boolean operational() {
        return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
                || code == Status.Code.CANCELLED || code == Status.Code.ABORTED;
    }

    /** The same failure with {@code context} appended (e.g. the training step it interrupted). */
    public RemotePartyException withContext(String context) {
        return new RemotePartyException(party, step, code, getMessage() + "; " + context);
    }
}
