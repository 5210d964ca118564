package org.qdl.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qdl.protocol.Network;
import org.qdl.protocol.Party;
import org.qdl.protocol.Register;
import org.qdl.protocol.model.DistributedModel;

/**
 * Test fixture: the two-party model of NetworkCoreTest (alice holds x, U1, U3; bob holds U2, U4 and
 * O) described as party.json files, served by real servers on loopback ports picked at runtime.
 */
final class Deployment implements AutoCloseable {
    static final byte[] SECRET = "test-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    final Map<String, PartyState> states = new LinkedHashMap<>();
    final Map<String, PartyServer> servers = new LinkedHashMap<>();
    final List<RemoteParty> clients = new ArrayList<>();

    static String alice(int n, long seed) {
        return "{\"name\":\"alice\",\"data\":{\"x\":{\"type\":\"gaussian\",\"length\":" + (1 << n) + ",\"seed\":" + seed + "}},"
                + "\"layers\":{\"U1\":{\"type\":\"hardwareEfficient\",\"qubits\":" + n + ",\"seed\":" + (seed + 1) + "},"
                + "\"U3\":{\"type\":\"hardwareEfficient\",\"qubits\":" + n + ",\"seed\":" + (seed + 3) + "}}}";
    }

    static String bob(int n, long seed) {
        return "{\"name\":\"bob\",\"layers\":{\"U2\":{\"type\":\"hardwareEfficient\",\"qubits\":" + n + ",\"seed\":" + (seed + 2) + "},"
                + "\"U4\":{\"type\":\"hardwareEfficient\",\"qubits\":" + n + ",\"seed\":" + (seed + 4) + "}},"
                + "\"observables\":{\"O\":{\"type\":\"pauliSum\",\"terms\":\"0.7 Z0 Z1 - 0.3 X2\"}}}";
    }

    static DistributedModel model() {
        return DistributedModel.builder("alice", "x").layer("alice", "U1").layer("bob", "U2")
                .layer("alice", "U3").layer("bob", "U4").observable("bob", "O").build();
    }

    Deployment(int n, long seed) {
        states.put("alice", PartyState.parse(alice(n, seed), Path.of("."), "alice.json"));
        states.put("bob", PartyState.parse(bob(n, seed), Path.of("."), "bob.json"));
    }

    Deployment serve(Security security, PartyServer.Options options) throws IOException {
        for (PartyState s : states.values()) servers.put(s.name(), PartyServer.start(s, "127.0.0.1", 0, security, options));
        return this;
    }

    PartyAddress address(String party) {
        return new PartyAddress(party, "127.0.0.1", servers.get(party).port());
    }

    RemoteParty connect(String party, ClientSettings settings) {
        RemoteParty p = RemoteParty.connect(address(party), settings);
        clients.add(p);
        return p;
    }

    static ClientSettings secretClient(Duration deadline) {
        return new ClientSettings(new Security.SharedSecret(SECRET), "coordinator", deadline);
    }

    /** A network whose parties are all remote, exchanging registers directly. */
    Network remoteNetwork(ClientSettings settings) {
        return remoteNetwork(settings, GrpcTransport.Route.DIRECT);
    }

    Network remoteNetwork(ClientSettings settings, GrpcTransport.Route route) {
        List<PartyAddress> addrs = new ArrayList<>();
        for (String name : states.keySet()) addrs.add(address(name));
        Coordinator c = Coordinator.connect(addrs, List.of(), settings, route);
        clients.addAll(c.remoteParties());
        return c.network();
    }

    /** The same parties in this process. */
    Network localNetwork() {
        Network net = new Network();
        for (PartyState s : states.values()) net.add(s.newParty());
        return net;
    }

    /** One inference: forward pass and `shots` single-shot outcomes of O. */
    static double[] infer(Network net, int shots, long seed) {
        DistributedModel m = model();
        m.validate(net);
        return net.repeated(shots, () -> {
            Register r = m.forward(net, 0);
            Party o = net.party(m.observableParty());
            return o.measure(m.observableKey(), r, shots, seed);
        });
    }

    @Override
    public void close() {
        for (RemoteParty c : clients) c.close();
        for (PartyServer s : servers.values()) s.close();
    }
}
