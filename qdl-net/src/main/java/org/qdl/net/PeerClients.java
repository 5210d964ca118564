package org.qdl.net;

import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.qdl.net.proto.PartyServiceGrpc;
import org.qdl.net.proto.PeerRef;
import org.qdl.sim.state.StateVector;

/**
 * A party server's outgoing connections to other parties, for party-to-party transfers (SendTo).
 * The party authenticates with its own credentials; channels are kept per peer address and closed
 * with the server.
 */
final class PeerClients implements AutoCloseable {
    private final String self;
    private final Security security;
    private final Map<PartyAddress, ManagedChannel> channels = new ConcurrentHashMap<>();

    PeerClients(String self, Security security) {
        this.self = self;
        this.security = security;
    }

    /**
     * Streams the state into the peer's session. It gets 90 % of the incoming call's remaining time,
     * so that a peer that hangs is reported by name before the coordinator's own deadline expires.
     * Failures come back as ABORTED naming the peer.
     */
    long deliver(PeerRef peer, String register, StateVector state) {
        PartyAddress at = new PartyAddress(peer.getParty(), peer.getHost(), peer.getPort());
        try {
            ManagedChannel ch = channels.computeIfAbsent(at, a -> RemoteParty.channel(a, security, self));
            PartyServiceGrpc.PartyServiceStub stub = PartyServiceGrpc.newStub(ch);
            Deadline d = Context.current().getDeadline();
            if (d != null) stub = stub.withDeadlineAfter(Math.max(1, d.timeRemaining(TimeUnit.MILLISECONDS) * 9 / 10), TimeUnit.MILLISECONDS);
            ChunkUpload up = new ChunkUpload();
            stub.accept(up);
            long bytes = AmplitudeCodec.split(state, peer.getSession(), register, up::send);
            up.finish();
            return bytes;
        } catch (StatusRuntimeException e) {
            Status s = e.getStatus();
            if (s.getCode() == Status.Code.UNAVAILABLE) {
                // a dead peer leaves the channel in reconnect back-off, failing fast; once the peer is back
                // (restarted for a resumed run) the next delivery must connect afresh
                ManagedChannel gone = channels.remove(at);
                if (gone != null) gone.shutdownNow();
            }
            throw Status.ABORTED.withDescription("delivery of register " + register + " to party " + peer.getParty() + " at " + at
                    + " failed: " + s.getCode() + (s.getDescription() == null ? "" : ": " + s.getDescription())).asRuntimeException();
        }
    }

    @Override
    public void close() {
        for (ManagedChannel c : channels.values()) c.shutdownNow();
        for (ManagedChannel c : channels.values()) {
            try {
                c.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
