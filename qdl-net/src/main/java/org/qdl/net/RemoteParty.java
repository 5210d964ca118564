package org.qdl.net;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.qdl.net.proto.Ack;
import org.qdl.net.proto.ApplyGateRequest;
import org.qdl.net.proto.ControlledObservableRequest;
import org.qdl.net.proto.GeneratorStructureReply;
import org.qdl.net.proto.LayerRef;
import org.qdl.net.proto.ObservableRef;
import org.qdl.net.proto.ObservableShapeReply;
import org.qdl.protocol.ObservableShape;
import org.qdl.net.proto.UpdateLayerRequest;
import org.qdl.net.proto.LayerCheckpointRequest;
import org.qdl.net.proto.AmplitudeChunk;
import org.qdl.net.proto.ApplyRequest;
import org.qdl.net.proto.ClassicalMessage;
import org.qdl.net.proto.DataInfo;
import org.qdl.net.proto.DataNormRequest;
import org.qdl.net.proto.EncodeRequest;
import org.qdl.net.proto.ExactExpectationRequest;
import org.qdl.net.proto.LayerInfo;
import org.qdl.net.proto.MeasureRequest;
import org.qdl.net.proto.OpenSessionRequest;
import org.qdl.net.proto.PartyServiceGrpc;
import org.qdl.net.proto.RegisterHandle;
import org.qdl.net.proto.RegisterRef;
import org.qdl.net.proto.SessionInfo;
import org.qdl.net.proto.SendToRequest;
import org.qdl.net.proto.PeerRef;
import org.qdl.net.proto.SessionRef;
import org.qdl.protocol.GeneratorStructure;
import org.qdl.protocol.LayerShape;
import org.qdl.protocol.LayerVariant;
import org.qdl.protocol.MeasurementSpec;
import org.qdl.protocol.NumberEncoding;
import org.qdl.protocol.Party;
import org.qdl.protocol.ProtocolException;
import org.qdl.protocol.Register;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.gate.Gate;
import org.qdl.sim.state.StateVector;

/**
 * A party in another process, driven over party.proto. It stands in for a
 * {@link org.qdl.protocol.LocalParty}: each {@link Party} method is one RPC (names and shapes come
 * from the session's description, fetched once). Every call carries the deadline of
 * {@link ClientSettings}; a failure becomes a {@link RemotePartyException} naming the party, its
 * address and the step. Close it to end the session and the connection.
 */
public final class RemoteParty implements Party, AutoCloseable {
    /** Replies are small except Measure's: 4·10^6 shots of 8 bytes. */
    private static final int MAX_REPLY_BYTES = 40 << 20;

    private final PartyAddress address;
    private final ClientSettings settings;
    private final ManagedChannel channel;
    private final PartyServiceGrpc.PartyServiceBlockingStub blocking;
    private final PartyServiceGrpc.PartyServiceStub async;
    private final SessionInfo info;
    private final Map<String, DataInfo> data = new LinkedHashMap<>();
    private final Map<String, LayerInfo> layers = new LinkedHashMap<>();

    private RemoteParty(PartyAddress address, ClientSettings settings, ManagedChannel channel, Set<String> acceptFrom) {
        this.address = address;
        this.settings = settings;
        this.channel = channel;
        this.blocking = PartyServiceGrpc.newBlockingStub(channel);
        this.async = PartyServiceGrpc.newStub(channel);
        SessionInfo s;
        try {
            s = call("open session", () -> stub().openSession(OpenSessionRequest.newBuilder()
                    .setParty(address.party()).setProtocolVersion(PartyService.PROTOCOL_VERSION).addAllAcceptFrom(acceptFrom).build()));
        } catch (RuntimeException e) {
            shutdown();
            throw e;
        }
        this.info = s;
        for (DataInfo d : s.getDataList()) data.put(d.getKey(), d);
        for (LayerInfo l : s.getLayersList()) layers.put(l.getKey(), l);
    }

