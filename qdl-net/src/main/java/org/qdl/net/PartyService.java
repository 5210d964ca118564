package org.qdl.net;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.qdl.net.proto.Ack;
import org.qdl.net.proto.ApplyGateRequest;
import org.qdl.net.proto.ControlledObservableRequest;
import org.qdl.net.proto.GeneratorStructureReply;
import org.qdl.net.proto.LayerCheckpointRequest;
import org.qdl.net.proto.LayerRef;
import org.qdl.net.proto.Matrix;
import org.qdl.net.proto.ObservableRef;
import org.qdl.net.proto.ObservableShapeReply;
import org.qdl.protocol.ObservableShape;
import org.qdl.net.proto.UpdateLayerRequest;
import org.qdl.net.proto.AmplitudeChunk;
import org.qdl.net.proto.ApplyRequest;
import org.qdl.net.proto.ClassicalMessage;
import org.qdl.net.proto.DataInfo;
import org.qdl.net.proto.DataNormReply;
import org.qdl.net.proto.DataNormRequest;
import org.qdl.net.proto.EncodeRequest;
import org.qdl.net.proto.ExactExpectationReply;
import org.qdl.net.proto.ExactExpectationRequest;
import org.qdl.net.proto.LayerInfo;
import org.qdl.net.proto.MeasureRequest;
import org.qdl.net.proto.OpenSessionRequest;
import org.qdl.net.proto.PartyServiceGrpc;
import org.qdl.net.proto.RegisterHandle;
import org.qdl.net.proto.RegisterRef;
import org.qdl.net.proto.SessionInfo;
import org.qdl.net.proto.SendToRequest;
import org.qdl.net.proto.SessionRef;
import org.qdl.protocol.GeneratorStructure;
import org.qdl.protocol.LayerShape;
import org.qdl.protocol.LocalParty;
import org.qdl.protocol.MeasurementSpec;
import org.qdl.protocol.Register;
import org.qdl.sim.InsufficientMemoryException;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.state.StateVector;

/**
 * The party side of party.proto: each RPC is one {@link org.qdl.protocol.Party} operation on the
 * caller's session, carried out by a {@link LocalParty} built fresh for that session. Nothing here
 * returns data entries or layer parameters: there is no RPC that could.
 */
final class PartyService extends PartyServiceGrpc.PartyServiceImplBase {
    static final int PROTOCOL_VERSION = 2;
    static final int MAX_SHOTS = 4_000_000;

    private final String name;
    private final Supplier<LocalParty> newParty;
    private final PartyServer.Options options;
    private final PeerClients peers;
    private final LayerStore layerStore;
    private final Map<String, PartySession> sessions = new ConcurrentHashMap<>();

    PartyService(String name, Supplier<LocalParty> newParty, PartyServer.Options options, PeerClients peers, java.nio.file.Path stateDir) {
        this.layerStore = new LayerStore(stateDir);
        this.name = name;
        this.newParty = newParty;
        this.options = options;
        this.peers = peers;
    }

    int sessionCount() {
        return sessions.size();
    }

    @Override
    public void openSession(OpenSessionRequest req, StreamObserver<SessionInfo> out) {
        answer(out, () -> {
            if (!req.getParty().equals(name)) {
                throw fail(Status.FAILED_PRECONDITION, "this server is party " + name + ", not " + req.getParty());
            }
            if (req.getProtocolVersion() != PROTOCOL_VERSION) {
                throw fail(Status.FAILED_PRECONDITION, "party " + name + " speaks protocol version " + PROTOCOL_VERSION + ", client asked for " + req.getProtocolVersion());
            }
            if (sessions.size() >= options.maxSessions()) {
                throw fail(Status.RESOURCE_EXHAUSTED, "party " + name + " already has " + sessions.size() + " open sessions (limit " + options.maxSessions() + ")");
            }
            LocalParty p = newParty.get();
            PartySession s = new PartySession(UUID.randomUUID().toString(), AuthInterceptor.IDENTITY.get(), p,
                    new java.util.HashSet<>(req.getAcceptFromList()));
            sessions.put(s.id, s);
            SessionInfo.Builder b = SessionInfo.newBuilder().setSession(s.id).setParty(name).setProtocolVersion(PROTOCOL_VERSION)
                    .setExactExpectationEnabled(options.exactExpectation()).setMaxQubits(options.maxQubits());
            for (String k : p.dataKeys()) b.addData(DataInfo.newBuilder().setKey(k).setLength(p.dataLength(k)));
            for (String k : p.layerKeys()) {
                LayerShape sh = p.layerShape(k);
                b.addLayers(LayerInfo.newBuilder().setKey(k).setQubits(sh.numQubits()).setParameters(sh.numParameters())
                        .setDescriptionReals(p.layerDescriptionReals(k)));
            }
            b.addAllObservables(p.observableKeys());
            return b.build();
        });
    }

