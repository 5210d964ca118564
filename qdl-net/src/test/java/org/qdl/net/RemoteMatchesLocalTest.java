package org.qdl.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qdl.protocol.Link;
import org.qdl.protocol.Network;
import org.qdl.protocol.Register;

class RemoteMatchesLocalTest {
    @ParameterizedTest
    @EnumSource(GrpcTransport.Route.class)
    void sameSeedsGiveIdenticalOutcomesAndLedgerOverSharedSecret(GrpcTransport.Route route) throws Exception {
        int n = 8, shots = 500;
        try (Deployment d = new Deployment(n, 11).serve(new Security.SharedSecret(Deployment.SECRET), PartyServer.Options.defaults())) {
            Network local = d.localNetwork();
            Network remote = d.remoteNetwork(Deployment.secretClient(Duration.ofSeconds(20)), route);
            assertArrayEquals(Deployment.infer(local, shots, 5), Deployment.infer(remote, shots, 5));
            assertEquals(Deployment.model().exactOutput(local), Deployment.model().exactOutput(remote), 0.0);
            // Same logical communication: qubits per directed link and rounds.
            for (Link l : List.of(new Link("alice", "bob"), new Link("bob", "alice"))) {
                assertEquals(local.ledger().stats(l).qubits(), remote.ledger().stats(l).qubits());
                assertEquals(local.ledger().stats(l).messages(), remote.ledger().stats(l).messages());
                assertEquals(0, local.ledger().stats(l).wireBytes());
            }
            assertEquals(local.ledger().rounds("alice", "bob"), remote.ledger().rounds("alice", "bob"));
            // Each hop moves 2^n complex128 amplitudes once (direct) or twice (relayed), plus protobuf framing.
            long hops = remote.ledger().total().messages();
            long legs = route == GrpcTransport.Route.DIRECT ? 1 : 2;
            long payload = hops * legs * (16L << n);
            long wire = remote.ledger().total().wireBytes();
            assertTrue(wire >= payload && wire < payload * 1.01 + hops * 200, "wire bytes " + wire + " vs payload " + payload);
        }
    }

    @Test
    void mutualTlsGivesTheSameOutcomes(@TempDir Path dir) throws Exception {
        CertificateAuthority.writeDeployment(dir, List.of("alice", "bob", "coordinator"), List.of("localhost", "127.0.0.1"), Duration.ofDays(1));
        int n = 6, shots = 300;
        try (Deployment d = new Deployment(n, 21)) {
            d.servers.put("alice", PartyServer.start(d.states.get("alice"), "127.0.0.1", 0, Security.MutualTls.fromDirectory(dir, "alice"), PartyServer.Options.defaults()));
            d.servers.put("bob", PartyServer.start(d.states.get("bob"), "127.0.0.1", 0, Security.MutualTls.fromDirectory(dir, "bob"), PartyServer.Options.defaults()));
            Network remote = d.remoteNetwork(new ClientSettings(Security.MutualTls.fromDirectory(dir, "coordinator"), "coordinator", Duration.ofSeconds(20)));
            assertArrayEquals(Deployment.infer(d.localNetwork(), shots, 9), Deployment.infer(remote, shots, 9));
        }
    }

    @Test
    void inverseLayerUndoesTheLayerRemotely() throws Exception {
        try (Deployment d = new Deployment(5, 31).serve(new Security.SharedSecret(Deployment.SECRET), PartyServer.Options.defaults())) {
            Network net = d.remoteNetwork(Deployment.secretClient(Duration.ofSeconds(20)));
            Register r = net.party("alice").encode("x", 0);
            net.moveRegister(r, "bob", "state");
            double before = net.party("bob").exactExpectation("O", r);
            net.party("bob").apply("U2", r);
            double rotated = net.party("bob").exactExpectation("O", r);
            net.party("bob").applyInverse("U2", r);
            assertEquals(before, net.party("bob").exactExpectation("O", r), 1e-12);
            assertTrue(Math.abs(before - rotated) > 1e-6, "U2 must change ⟨O⟩ for the test to mean anything");
            net.party("bob").discard(r);
            assertEquals(d.localNetwork().party("alice").dataNorm("x"), net.party("alice").dataNorm("x"), 0.0);
        }
    }
}
