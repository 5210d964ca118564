package org.qdl.net.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.qdl.net.CertificateAuthority;
import org.qdl.net.ClientSettings;
import org.qdl.net.Coordinator;
import org.qdl.net.GrpcTransport;
import org.qdl.net.PartyAddress;
import org.qdl.net.PartyServer;
import org.qdl.net.PartyState;
import org.qdl.net.Security;
import org.qdl.net.TwoPartyExample;
import org.qdl.protocol.Network;
import org.qdl.protocol.Register;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.sim.InvalidInputException;

/**
 * The benchmark behind {@code qdl party bench}: remote against in-process time for one inference,
 * and wire throughput of one large register transfer. Party servers run in this JVM on 127.0.0.1
 * ports (real gRPC over loopback TCP, same CPU cores as the coordinator).
 */
public final class NetworkBench {
    /**
     * Runs the benchmark: n data qubits, layers alternating alice/bob, shots per inference, repeats
     * timed rounds, and (transferQubits > 0) the transfer of one 2^transferQubits register. Progress
     * goes to {@code err}; the figures come back as one JSON object.
     */
    public static ObjectNode run(int n, int layers, int shots, int repeats, int transferQubits, PrintWriter err) throws Exception {
        return new NetworkBench(n, layers, shots, repeats, transferQubits).measure(err);
    }

    private final int n, layers, shots, repeats, transferQubits;

    private NetworkBench(int n, int layers, int shots, int repeats, int transferQubits) {
        this.n = n;
        this.layers = layers;
        this.shots = shots;
        this.repeats = repeats;
        this.transferQubits = transferQubits;
    }

    private ObjectNode measure(PrintWriter err) throws Exception {
        if (n < 3 || n > 26 || layers < 2 || shots < 1 || repeats < 1) {
            throw new InvalidInputException("need 3 ≤ n ≤ 26, layers ≥ 2, shots ≥ 1, repeats ≥ 1");
        }
        List<PartyState> states = List.of(TwoPartyExample.alice(n, layers, 1), TwoPartyExample.bob(n, layers, 1));
        DistributedModel model = TwoPartyExample.model(layers);
        Path tmp = Files.createTempDirectory("qdl-net-bench");
        ObjectNode out = new ObjectMapper().createObjectNode().put("qubits", n).put("layers", layers).put("shots", shots)
                .put("repeats", repeats).put("cpus", Runtime.getRuntime().availableProcessors());
        try {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Security.SharedSecret shared = new Security.SharedSecret(java.util.HexFormat.of().formatHex(secret).getBytes(StandardCharsets.UTF_8));
            CertificateAuthority.writeDeployment(tmp, List.of("alice", "bob", "coordinator"), List.of("127.0.0.1"), Duration.ofDays(1));

            // All three settings stay up and are timed in turn, so background load hits them alike.
            Network local = new Network();
            for (PartyState st : states) local.add(st.newParty());
            double[] reference = infer(local, model);
            List<PartyServer> servers = new ArrayList<>();
            List<Coordinator> coordinators = new ArrayList<>();
            try {
                String[] names = {"inProcess", "directSharedSecret", "directMutualTls", "relaySharedSecret"};
                for (int m = 0; m < 3; m++) {
                    boolean tls = m == 1;
                    List<PartyAddress> addrs = new ArrayList<>();
                    for (PartyState st : states) {
                        Security sec = tls ? Security.MutualTls.fromDirectory(tmp, st.name()) : shared;
                        PartyServer srv = PartyServer.start(st, "127.0.0.1", 0, sec, PartyServer.Options.defaults());
                        servers.add(srv);
                        addrs.add(new PartyAddress(st.name(), "127.0.0.1", srv.port()));
                    }
                    Security client = tls ? Security.MutualTls.fromDirectory(tmp, "coordinator") : shared;
                    coordinators.add(Coordinator.connect(addrs, List.of(), new ClientSettings(client, "coordinator", Duration.ofSeconds(120)),
                            m == 2 ? GrpcTransport.Route.RELAY : GrpcTransport.Route.DIRECT));
                }
                List<Supplier<double[]>> runs = List.of(() -> infer(local, model), () -> infer(coordinators.get(0).network(), model),
                        () -> infer(coordinators.get(1).network(), model), () -> infer(coordinators.get(2).network(), model));
                int k0 = runs.size();
                double[][] wall = new double[k0][repeats], cpu = new double[k0][repeats];
                for (Supplier<double[]> r : runs) check(r.get(), reference); // warm-up
                long[] before = new long[3];
                for (int m = 0; m < 3; m++) before[m] = coordinators.get(m).transport().bytesMoved();
                for (int i = 0; i < repeats; i++) {
                    err.printf("qdl party bench: inference round %d/%d%n", i + 1, repeats);
                    for (int k = 0; k < k0; k++) {
                        long c0 = cpuNanos(), t0 = System.nanoTime();
                        check(runs.get(k).get(), reference);
                        wall[k][i] = (System.nanoTime() - t0) / 1e9;
                        cpu[k][i] = (cpuNanos() - c0) / 1e9;
                    }
                }
                out.put("identicalOutcomes", true);
                for (int m = 0; m < 3; m++) out.put(names[m + 1] + "WireBytes", (coordinators.get(m).transport().bytesMoved() - before[m]) / repeats);
                for (int k = 0; k < k0; k++) {
                    out.put(names[k] + "Seconds", median(wall[k])).put(names[k] + "MinSeconds", min(wall[k]))
                            .put(names[k] + "CpuSeconds", median(cpu[k]));
                }
                for (int k = 1; k < k0; k++) {
                    out.put(names[k] + "Ratio", median(wall[k]) / median(wall[0])).put(names[k] + "MinRatio", min(wall[k]) / min(wall[0]))
                            .put(names[k] + "CpuRatio", median(cpu[k]) / median(cpu[0]));
                }
            } finally {
                for (Coordinator c : coordinators) c.close();
                for (PartyServer srv : servers) srv.close();
            }

            if (transferQubits > 0) {
                err.println("qdl party bench: transfer of a 2^" + transferQubits + "-amplitude register …");
                transfer(shared, tmp, out);
            }
        } finally {
            for (Path p : Files.list(tmp).toList()) Files.delete(p);
            Files.delete(tmp);
        }
        return out;
    }

