package org.qdl.net;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.qdl.sim.InvalidInputException;

/**
 * A party's gRPC server: serves party.proto for one party's private state, behind mutual TLS or a
 * shared secret. Each session gets its own copy of the party. {@link #close()} stops accepting
 * calls, waits briefly for running ones, then cancels the rest and stops its threads.
 */
public final class PartyServer implements AutoCloseable {
    /** Largest inbound message: chunks are ~2 MiB, so anything over gRPC's default 4 MiB is garbage. */
    public static final int MAX_MESSAGE_BYTES = 4 << 20;

    /** HTTP/2 window: several 2 MiB chunks in flight, so loopback transfers are not window-bound. */
    static final int FLOW_CONTROL_WINDOW = 16 << 20;

    /**
     * Server settings. {@code exactExpectation}: whether the validation-only RPC is served;
     * {@code maxQubits}: largest register accepted or created; {@code maxSessions}: open sessions at once.
     */
    public record Options(Set<String> allowedClients, boolean exactExpectation, int maxQubits, int maxSessions,
                          List<ServerInterceptor> extraInterceptors) {
        public Options {
            allowedClients = Set.copyOf(allowedClients);
            extraInterceptors = List.copyOf(extraInterceptors);
            if (maxQubits < 1 || maxQubits > org.qdl.sim.state.StateVector.MAX_QUBITS) throw new InvalidInputException("max qubits must be in 1..30, got " + maxQubits);
            if (maxSessions < 1) throw new InvalidInputException("max sessions must be at least 1, got " + maxSessions);
        }

        public static Options defaults() {
            return new Options(Set.of("coordinator"), true, 26, 64, List.of());
        }

        public Options withExactExpectation(boolean on) {
            return new Options(allowedClients, on, maxQubits, maxSessions, extraInterceptors);
        }

        public Options withAllowedClients(Set<String> clients) {
            return new Options(clients, exactExpectation, maxQubits, maxSessions, extraInterceptors);
        }

        public Options withMaxQubits(int q) {
            return new Options(allowedClients, exactExpectation, q, maxSessions, extraInterceptors);
        }

        /** Interceptors run after authentication (e.g. fault injection in tests, logging). */
        public Options withInterceptor(ServerInterceptor i) {
            List<ServerInterceptor> l = new ArrayList<>(extraInterceptors);
            l.add(i);
            return new Options(allowedClients, exactExpectation, maxQubits, maxSessions, l);
        }
    }

    private final String name;
    private final Server server;
    private final ExecutorService executor;
    private final PartyService service;
    private final PeerClients peers;

    private PartyServer(String name, Server server, ExecutorService executor, PartyService service, PeerClients peers) {
        this.name = name;
        this.server = server;
        this.executor = executor;
        this.service = service;
        this.peers = peers;
    }

    /** Starts serving {@code state} on host:port (port 0 picks a free one). */
    public static PartyServer start(PartyState state, String host, int port, Security security, Options options) throws IOException {
        return start(state.name(), state::newParty, state.dir(), host, port, security, options);
    }

    /**
     * Starts serving party {@code name}, each session with a fresh party from {@code newParty} (e.g.
     * a model file's share: {@code () -> model.newParty(name)}); saved training layers go under
     * {@code stateDir}/runs.
     */
    public static PartyServer start(String name, java.util.function.Supplier<org.qdl.protocol.LocalParty> newParty, java.nio.file.Path stateDir,
            String host, int port, Security security, Options options) throws IOException {
        ServerCredentials creds;
        if (security instanceof Security.MutualTls t) {
            creds = TlsServerCredentials.newBuilder().keyManager(t.certificate().toFile(), t.privateKey().toFile())
                    .trustManager(t.caCertificate().toFile()).clientAuth(TlsServerCredentials.ClientAuth.REQUIRE).build();
        } else {
            creds = InsecureServerCredentials.create(); // authenticated per call by the HMAC token
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "qdl-party-" + name + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        PeerClients peers = new PeerClients(name, security);
        PartyService service = new PartyService(name, newParty, options, peers, stateDir);
        List<ServerInterceptor> interceptors = new ArrayList<>(options.extraInterceptors());
        interceptors.add(new AuthInterceptor(name, security, options.allowedClients())); // last added runs first
        // Netty's builder is the public way to bind one address (Grpc.newServerBuilderForPort binds all).
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress(host, port), creds)
                .executor(executor)
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .flowControlWindow(FLOW_CONTROL_WINDOW)
                .addService(ServerInterceptors.intercept(service, interceptors))
                .addService(ServerInterceptors.intercept(new LegacyPartyService(name), interceptors))
                .build();
        try {
            server.start();
        } catch (IOException e) {
            executor.shutdownNow();
            peers.close();
            throw new InvalidInputException("party " + name + " cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
        return new PartyServer(name, server, executor, service, peers);
    }

    public String name() {
        return name;
    }

    public int port() {
        return ((InetSocketAddress) server.getListenSockets().get(0)).getPort();
    }

    public int openSessions() {
        return service.sessionCount();
    }

    /** Kills the server at once, as a crash would: open calls fail, nothing is drained. */
    public void kill() {
        server.shutdownNow();
        executor.shutdownNow();
        peers.close();
    }

    public boolean isTerminated() {
        return server.isTerminated() && executor.isTerminated();
    }

    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    @Override
    public void close() {
        server.shutdown();
        try {
            if (!server.awaitTermination(2, TimeUnit.SECONDS)) server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            executor.shutdown();
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) executor.shutdownNow();
            peers.close();
        } catch (InterruptedException e) {
            server.shutdownNow();
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