    @Override
    public void encode(EncodeRequest req, StreamObserver<RegisterHandle> out) {
        answer(out, () -> {
            PartySession s = session(req.getSession());
            int q = org.qdl.sim.state.AmplitudeEncoding.qubitsFor(s.party.dataLength(req.getDataKey())) + req.getAncillas(); // throws naming an unknown key
            if (q > options.maxQubits()) throw fail(Status.RESOURCE_EXHAUSTED, "a register of " + q + " qubits exceeds party " + name + "'s limit of " + options.maxQubits());
            Register r = s.party.encode(req.getDataKey(), req.getAncillas());
            s.holds(r);
            return RegisterHandle.newBuilder().setId(r.id()).setQubits(r.numQubits()).build();
        });
    }

    @Override
    public void dataNorm(DataNormRequest req, StreamObserver<DataNormReply> out) {
        answer(out, () -> DataNormReply.newBuilder().setNorm(session(req.getSession()).party.dataNorm(req.getDataKey())).build());
    }

    @Override
    public void apply(ApplyRequest req, StreamObserver<Ack> out) {
        answer(out, () -> {
            PartySession s = session(req.getSession());
            s.party.apply(req.getLayerKey(), s.register(req.getRegister()), WireFormat.variant(req));
            return Ack.getDefaultInstance();
        });
    }

    @Override
    public void applyGate(ApplyGateRequest req, StreamObserver<Ack> out) {
        answer(out, () -> {
            PartySession s = session(req.getSession());
            s.party.applyGate(s.register(req.getRegister()), WireFormat.gate(req));
            return Ack.getDefaultInstance();
        });
    }

    @Override
    public void applyControlledObservable(ControlledObservableRequest req, StreamObserver<Ack> out) {
        answer(out, () -> {
            PartySession s = session(req.getSession());
            s.party.applyControlledObservable(req.getObservableKey(), s.register(req.getRegister()), req.getControl());
            return Ack.getDefaultInstance();
        });
    }

    @Override
    public void measure(MeasureRequest req, StreamObserver<Matrix> out) {
        answer(out, () -> {
            if (req.getShots() < 1 || req.getShots() > MAX_SHOTS) {
                throw fail(Status.INVALID_ARGUMENT, "shots must be in 1.." + MAX_SHOTS + " per call, got " + req.getShots());
            }
            if (req.getGroups() < 1 || req.getGroups() > req.getShots()) {
                throw fail(Status.INVALID_ARGUMENT, "groups must be in 1..shots (" + req.getShots() + "), got " + req.getGroups());
            }
            if ((long) req.getGroups() * req.getObservablesCount() > MAX_SHOTS) {
                throw fail(Status.INVALID_ARGUMENT, "groups × observables must be at most " + MAX_SHOTS + ", got " + req.getGroups() + " × " + req.getObservablesCount());
            }
            MeasurementSpec spec = WireFormat.spec(req);
            PartySession s = session(req.getSession());
            Register r = s.register(req.getRegister());
            double[][] m = s.party.measure(spec, r, req.getShots(), req.getGroups(), req.getSeed());
            s.gone(r.id());
            return WireFormat.matrix(m);
        });
    }

    @Override
    public void exactExpectation(ExactExpectationRequest req, StreamObserver<ExactExpectationReply> out) {
        answer(out, () -> {
            if (!options.exactExpectation()) throw fail(Status.FAILED_PRECONDITION, "party " + name + " does not give exact expectations (disabled by its operator)");
            PartySession s = session(req.getSession());
            return ExactExpectationReply.newBuilder().setValue(s.party.exactExpectation(req.getObservableKey(), s.register(req.getRegister()))).build();
        });
    }