    /** Connects to the party at {@code address} and opens a session. */
    public static RemoteParty connect(PartyAddress address, ClientSettings settings) {
        return connect(address, settings, Set.of());
    }

    /**
     * Connects and opens a session into which the parties {@code acceptFrom} may deliver registers
     * directly (party-to-party transfers, {@link GrpcTransport.Route#DIRECT}).
     */
    public static RemoteParty connect(PartyAddress address, ClientSettings settings, Set<String> acceptFrom) {
        return new RemoteParty(address, settings, channel(address, settings.security(), settings.clientName()), acceptFrom);
    }

    /** A channel to a party server that authenticates as {@code clientName} and expects {@code address.party()}. */
    static ManagedChannel channel(PartyAddress address, Security security, String clientName) {
        ChannelCredentials creds;
        try {
            if (security instanceof Security.MutualTls t) {
                creds = TlsChannelCredentials.newBuilder().keyManager(t.certificate().toFile(), t.privateKey().toFile())
                        .trustManager(new PartyTrustManager(t.caCertificate(), address.party())).build();
            } else {
                creds = InsecureChannelCredentials.create();
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidInputException("cannot load the TLS files for reaching party " + address.party() + ": " + e.getMessage());
        }
        return NettyChannelBuilder.forAddress(address.host(), address.port(), creds)
                .maxInboundMessageSize(MAX_REPLY_BYTES)
                .flowControlWindow(PartyServer.FLOW_CONTROL_WINDOW)
                .intercept(new Credentials(security, clientName, address.party()))
                .build();
    }

    public PartyAddress address() {
        return address;
    }

    @Override
    public String name() {
        return address.party();
    }

    @Override
    public Set<String> dataKeys() {
        return Collections.unmodifiableSet(data.keySet());
    }

    @Override
    public Set<String> layerKeys() {
        return Collections.unmodifiableSet(layers.keySet());
    }

    @Override
    public Set<String> observableKeys() {
        return Collections.unmodifiableSet(new java.util.LinkedHashSet<>(info.getObservablesList()));
    }

    @Override
    public LayerShape layerShape(String layerKey) {
        LayerInfo l = layers.get(layerKey);
        if (l == null) throw new ProtocolException(name() + " holds no layer named " + layerKey + " (it holds " + layers.keySet() + ")");
        return new LayerShape(l.getQubits(), l.getParameters());
    }

    @Override
    public int dataLength(String dataKey) {
        DataInfo d = data.get(dataKey);
        if (d == null) throw new ProtocolException(name() + " holds no data named " + dataKey + " (it holds " + data.keySet() + ")");
        return Math.toIntExact(d.getLength());
    }

    @Override
    public Register encode(String dataKey, int ancillas) {
        RegisterHandle h = call("encode " + dataKey, () -> stub().encode(EncodeRequest.newBuilder()
                .setSession(session()).setDataKey(dataKey).setAncillas(ancillas).build()));
        return new Register(h.getId(), h.getQubits(), name());
    }

    @Override
    public double dataNorm(String dataKey) {
        return call("norm of " + dataKey, () -> stub().dataNorm(DataNormRequest.newBuilder()
                .setSession(session()).setDataKey(dataKey).build())).getNorm();
    }

    @Override
    public void apply(String layerKey, Register r, LayerVariant variant) {
        requireHeld(r);
        call(describe(variant) + layerKey + " to " + r.id(), () -> stub().apply(WireFormat.variant(ApplyRequest.newBuilder()
                .setSession(session()).setLayerKey(layerKey).setRegister(r.id()), variant).build()));
    }

    private static String describe(LayerVariant v) {
        if (v instanceof LayerVariant.Inverse) return "apply inverse of ";
        if (v instanceof LayerVariant.Shifted s) return "apply (rotation step " + s.step() + " shifted by " + s.shift() + ") ";
        if (v instanceof LayerVariant.ControlledGenerator c) return "apply (generator " + c.step() + " controlled on qubit " + c.control() + ") ";
        return "apply ";
    }

    @Override
    public void applyGate(Register r, Gate gate) {
        requireHeld(r);
        call("gate " + gate.name() + " on " + r.id(), () -> stub().applyGate(WireFormat.gate(ApplyGateRequest.newBuilder()
                .setSession(session()).setRegister(r.id()), gate).build()));
    }

    @Override
    public void applyControlledObservable(String observableKey, Register r, int control) {
        requireHeld(r);
        call("controlled " + observableKey + " on " + r.id(), () -> stub().applyControlledObservable(ControlledObservableRequest.newBuilder()
                .setSession(session()).setObservableKey(observableKey).setRegister(r.id()).setControl(control).build()));
    }

    @Override
    public double[][] measure(MeasurementSpec spec, Register r, int shots, int groups, long seed) {
        requireHeld(r);
        MeasureRequest req = WireFormat.spec(MeasureRequest.newBuilder().setSession(session()).setRegister(r.id())
                .setShots(shots).setGroups(groups).setSeed(seed), spec).build();
        return WireFormat.matrix(call("measure " + spec.observables() + " on " + r.id(), () -> stub().measure(req)));
    }

    @Override
    public double exactExpectation(String observableKey, Register r) {
        requireHeld(r);
        return call("exact expectation of " + observableKey + " on " + r.id(), () -> stub().exactExpectation(ExactExpectationRequest.newBuilder()
                .setSession(session()).setObservableKey(observableKey).setRegister(r.id()).build())).getValue();
    }

    @Override
    public StateVector release(Register r) {
        AmplitudeCodec.Assembler asm = new AmplitudeCodec.Assembler(r.numQubits());
        pull(r, "release " + r.id(), asm::add);
        return asm.finish();
    }

    @Override
    public void accept(Register r, StateVector state) {
        push(r, "accept " + r.id(), out -> AmplitudeCodec.split(state, session(), r.id(), out));
    }

    @Override
    public void discard(Register r) {
        requireHeld(r);
        call("discard " + r.id(), () -> stub().discard(RegisterRef.newBuilder().setSession(session()).setRegister(r.id()).build()));
    }

    // ---- Shapes and parameters.

    @Override
    public GeneratorStructure generatorStructure(String layerKey) {
        GeneratorStructureReply g = call("generator structure of " + layerKey, () -> stub().generatorStructure(
                LayerRef.newBuilder().setSession(session()).setLayerKey(layerKey).build()));
        int[] steps = g.getStepParameterList().stream().mapToInt(Integer::intValue).toArray();
        return new GeneratorStructure(steps, g.getMaxLocality(), g.getDerivativesArePauli(), g.getQubitWiseCommuting());
    }

    @Override
    public void updateLayer(String layerKey, double[] delta) {
        UpdateLayerRequest.Builder b = UpdateLayerRequest.newBuilder().setSession(session()).setLayerKey(layerKey);
        for (double d : delta) b.addDelta(d);
        call("update " + layerKey, () -> stub().updateLayer(b.build()));
    }

    @Override
    public ObservableShape observableShape(String observableKey) {
        ObservableShapeReply r = call("shape of observable " + observableKey, () -> stub().observableShape(
                ObservableRef.newBuilder().setSession(session()).setObservableKey(observableKey).build()));
        int[] qubits = r.getQubitsList().stream().mapToInt(Integer::intValue).toArray();
        return new ObservableShape(qubits, r.getMinOutcome(), r.getMaxOutcome(), r.getDescriptionReals(), r.getStructureBits());
    }

    @Override
    public long layerDescriptionReals(String layerKey) {
        LayerInfo l = layers.get(layerKey);
        if (l == null) throw new ProtocolException(name() + " holds no layer named " + layerKey + " (it holds " + layers.keySet() + ")");
        return l.getDescriptionReals();
    }

    /** Delivers a classical message to this party's inbox (see party.proto SendClassical). */
    public long sendClassical(String from, String label, double[] values, NumberEncoding encoding) {
        ClassicalMessage.Builder b = ClassicalMessage.newBuilder().setSession(session()).setFrom(from).setLabel(label)
                .setBitsPerValue(encoding.bitsPerNumber());
        for (double v : values) b.addValues(v);
        ClassicalMessage m = b.build();
        call("classical message " + label + " from " + from, () -> stub().sendClassical(m));
        return m.getSerializedSize();
    }

    /**
     * Streams the register out of this party into {@code sink}, chunk by chunk (the party then no
     * longer holds it); returns the bytes received.
     */
    long pull(Register r, String step, Consumer<AmplitudeChunk> sink) {
        requireHeld(r);
        io.grpc.Context.CancellableContext ctx = io.grpc.Context.current().withCancellation();
        io.grpc.Context previous = ctx.attach();
        try {
            return call(step, () -> {
                long bytes = 0;
                Iterator<AmplitudeChunk> it = blocking.withDeadlineAfter(settings.transferDeadline(r.numQubits()).toMillis(), TimeUnit.MILLISECONDS)
                        .release(RegisterRef.newBuilder().setSession(session()).setRegister(r.id()).build());
                while (it.hasNext()) {
                    AmplitudeChunk c = it.next();
                    bytes += c.getSerializedSize();
                    sink.accept(c);
                }
                return bytes;
            });
        } finally {
            ctx.detach(previous);
            ctx.cancel(null); // stops the stream if the sink failed half-way
        }
    }

    /**
     * Streams a register into this party: {@code source} emits the chunks (their session field is
     * replaced by this party's session); returns the bytes sent. Respects flow control, so a big
     * register is never buffered whole.
     */
    long push(Register r, String step, Consumer<Consumer<AmplitudeChunk>> source) {
        return call(step, () -> {
            ChunkUpload up = new ChunkUpload();
            async.withDeadlineAfter(settings.transferDeadline(r.numQubits()).toMillis(), TimeUnit.MILLISECONDS).accept(up);
            long[] bytes = {0};
            String session = session();
            try {
                source.accept(c -> {
                    AmplitudeChunk mine = c.getSession().equals(session) ? c : c.toBuilder().setSession(session).build();
                    bytes[0] += mine.getSerializedSize();
                    up.send(mine);
                });
            } catch (RuntimeException e) {
                up.cancel(e);
                throw e;
            }
            up.finish();
            return bytes[0];
        });
    }

    /**
     * Has this party send a register it holds straight to {@code to} (which must have been opened with
     * this party in its accept-from list); returns the bytes this party sent.
     */
    long sendTo(Register r, RemoteParty to, String step) {
        requireHeld(r);
        SendToRequest req = SendToRequest.newBuilder().setSession(session()).setRegister(r.id())
                .setPeer(PeerRef.newBuilder().setParty(to.name()).setHost(to.address.host()).setPort(to.address.port()).setSession(to.session()))
                .build();
        return call(step, () -> blocking.withDeadlineAfter(settings.transferDeadline(r.numQubits()).toMillis(), TimeUnit.MILLISECONDS)
                .sendTo(req)).getCount();
    }

    /** Closes the session (best effort) and the connection, waiting for its threads to stop. */
    @Override
    public void close() {
        try {
            blocking.withDeadlineAfter(Math.min(settings.deadline().toMillis(), 2000), TimeUnit.MILLISECONDS)
                    .closeSession(SessionRef.newBuilder().setSession(session()).build());
        } catch (StatusRuntimeException e) {
            // the party is gone already: nothing left to close there
        }
        shutdown();
    }

    private void shutdown() {
        channel.shutdown();
        try {
            if (!channel.awaitTermination(2, TimeUnit.SECONDS)) channel.shutdownNow().awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    public boolean isTerminated() {
        return channel.isTerminated();
    }

    /** The party persists its layers of this session for (run id, step) in its state directory (SaveLayers). */
    public void saveLayers(String runId, long step) {
        call("save layers of run " + runId + " at step " + step, () -> stub().saveLayers(
                LayerCheckpointRequest.newBuilder().setSession(session()).setRunId(runId).setStep(step).build()));
    }

    /** The party loads its layers saved for (run id, step) into this session (RestoreLayers). */
    public void restoreLayers(String runId, long step) {
        call("restore layers of run " + runId + " at step " + step, () -> stub().restoreLayers(
                LayerCheckpointRequest.newBuilder().setSession(session()).setRunId(runId).setStep(step).build()));
    }

    /** This client's session id at the party (package-private: peers name it in SendTo). */
    String session() {
        return info.getSession();
    }

    private PartyServiceGrpc.PartyServiceBlockingStub stub() {
        return blocking.withDeadlineAfter(settings.deadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void requireHeld(Register r) {
        if (!r.holder().equals(name())) throw new ProtocolException(name() + " cannot act on register " + r.id() + ": it is held by " + r.holder());
    }

    /** Runs one RPC and turns any gRPC failure into a one-line error naming party, address and step. */
    <T> T call(String step, Supplier<T> rpc) {
        try {
            return rpc.get();
        } catch (StatusRuntimeException e) {
            throw failure(step, e.getStatus());
        }
    }

    RemotePartyException failure(String step, Status s) {
        String who = "party " + name() + " at " + address;
        String desc = s.getDescription() == null ? "" : s.getDescription();
        if (s.getCode() == Status.Code.UNAVAILABLE) {
            RemotePartyException refused = HandshakeDiagnosis.diagnose(name(), address, step, s, settings.security());
            if (refused != null) return refused;
        }
        String msg = switch (s.getCode()) {
            case DEADLINE_EXCEEDED -> who + " did not answer within the deadline of " + settings.deadline().toMillis()
                    + " ms (transfers get more for their size) during step '" + step + "'";
            case UNAVAILABLE -> who + " is unreachable during step '" + step + "': " + (tlsProblem(s) != null ? "TLS handshake failed: " + tlsProblem(s)
                    : refusedConnection(s) ? "connection refused (no party server is listening there: not started, or it died)" : desc);
            case UNAUTHENTICATED, PERMISSION_DENIED -> who + " refused step '" + step + "': " + desc;
            case UNIMPLEMENTED -> who + " does not speak party protocol version " + PartyService.PROTOCOL_VERSION + " (step '" + step
                    + "'): it runs an older qdl; upgrade it";
            case CANCELLED -> who + " cancelled step '" + step + "'" + (desc.isEmpty() ? "" : ": " + desc);
            default -> who + " rejected step '" + step + "': " + desc + " (" + s.getCode() + ")";
        };
        return new RemotePartyException(name(), step, s.getCode(), msg);
    }

    private static boolean refusedConnection(Status s) {
        for (Throwable t = s.getCause(); t != null; t = t.getCause()) if (t instanceof java.net.ConnectException) return true;
        return false;
    }

    /** The most specific TLS reason in the cause chain: a certificate check's message if there is one. */
    private static String tlsProblem(Status s) {
        String ssl = null;
        for (Throwable t = s.getCause(); t != null; t = t.getCause()) {
            if (t instanceof java.security.cert.CertificateException) return t.getMessage();
            if (t instanceof SSLException) ssl = t.getMessage();
        }
        return ssl;
    }

    @Override
    public String toString() {
        return "RemoteParty[" + name() + " at " + address + "]";
    }

    /** Adds the caller's identity (and, with a shared secret, its token for this party) to every call. */
    private static final class Credentials implements ClientInterceptor {
        private final String client;
        private final String token;

        Credentials(Security security, String client, String party) {
            this.client = client;
            this.token = security instanceof Security.SharedSecret ss ? HmacToken.of(ss.secret(), client, party) : null;
        }

        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                @Override
                public void start(Listener<R> listener, Metadata headers) {
                    headers.put(AuthInterceptor.CLIENT, client);
                    if (token != null) headers.put(AuthInterceptor.TOKEN, token);
                    super.start(listener, headers);
                }
            };
        }
    }
}
