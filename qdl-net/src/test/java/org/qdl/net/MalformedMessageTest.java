package org.qdl.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qdl.net.proto.Ack;
import org.qdl.net.proto.ApplyGateRequest;
import org.qdl.net.proto.MeasureRequest;
import org.qdl.net.proto.MeasuredObservable;
import org.qdl.net.proto.Scheme;
import org.qdl.net.proto.AmplitudeChunk;
import org.qdl.net.proto.OpenSessionRequest;
import org.qdl.net.proto.PartyServiceGrpc;
import org.qdl.net.proto.RegisterRef;
import org.qdl.net.proto.SessionInfo;

/** Talks to a party server with a raw stub, as a faulty or hostile client would. */
class MalformedMessageTest {
    private Deployment d;
    private ManagedChannel channel;
    private PartyServiceGrpc.PartyServiceStub async;
    private String session;

    @BeforeEach
    void start() throws Exception {
        d = new Deployment(4, 1).serve(new Security.SharedSecret(Deployment.SECRET), PartyServer.Options.defaults().withMaxQubits(20));
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", d.servers.get("bob").port()).usePlaintext()
                .intercept(new ClientInterceptor() {
                    @Override
                    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> m, CallOptions o, Channel next) {
                        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(m, o)) {
                            @Override
                            public void start(Listener<R> l, Metadata h) {
                                h.put(AuthInterceptor.CLIENT, "coordinator");
                                h.put(AuthInterceptor.TOKEN, HmacToken.of(Deployment.SECRET, "coordinator", "bob"));
                                super.start(l, h);
                            }
                        };
                    }
                }).build();
        SessionInfo info = PartyServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                .openSession(OpenSessionRequest.newBuilder().setParty("bob").setProtocolVersion(PartyService.PROTOCOL_VERSION).build());
        session = info.getSession();
        async = PartyServiceGrpc.newStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        d.close();
    }

    private static ByteString doubles(double... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) b.putDouble(x);
        return ByteString.copyFrom(b.array());
    }

    private AmplitudeChunk.Builder chunk(int qubits, long offset) {
        return AmplitudeChunk.newBuilder().setSession(session).setRegister("r1").setQubits(qubits).setOffset(offset);
    }

    /** Sends the chunks as one Accept stream; returns the status the server ended it with. */
    private Status accept(List<AmplitudeChunk> chunks) throws Exception {
        CompletableFuture<Status> done = new CompletableFuture<>();
        StreamObserver<AmplitudeChunk> up = async.accept(new StreamObserver<Ack>() {
            @Override
            public void onNext(Ack a) {}

            @Override
            public void onError(Throwable t) {
                done.complete(Status.fromThrowable(t));
            }

            @Override
            public void onCompleted() {
                done.complete(Status.OK);
            }
        });
        for (AmplitudeChunk c : chunks) up.onNext(c);
        up.onCompleted();
        return done.get(30, TimeUnit.SECONDS);
    }

    @Test
    void wellFormedRegisterIsAccepted() throws Exception {
        // |+⟩|0⟩: amplitudes 1/√2 at 0 and 1.
        double h = Math.sqrt(0.5);
        assertEquals(Status.Code.OK, accept(List.of(chunk(2, 0).setRe(doubles(h, h, 0, 0)).setIm(doubles(0, 0, 0, 0)).build())).getCode());
    }

    @Test
    void garbledChunksAreRejectedWithTheReason() throws Exception {
        Status odd = accept(List.of(chunk(2, 0).setRe(ByteString.copyFrom(new byte[12])).setIm(ByteString.copyFrom(new byte[12])).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, odd.getCode());
        assertTrue(odd.getDescription().contains("same non-zero multiple of 8"), odd.getDescription());

        Status gap = accept(List.of(chunk(2, 0).setRe(doubles(1, 0)).setIm(doubles(0, 0)).build(),
                chunk(2, 3).setRe(doubles(0)).setIm(doubles(0)).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, gap.getCode());
        assertTrue(gap.getDescription().contains("starts at amplitude 3, expected 2"), gap.getDescription());

        Status unnormalised = accept(List.of(chunk(1, 0).setRe(doubles(1, 1)).setIm(doubles(0, 0)).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, unnormalised.getCode());
        assertTrue(unnormalised.getDescription().contains("squared norm 2.0"), unnormalised.getDescription());

        Status shortStream = accept(List.of(chunk(3, 0).setRe(doubles(1, 0)).setIm(doubles(0, 0)).build()));
        assertTrue(shortStream.getDescription().contains("ended after 2 of 8 amplitudes"), shortStream.getDescription());

        Status tooWide = accept(List.of(chunk(27, 0).setRe(doubles(1)).setIm(doubles(0)).build()));
        assertTrue(tooWide.getDescription().contains("this party accepts 0..20"), tooWide.getDescription());

        Status foreignSession = accept(List.of(chunk(1, 0).setSession("no-such-session").setRe(doubles(1, 0)).setIm(doubles(0, 0)).build()));
        assertEquals(Status.Code.NOT_FOUND, foreignSession.getCode());
    }

    private Status unary(Runnable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
        return e.getStatus();
    }

    private PartyServiceGrpc.PartyServiceBlockingStub blocking() {
        return PartyServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    @Test
    void malformedGatesAndMeasurementsAreRejectedWithTheReason() throws Exception {
        double h = Math.sqrt(0.5);
        assertEquals(Status.Code.OK, accept(List.of(chunk(2, 0).setRe(doubles(h, h, 0, 0)).setIm(doubles(0, 0, 0, 0)).build())).getCode());
        String reg = "r1";
        Status notUnitary = unary(() -> blocking().applyGate(ApplyGateRequest.newBuilder().setSession(session).setRegister(reg).setName("m")
                .addQubits(0).addAllRe(List.of(1.0, 1.0, 0.0, 1.0)).addAllIm(List.of(0.0, 0.0, 0.0, 0.0)).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, notUnitary.getCode());
        assertTrue(notUnitary.getDescription().contains("unitary"), notUnitary.getDescription());
        Status shortMatrix = unary(() -> blocking().applyGate(ApplyGateRequest.newBuilder().setSession(session).setRegister(reg).setName("h")
                .addQubits(0).addQubits(1).addAllRe(List.of(1.0)).addAllIm(List.of(0.0)).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, shortMatrix.getCode());
        assertTrue(shortMatrix.getDescription().contains("needs 16 real and imaginary entries, got 1 and 1"), shortMatrix.getDescription());
        MeasureRequest.Builder m = MeasureRequest.newBuilder().setSession(session).setRegister(reg).setShots(10).setGroups(10)
                .addObservables(MeasuredObservable.newBuilder().setObservableKey("O"));
        Status noScheme = unary(() -> blocking().measure(m.build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, noScheme.getCode());
        assertTrue(noScheme.getDescription().contains("scheme must be SAMPLE, COMMUTING or SHADOWS"), noScheme.getDescription());
        Status twoSampled = unary(() -> blocking().measure(m.clone().setScheme(Scheme.SAMPLE).addObservables(MeasuredObservable.newBuilder().setObservableKey("O")).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, twoSampled.getCode());
        assertTrue(twoSampled.getDescription().contains("takes one observable, got 2"), twoSampled.getDescription());
        Status groups = unary(() -> blocking().measure(m.clone().setScheme(Scheme.SAMPLE).setGroups(11).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, groups.getCode());
        assertTrue(groups.getDescription().contains("groups must be in 1..shots (10), got 11"), groups.getDescription());
    }

    @Test
    void aVersionOneClientIsRefusedWithBothVersions() {
        var v1 = org.qdl.net.proto.v1.PartyServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
        Status old = unary(() -> v1.openSession(org.qdl.net.proto.v1.OpenSessionRequest.newBuilder().setParty("bob").setProtocolVersion(1).build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, old.getCode());
        assertEquals("party bob speaks protocol version 2, client asked for 1 (qdl.party.v1): upgrade the client", old.getDescription());
        Status wrongNumber = unary(() -> blocking().openSession(OpenSessionRequest.newBuilder().setParty("bob").setProtocolVersion(1).build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, wrongNumber.getCode());
        assertEquals("party bob speaks protocol version 2, client asked for 1", wrongNumber.getDescription());
    }

    @Test
    void aVersionTwoClientReportsAnOlderServer() throws Exception {
        // A server that implements none of version 2's methods stands in for a version-1 party.
        io.grpc.Server old = io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder.forAddress(new java.net.InetSocketAddress("127.0.0.1", 0))
                .addService(new org.qdl.net.proto.v1.PartyServiceGrpc.PartyServiceImplBase() {}).build().start();
        try {
            RemotePartyException e = assertThrows(RemotePartyException.class,
                    () -> RemoteParty.connect(new PartyAddress("bob", "127.0.0.1", old.getPort()), Deployment.secretClient(Duration.ofSeconds(10))));
            assertTrue(e.getMessage().contains("does not speak party protocol version 2 (step 'open session'): it runs an older qdl; upgrade it"), e.getMessage());
        } finally {
            old.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void oversizedMessageIsRejected() throws Exception {
        int len = 3 << 20; // 3 MiB of real and 3 MiB of imaginary parts: 6 MiB in one message
        Status big = accept(List.of(chunk(19, 0).setRe(ByteString.copyFrom(new byte[len])).setIm(ByteString.copyFrom(new byte[len])).build()));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, big.getCode(), big.toString());
    }

    @Test
    void garbageBytesOnTheSocketDoNotHurtTheServer() throws Exception {
        byte[] junk = new byte[64 << 10];
        new SplittableRandom(7).nextBytes(junk);
        try (Socket s = new Socket("127.0.0.1", d.servers.get("bob").port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(junk);
                out.flush();
            } catch (java.io.IOException closedEarly) {
                // the server may hang up before reading it all: that is the point
            }
            InputStream in = s.getInputStream();
            try {
                while (in.read() >= 0) { } // the server answers (a GOAWAY at most) and closes the connection
            } catch (java.io.IOException reset) {
                // connection reset by the server: also a rejection
            }
        }
        // The server still serves well-formed clients.
        RemoteParty ok = d.connect("bob", Deployment.secretClient(Duration.ofSeconds(10)));
        assertTrue(ok.layerKeys().contains("U2"));
        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> PartyServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(5, TimeUnit.SECONDS).discard(RegisterRef.newBuilder().setSession(session).setRegister("nope").build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, unknown.getStatus().getCode());
    }
}