    @Override
    public void discard(RegisterRef req, StreamObserver<Ack> out) {
        answer(out, () -> {
            PartySession s = session(req.getSession());
            s.party.discard(s.register(req.getRegister()));
            s.gone(req.getRegister());
            return Ack.getDefaultInstance();
        });
    }

    @Override
    public void sendClassical(ClassicalMessage req, StreamObserver<Ack> out) {
        answer(out, () -> {
            PartySession s = session(req.getSession());
            if (req.getBitsPerValue() != 32 && req.getBitsPerValue() != 64) {
                throw fail(Status.INVALID_ARGUMENT, "bits_per_value must be 32 or 64, got " + req.getBitsPerValue());
            }
            double[] v = req.getValuesList().stream().mapToDouble(Double::doubleValue).toArray();
            s.deliver(new PartySession.Inbound(req.getFrom(), req.getLabel(), v, req.getBitsPerValue()));
            return Ack.newBuilder().setCount(v.length).build();
        });
    }

    @Override
    public void closeSession(SessionRef req, StreamObserver<Ack> out) {
        answer(out, () -> {
            PartySession s = sessions.get(req.getSession());
            if (s != null) {
                owned(s);
                sessions.remove(s.id);
            }
            return Ack.getDefaultInstance();
        });
    }

    /** Streams the register out at the pace the receiver reads it (no whole-state buffering). */
    @Override
    public void release(RegisterRef req, StreamObserver<AmplitudeChunk> out) {
        StateVector state;
        PartySession s;
        try {
            s = session(req.getSession());
            Register r = s.register(req.getRegister());
            state = s.party.release(r);
            s.gone(r.id());
        } catch (RuntimeException e) {
            out.onError(toStatus(e));
            return;
        }
        ServerCallStreamObserver<AmplitudeChunk> call = (ServerCallStreamObserver<AmplitudeChunk>) out;
        int total = state.dimension();
        int[] next = {0};
        boolean[] done = {false};
        call.setOnCancelHandler(() -> { });
        call.setOnReadyHandler(() -> {
            synchronized (next) {
                while (!done[0] && call.isReady() && !call.isCancelled()) {
                    int off = next[0];
                    int len = Math.min(AmplitudeCodec.MAX_CHUNK_AMPLITUDES, total - off);
                    call.onNext(AmplitudeCodec.chunk(state, s.id, req.getRegister(), off, len));
                    next[0] = off + len;
                    if (next[0] >= total) {
                        done[0] = true;
                        call.onCompleted();
                    }
                }
            }
        });
    }

    @Override
    public StreamObserver<AmplitudeChunk> accept(StreamObserver<Ack> out) {
        AmplitudeCodec.Assembler asm = new AmplitudeCodec.Assembler(options.maxQubits());
        return new StreamObserver<>() {
            private boolean failed;

            @Override
            public void onNext(AmplitudeChunk c) {
                if (failed) return;
                try {
                    if (asm.register() == null) {
                        PartySession s = deliverySession(c.getSession());
                        if (s.has(c.getRegister())) throw new InvalidInputException(name + " already holds register " + c.getRegister());
                    }
                    asm.add(c);
                } catch (RuntimeException e) {
                    failed = true;
                    out.onError(toStatus(e));
                }
            }

            @Override
            public void onError(Throwable t) {
                failed = true; // the sender went away: drop the partial state
            }

            @Override
            public void onCompleted() {
                if (failed) return;
                answer(out, () -> {
                    StateVector st = asm.finish();
                    PartySession s = deliverySession(asm.session());
                    Register r = new Register(asm.register(), asm.qubits(), name);
                    s.party.accept(r, st);
                    s.holds(r);
                    return Ack.newBuilder().setCount(st.dimension()).build();
                });
            }
        };
    }

    /** Party-to-party transfer: release the register here and stream it into the peer's session. */
    @Override
    public void sendTo(SendToRequest req, StreamObserver<Ack> out) {
        answer(out, () -> {
            PartySession s = session(req.getSession());
            Register r = s.register(req.getRegister());
            StateVector st = s.party.release(r);
            s.gone(r.id());
            return Ack.newBuilder().setCount(peers.deliver(req.getPeer(), r.id(), st)).build();
        });
    }

    // ---- Shapes and parameters.