    private double[] infer(Network net, DistributedModel model) {
        return net.repeated(shots, () -> {
            Register r = model.forward(net, 0);
            return net.party(model.observableParty()).measure(model.observableKey(), r, shots, 7);
        });
    }

    private static void check(double[] got, double[] reference) {
        if (!Arrays.equals(got, reference)) throw new IllegalStateException("remote outcomes differ from the in-process ones");
    }

    private static double median(double[] v) {
        double[] t = v.clone();
        Arrays.sort(t);
        return t[t.length / 2];
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElseThrow();
    }

    /** CPU time of this whole process (coordinator and in-JVM servers), if the JVM reports it. */
    private static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : 0;
    }

    private void transfer(Security.SharedSecret shared, Path tlsDir, ObjectNode out) throws Exception {
        String aliceJson = "{\"name\":\"alice\",\"data\":{\"x\":{\"type\":\"gaussian\",\"length\":" + (1L << transferQubits) + ",\"seed\":3}}}";
        PartyState alice = PartyState.parse(aliceJson, Path.of("."), "alice (generated)");
        PartyState bob = PartyState.parse("{\"name\":\"bob\"}", Path.of("."), "bob (generated)");
        String[] modes = {"DirectSharedSecret", "DirectMutualTls", "RelaySharedSecret"};
        for (int m = 0; m < 3; m++) {
            boolean tls = m == 1;
            List<PartyServer> servers = new ArrayList<>();
            try {
                List<PartyAddress> addrs = new ArrayList<>();
                for (PartyState s : List.of(alice, bob)) {
                    Security sec = tls ? Security.MutualTls.fromDirectory(tlsDir, s.name()) : shared;
                    PartyServer srv = PartyServer.start(s, "127.0.0.1", 0, sec, PartyServer.Options.defaults());
                    servers.add(srv);
                    addrs.add(new PartyAddress(s.name(), "127.0.0.1", srv.port()));
                }
                Security client = tls ? Security.MutualTls.fromDirectory(tlsDir, "coordinator") : shared;
                try (Coordinator c = Coordinator.connect(addrs, List.of(), new ClientSettings(client, "coordinator", Duration.ofSeconds(120)),
                        m == 2 ? GrpcTransport.Route.RELAY : GrpcTransport.Route.DIRECT)) {
                    Network net = c.network();
                    Register r = net.party("alice").encode("x", 0);
                    double best = Double.MAX_VALUE;
                    long bytes = 0;
                    for (int k = 0; k < 3; k++) { // alice→bob, bob→alice, alice→bob: best of three
                        long b0 = c.transport().bytesMoved();
                        long t0 = System.nanoTime();
                        net.moveRegister(r, r.holder().equals("alice") ? "bob" : "alice", "state");
                        best = Math.min(best, (System.nanoTime() - t0) / 1e9);
                        bytes = c.transport().bytesMoved() - b0;
                    }
                    net.party(r.holder()).discard(r);
                    out.put("transfer" + modes[m] + "Seconds", best).put("transfer" + modes[m] + "WireBytes", bytes)
                            .put("transfer" + modes[m] + "MiBPerSecond", bytes / best / (1 << 20))
                            .put("transfer" + modes[m] + "PayloadMiBPerSecond", (16L << transferQubits) / best / (1 << 20));
                }
            } finally {
                for (PartyServer s : servers) s.close();
            }
        }
        out.put("transferQubits", transferQubits).put("transferPayloadBytes", 16L << transferQubits);
    }

}
