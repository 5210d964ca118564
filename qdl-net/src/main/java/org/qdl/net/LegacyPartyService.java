package org.qdl.net;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.qdl.net.proto.v1.OpenSessionRequest;
import org.qdl.net.proto.v1.PartyServiceGrpc;
import org.qdl.net.proto.v1.SessionInfo;

/**
 * Protocol version 1's OpenSession, served only to refuse it: an old client gets one line naming
 * both versions (FAILED_PRECONDITION) instead of UNIMPLEMENTED for a method it cannot explain.
 */
final class LegacyPartyService extends PartyServiceGrpc.PartyServiceImplBase {
    private final String name;

    LegacyPartyService(String name) {
        this.name = name;
    }

    @Override
    public void openSession(OpenSessionRequest req, StreamObserver<SessionInfo> out) {
        out.onError(Status.FAILED_PRECONDITION.withDescription("party " + name + " speaks protocol version " + PartyService.PROTOCOL_VERSION
                + ", client asked for " + req.getProtocolVersion() + " (qdl.party.v1): upgrade the client").asRuntimeException());
    }
}