    @Override
    public void generatorStructure(LayerRef req, StreamObserver<GeneratorStructureReply> out) {
        answer(out, () -> {
            GeneratorStructure g = session(req.getSession()).party.generatorStructure(req.getLayerKey());
            GeneratorStructureReply.Builder b = GeneratorStructureReply.newBuilder().setMaxLocality(g.maxLocality())
                    .setDerivativesArePauli(g.derivativesArePauli()).setQubitWiseCommuting(g.qubitWiseCommuting());
            for (int p : g.stepParameter()) b.addStepParameter(p);
            return b.build();
        });
    }

    @Override
    public void updateLayer(UpdateLayerRequest req, StreamObserver<Ack> out) {
        answer(out, () -> {
            double[] d = req.getDeltaList().stream().mapToDouble(Double::doubleValue).toArray();
            session(req.getSession()).party.updateLayer(req.getLayerKey(), d);
            return Ack.getDefaultInstance();
        });
    }

    @Override
    public void observableShape(ObservableRef req, StreamObserver<ObservableShapeReply> out) {
        answer(out, () -> {
            ObservableShape sh = session(req.getSession()).party.observableShape(req.getObservableKey());
            ObservableShapeReply.Builder b = ObservableShapeReply.newBuilder().setMinOutcome(sh.minOutcome())
                    .setMaxOutcome(sh.maxOutcome()).setDescriptionReals(sh.descriptionReals()).setStructureBits(sh.structureBits());
            for (int q : sh.qubits()) b.addQubits(q);
            return b.build();
        });
    }

    @Override
    public void saveLayers(LayerCheckpointRequest req, StreamObserver<Ack> out) {
        answer(out, () -> {
            PartySession s = session(req.getSession());
            synchronized (s.party) {
                layerStore.save(s.party, req.getRunId(), req.getStep());
            }
            return Ack.getDefaultInstance();
        });
    }

    @Override
    public void restoreLayers(LayerCheckpointRequest req, StreamObserver<Ack> out) {
        answer(out, () -> {
            PartySession s = session(req.getSession());
            synchronized (s.party) {
                layerStore.restore(s.party, req.getRunId(), req.getStep());
            }
            return Ack.getDefaultInstance();
        });
    }

    /** The session a register is delivered into: its owner's, or a party the owner named. */
    private PartySession deliverySession(String id) {
        PartySession s = sessions.get(id);
        if (s == null) throw fail(Status.NOT_FOUND, "party " + name + " has no open session " + id + " (closed, or the server restarted)");
        String caller = AuthInterceptor.IDENTITY.get();
        if (!s.owner.equals(caller) && !s.acceptFrom.contains(caller)) {
            throw fail(Status.PERMISSION_DENIED, "'" + caller + "' may not deliver registers into session " + id + " of party " + name);
        }
        return s;
    }

    private PartySession session(String id) {
        PartySession s = sessions.get(id);
        if (s == null) throw fail(Status.NOT_FOUND, "party " + name + " has no open session " + id + " (closed, or the server restarted)");
        owned(s);
        return s;
    }

    private void owned(PartySession s) {
        String caller = AuthInterceptor.IDENTITY.get();
        if (!s.owner.equals(caller)) throw fail(Status.PERMISSION_DENIED, "session " + s.id + " belongs to another client, not " + caller);
    }

    static StatusRuntimeException fail(Status code, String message) {
        return code.withDescription(message).asRuntimeException();
    }

    private static <T> void answer(StreamObserver<T> out, Supplier<T> body) {
        T reply;
        try {
            reply = body.get();
        } catch (RuntimeException e) {
            out.onError(toStatus(e));
            return;
        }
        out.onNext(reply);
        out.onCompleted();
    }

    /** Protocol mistakes keep their one-line message; anything else is reported as internal. */
    static StatusRuntimeException toStatus(RuntimeException e) {
        if (e instanceof StatusRuntimeException s) return s;
        if (e instanceof MalformedMessageException) return fail(Status.INVALID_ARGUMENT, e.getMessage());
        if (e instanceof InsufficientMemoryException) return fail(Status.RESOURCE_EXHAUSTED, e.getMessage());
        if (e instanceof InvalidInputException) return fail(Status.FAILED_PRECONDITION, e.getMessage());
        return Status.INTERNAL.withDescription("internal error: " + e).withCause(e).asRuntimeException();
    }
}
