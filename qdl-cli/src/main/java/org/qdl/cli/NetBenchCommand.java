package org.qdl.cli;

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
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.qdl.net.CertificateAuthority;
import org.qdl.net.ClientSettings;
import org.qdl.net.Coordinator;
import org.qdl.net.PartyAddress;
import org.qdl.net.PartyServer;
import org.qdl.net.PartyState;
import org.qdl.net.Security;
import org.qdl.net.TwoPartyExample;
import org.qdl.protocol.Network;
import org.qdl.protocol.Register;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.sim.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code qdl party bench}: remote against in-process time for one inference, and wire throughput of
 * one large register transfer. Party servers run in this JVM on 127.0.0.1 ports (real gRPC over
 * loopback TCP, same CPU cores as the coordinator).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark remote (gRPC on loopback) against in-process inference, and register-transfer throughput.")
public final class NetBenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-n", "--qubits"}, defaultValue = "20", description = "Data qubits of the inference. Default: ${DEFAULT-VALUE}.")
    int n;

    @Option(names = {"-L", "--layers"}, defaultValue = "4", description = "Layers (alternating alice, bob). Default: ${DEFAULT-VALUE}.")
    int layers;

    @Option(names = "--shots", defaultValue = "1000", description = "Shots. Default: ${DEFAULT-VALUE}.")
    int shots;

    @Option(names = "--repeats", defaultValue = "5", description = "Timed runs per setting (after one warm-up); the median is reported. Default: ${DEFAULT-VALUE}.")
    int repeats;

    @Option(names = "--transfer-qubits", defaultValue = "24", description = "Register width of the throughput test (0: skip). Default: ${DEFAULT-VALUE}.")
    int transferQubits;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (n < 3 || n > 26 || layers < 2 || shots < 1 || repeats < 1) {
            throw new InvalidInputException("need 3 ≤ n ≤ 26, layers ≥ 2, shots ≥ 1, repeats ≥ 1");
        }
        PrintWriter err = spec.commandLine().getErr();
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

            err.println("qdl party bench: in-process inference …");
            Network local = new Network();
            for (PartyState s : states) local.add(s.newParty());
            double[] reference = infer(local, model);
            double inProcess = median(() -> infer(local, model), reference);

            double[] remote = new double[2];
            String[] modes = {"shared secret", "mutual TLS"};
            long wirePerInference = 0;
            for (int m = 0; m < 2; m++) {
                err.println("qdl party bench: remote inference (" + modes[m] + ") …");
                List<PartyServer> servers = new ArrayList<>();
                try {
                    List<PartyAddress> addrs = new ArrayList<>();
                    for (PartyState s : states) {
                        Security sec = m == 0 ? shared : Security.MutualTls.fromDirectory(tmp, s.name());
                        PartyServer srv = PartyServer.start(s, "127.0.0.1", 0, sec, PartyServer.Options.defaults());
                        servers.add(srv);
                        addrs.add(new PartyAddress(s.name(), "127.0.0.1", srv.port()));
                    }
                    Security client = m == 0 ? shared : Security.MutualTls.fromDirectory(tmp, "coordinator");
                    try (Coordinator c = Coordinator.connect(addrs, List.of(), new ClientSettings(client, "coordinator", Duration.ofSeconds(120)))) {
                        long before = c.transport().bytesMoved();
                        infer(c.network(), model); // warm-up, and check against the in-process outcomes below
                        wirePerInference = c.transport().bytesMoved() - before;
                        remote[m] = median(() -> infer(c.network(), model), reference);
                    }
                } finally {
                    for (PartyServer s : servers) s.close();
                }
            }
            out.put("inProcessSeconds", inProcess).put("remoteSharedSecretSeconds", remote[0]).put("remoteMutualTlsSeconds", remote[1])
                    .put("ratioSharedSecret", remote[0] / inProcess).put("ratioMutualTls", remote[1] / inProcess)
                    .put("wireBytesPerInference", wirePerInference).put("identicalOutcomes", true);

            if (transferQubits > 0) {
                err.println("qdl party bench: transfer of a 2^" + transferQubits + "-amplitude register …");
                transfer(shared, tmp, out);
            }
        } finally {
            for (Path p : Files.list(tmp).toList()) Files.delete(p);
            Files.delete(tmp);
        }
        print(out);
        return 0;
    }

    private double[] infer(Network net, DistributedModel model) {
        return net.repeated(shots, () -> {
            Register r = model.forward(net, 0);
            return net.party(model.observableParty()).measure(model.observableKey(), r, shots, 7);
        });
    }

    /** Median wall time of {@code repeats} runs; every run must reproduce the reference outcomes. */
    private double median(Supplier<double[]> run, double[] reference) {
        run.get(); // warm-up
        double[] t = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            double[] got = run.get();
            t[i] = (System.nanoTime() - t0) / 1e9;
            if (!Arrays.equals(got, reference)) throw new IllegalStateException("remote outcomes differ from the in-process ones");
        }
        Arrays.sort(t);
        return t[repeats / 2];
    }

    private void transfer(Security.SharedSecret shared, Path tlsDir, ObjectNode out) throws Exception {
        String aliceJson = "{\"name\":\"alice\",\"data\":{\"x\":{\"type\":\"gaussian\",\"length\":" + (1L << transferQubits) + ",\"seed\":3}}}";
        PartyState alice = PartyState.parse(aliceJson, Path.of("."), "alice (generated)");
        PartyState bob = PartyState.parse("{\"name\":\"bob\"}", Path.of("."), "bob (generated)");
        String[] modes = {"SharedSecret", "MutualTls"};
        for (int m = 0; m < 2; m++) {
            List<PartyServer> servers = new ArrayList<>();
            try {
                List<PartyAddress> addrs = new ArrayList<>();
                for (PartyState s : List.of(alice, bob)) {
                    Security sec = m == 0 ? shared : Security.MutualTls.fromDirectory(tlsDir, s.name());
                    PartyServer srv = PartyServer.start(s, "127.0.0.1", 0, sec, PartyServer.Options.defaults());
                    servers.add(srv);
                    addrs.add(new PartyAddress(s.name(), "127.0.0.1", srv.port()));
                }
                Security client = m == 0 ? shared : Security.MutualTls.fromDirectory(tlsDir, "coordinator");
                try (Coordinator c = Coordinator.connect(addrs, List.of(), new ClientSettings(client, "coordinator", Duration.ofSeconds(120)))) {
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
                            .put("transfer" + modes[m] + "MiBPerSecond", bytes / best / (1 << 20));
                }
            } finally {
                for (PartyServer s : servers) s.close();
            }
        }
        out.put("transferQubits", transferQubits).put("transferPayloadBytes", 16L << transferQubits);
    }

    private void print(ObjectNode o) {
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(o.toPrettyString());
            return;
        }
        w.printf("inference n=%d, L=%d, %d shots (median of %d; servers in this JVM on 127.0.0.1, %d CPUs)%n",
                n, layers, shots, repeats, o.get("cpus").asInt());
        w.printf("  in-process              %8.3f s%n", o.get("inProcessSeconds").asDouble());
        w.printf("  remote, shared secret   %8.3f s   ×%.2f%n", o.get("remoteSharedSecretSeconds").asDouble(), o.get("ratioSharedSecret").asDouble());
        w.printf("  remote, mutual TLS      %8.3f s   ×%.2f%n", o.get("remoteMutualTlsSeconds").asDouble(), o.get("ratioMutualTls").asDouble());
        w.printf("  wire bytes per inference %d (relayed: each hop twice); outcomes identical to in-process%n", o.get("wireBytesPerInference").asLong());
        if (o.has("transferQubits")) {
            w.printf("transfer of 2^%d amplitudes (%d payload bytes), relayed alice→coordinator→bob, best of 3%n",
                    o.get("transferQubits").asInt(), o.get("transferPayloadBytes").asLong());
            for (String m : new String[] {"SharedSecret", "MutualTls"}) {
                w.printf("  %-14s %8.3f s   %d wire bytes   %.0f MiB/s on the wire%n", m.equals("MutualTls") ? "mutual TLS" : "shared secret",
                        o.get("transfer" + m + "Seconds").asDouble(), o.get("transfer" + m + "WireBytes").asLong(), o.get("transfer" + m + "MiBPerSecond").asDouble());
            }
        }
    }
}
