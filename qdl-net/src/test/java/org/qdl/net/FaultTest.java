package org.qdl.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.qdl.protocol.Network;
import org.qdl.protocol.Register;

class FaultTest {
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    /** Generous bound for "stops within the deadline": the deadline plus connection teardown. */
    private static final Duration BOUND = DEADLINE.plusSeconds(8);

    @Test
    void killedPartyStopsTheCoordinatorWithPartyAndStep() throws Exception {
        try (Deployment d = new Deployment(6, 3).serve(new Security.SharedSecret(Deployment.SECRET), PartyServer.Options.defaults())) {
            Network net = d.remoteNetwork(Deployment.secretClient(DEADLINE));
            Register r = net.party("alice").encode("x", 0);
            net.party("alice").apply("U1", r);
            net.moveRegister(r, "bob", "state");
            net.party("bob").apply("U2", r);
            d.servers.get("bob").kill(); // bob's process dies holding the register
            RemotePartyException e = assertTimeoutPreemptively(BOUND,
                    () -> assertThrows(RemotePartyException.class, () -> net.moveRegister(r, "alice", "state")));
            assertEquals("bob", e.party());
            assertTrue(e.getMessage().contains("party bob at 127.0.0.1:") && e.getMessage().contains("transfer " + r.id() + " bob→alice"), e.getMessage());
            assertTrue(e.code() == Status.Code.UNAVAILABLE || e.code() == Status.Code.CANCELLED, e.getMessage());
        }
    }

    @Test
    void receiverKilledDuringADirectTransferIsNamed() throws Exception {
        try (Deployment d = new Deployment(6, 6).serve(new Security.SharedSecret(Deployment.SECRET), PartyServer.Options.defaults())) {
            Network net = d.remoteNetwork(Deployment.secretClient(DEADLINE), GrpcTransport.Route.DIRECT);
            Register r = net.party("alice").encode("x", 0);
            d.servers.get("bob").kill(); // alice must deliver straight to bob, who is gone
            RemotePartyException e = assertTimeoutPreemptively(BOUND,
                    () -> assertThrows(RemotePartyException.class, () -> net.moveRegister(r, "bob", "state")));
            assertEquals("bob", e.party());
            assertTrue(e.getMessage().contains("delivery of register " + r.id() + " to party bob at 127.0.0.1:")
                    && e.getMessage().contains("transfer " + r.id() + " alice→bob"), e.getMessage());
        }
    }

    @Test
    void hungPartyHitsTheDeadlineNamingPartyAndStep() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ServerInterceptor hangOnU4 = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                ServerCall.Listener<Q> inner = next.startCall(call, headers);
                return new io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener<>(inner) {
                    @Override
                    public void onMessage(Q message) {
                        if (message instanceof org.qdl.net.proto.ApplyRequest a && a.getLayerKey().equals("U4")) {
                            try {
                                release.await(); // the party hangs mid-protocol
                            } catch (InterruptedException ie) {
                                Thread.currentThread().interrupt();
                            }
                        }
                        super.onMessage(message);
                    }
                };
            }
        };
        try (Deployment d = new Deployment(6, 4).serve(new Security.SharedSecret(Deployment.SECRET), PartyServer.Options.defaults().withInterceptor(hangOnU4))) {
            Network net = d.remoteNetwork(Deployment.secretClient(DEADLINE));
            long t0 = System.nanoTime();
            RemotePartyException e = assertTimeoutPreemptively(BOUND,
                    () -> assertThrows(RemotePartyException.class, () -> Deployment.infer(net, 100, 1)));
            assertEquals(Status.Code.DEADLINE_EXCEEDED, e.code());
            assertTrue(e.getMessage().startsWith("party bob at 127.0.0.1:") && e.getMessage().contains("step 'apply U4 to alice:x#"), e.getMessage());
            assertTrue(System.nanoTime() - t0 >= DEADLINE.toNanos(), "it waited for the deadline, not less");
            release.countDown();
        }
    }

    @Test
    void unreachablePartyFailsFast() {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // free now, closed below: nobody listens there
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        RemotePartyException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(RemotePartyException.class,
                () -> RemoteParty.connect(new PartyAddress("carol", "127.0.0.1", port), Deployment.secretClient(DEADLINE))));
        assertTrue(e.getMessage().startsWith("party carol at 127.0.0.1:" + port + " is unreachable during step 'open session'"), e.getMessage());
    }

    @Test
    void closeEndsSessionsAndStopsAllThreads() throws Exception {
        Deployment d = new Deployment(5, 5).serve(new Security.SharedSecret(Deployment.SECRET), PartyServer.Options.defaults());
        Network net = d.remoteNetwork(Deployment.secretClient(DEADLINE));
        Deployment.infer(net, 10, 2);
        assertEquals(1, d.servers.get("alice").openSessions());
        for (RemoteParty c : d.clients) c.close();
        assertEquals(0, d.servers.get("alice").openSessions(), "closing a client closes its session");
        for (PartyServer s : d.servers.values()) s.close();
        for (RemoteParty c : d.clients) assertTrue(c.isTerminated());
        for (PartyServer s : d.servers.values()) assertTrue(s.isTerminated());
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            assertTrue(!t.isAlive() || !t.getName().startsWith("qdl-party-"), "lingering thread " + t.getName());
        }
    }
}
