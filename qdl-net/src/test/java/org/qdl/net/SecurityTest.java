package org.qdl.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @Test
    void wrongSharedSecretIsRejectedWithAClearMessage() throws Exception {
        try (Deployment d = new Deployment(4, 1).serve(new Security.SharedSecret(Deployment.SECRET), PartyServer.Options.defaults())) {
            ClientSettings wrong = new ClientSettings(new Security.SharedSecret("another-secret-0123456789".getBytes(StandardCharsets.UTF_8)), "coordinator", DEADLINE);
            RemotePartyException e = assertThrows(RemotePartyException.class, () -> d.connect("bob", wrong));
            assertEquals(Status.Code.UNAUTHENTICATED, e.code());
            assertTrue(e.getMessage().contains("party bob") && e.getMessage().contains("open session")
                    && e.getMessage().contains("wrong shared secret"), e.getMessage());
        }
    }

    @Test
    void tokenMadeForAnotherPartyOrANameNotAllowedIsRejected() throws Exception {
        try (Deployment d = new Deployment(4, 1).serve(new Security.SharedSecret(Deployment.SECRET), PartyServer.Options.defaults())) {
            // Asking bob's server for alice: the token is bound to "alice", so bob cannot verify it.
            RemotePartyException wrongParty = assertThrows(RemotePartyException.class, () -> RemoteParty.connect(
                    new PartyAddress("alice", "127.0.0.1", d.servers.get("bob").port()), Deployment.secretClient(DEADLINE)));
            assertEquals(Status.Code.UNAUTHENTICATED, wrongParty.code(), wrongParty.getMessage());
            // A correct token for a client name the party does not allow.
            ClientSettings mallory = new ClientSettings(new Security.SharedSecret(Deployment.SECRET), "mallory", DEADLINE);
            RemotePartyException denied = assertThrows(RemotePartyException.class, () -> d.connect("bob", mallory));
            assertEquals(Status.Code.PERMISSION_DENIED, denied.code());
            assertTrue(denied.getMessage().contains("client 'mallory' may not drive party bob"), denied.getMessage());
        }
    }

    @Test
    void certificateFromAnotherCaIsRejected(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good"), rogue = dir.resolve("rogue");
        CertificateAuthority.writeDeployment(good, List.of("bob", "coordinator"), List.of("127.0.0.1"), Duration.ofDays(1));
        CertificateAuthority.writeDeployment(rogue, List.of("bob", "coordinator"), List.of("127.0.0.1"), Duration.ofDays(1));
        try (Deployment d = new Deployment(4, 1)) {
            d.servers.put("bob", PartyServer.start(d.states.get("bob"), "127.0.0.1", 0, Security.MutualTls.fromDirectory(good, "bob"), PartyServer.Options.defaults()));
            // A client whose certificate (and CA) is not the deployment's: the server refuses the handshake.
            Security.MutualTls foreign = new Security.MutualTls(good.resolve("ca.pem"), rogue.resolve("coordinator.pem"), rogue.resolve("coordinator.key"));
            RemotePartyException e = assertThrows(RemotePartyException.class, () -> d.connect("bob", new ClientSettings(foreign, "coordinator", DEADLINE)));
            // a configuration mistake, not a party that is down: a refusal (exit 2) naming the certificate
            assertEquals(Status.Code.UNAUTHENTICATED, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("party bob") && e.getMessage().contains("open session")
                    && e.getMessage().contains("refused this client's certificate " + rogue.resolve("coordinator.pem")), e.getMessage());
            // A client that trusts only the rogue CA refuses the real server.
            Security.MutualTls distrust = Security.MutualTls.fromDirectory(rogue, "coordinator");
            RemotePartyException e2 = assertThrows(RemotePartyException.class, () -> d.connect("bob", new ClientSettings(distrust, "coordinator", DEADLINE)));
            assertTrue(e2.getMessage().contains("TLS handshake failed"), e2.getMessage());
            assertEquals(Status.Code.UNAUTHENTICATED, e2.code(), e2.getMessage());
            assertTrue(e2.getMessage().contains(rogue.resolve("ca.pem") + " must be the CA that signed the party's certificate"), e2.getMessage());
        }
    }

    @Test
    void certificateOfAnotherPartyDoesNotPass(@TempDir Path dir) throws Exception {
        CertificateAuthority.writeDeployment(dir, List.of("alice", "bob", "coordinator"), List.of("127.0.0.1"), Duration.ofDays(1));
        try (Deployment d = new Deployment(4, 1)) {
            // Server bob runs with alice's certificate: the coordinator must not take it for bob.
            Security.MutualTls asAlice = Security.MutualTls.fromDirectory(dir, "alice");
            d.servers.put("bob", PartyServer.start(d.states.get("bob"), "127.0.0.1", 0, asAlice, PartyServer.Options.defaults()));
            RemotePartyException e = assertThrows(RemotePartyException.class,
                    () -> d.connect("bob", new ClientSettings(Security.MutualTls.fromDirectory(dir, "coordinator"), "coordinator", DEADLINE)));
            assertTrue(e.getMessage().contains("not of party 'bob'"), e.getMessage());
            d.servers.remove("bob").close();
            // Client alice (valid certificate) claiming to be the coordinator is caught by the server.
            d.servers.put("bob", PartyServer.start(d.states.get("bob"), "127.0.0.1", 0, Security.MutualTls.fromDirectory(dir, "bob"), PartyServer.Options.defaults()));
            RemotePartyException claim = assertThrows(RemotePartyException.class,
                    () -> d.connect("bob", new ClientSettings(Security.MutualTls.fromDirectory(dir, "alice"), "coordinator", DEADLINE)));
            assertEquals(Status.Code.UNAUTHENTICATED, claim.code());
            assertTrue(claim.getMessage().contains("claims to be 'coordinator' but its certificate is for 'alice'"), claim.getMessage());
        }
    }

    @Test
    void noRpcRevealsParametersOrData() throws Exception {
        // The service's methods are the contract: none returns a vector's entries or a layer's parameters.
        List<String> methods = new java.util.ArrayList<>();
        for (var m : org.qdl.net.proto.PartyServiceGrpc.getServiceDescriptor().getMethods()) methods.add(m.getBareMethodName());
        assertEquals(List.of("OpenSession", "Encode", "DataNorm", "Apply", "ApplyGate", "ApplyControlledObservable", "Measure",
                "ExactExpectation", "Release", "Accept", "Discard", "SendClassical", "CloseSession", "SendTo", "GeneratorStructure",
                "UpdateLayer", "ObservableShape", "SaveLayers", "RestoreLayers"), methods);
        // Checkpoint RPCs answer Ack only: the parameters stay in the party's state directory.
        assertEquals(org.qdl.net.proto.Ack.getDescriptor(), org.qdl.net.proto.PartyServiceGrpc.getSaveLayersMethod().getResponseMarshaller()
                .parse(new java.io.ByteArrayInputStream(new byte[0])).getDescriptorForType());
        assertEquals(org.qdl.net.proto.Ack.getDescriptor(), org.qdl.net.proto.PartyServiceGrpc.getRestoreLayersMethod().getResponseMarshaller()
                .parse(new java.io.ByteArrayInputStream(new byte[0])).getDescriptorForType());
        // The gradient replies carry structure, outcomes and ranges; parameters only ever travel to the party (UpdateLayer).
        for (var f : org.qdl.net.proto.GeneratorStructureReply.getDescriptor().getFields()) {
            assertTrue(f.getJavaType() != com.google.protobuf.Descriptors.FieldDescriptor.JavaType.DOUBLE, "GeneratorStructureReply carries no angles: " + f.getName());
        }
        for (var f : org.qdl.net.proto.SessionInfo.getDescriptor().getFields()) {
            assertTrue(f.getJavaType() != com.google.protobuf.Descriptors.FieldDescriptor.JavaType.DOUBLE, "SessionInfo carries no real values: " + f.getName());
        }
        for (var f : org.qdl.net.proto.LayerInfo.getDescriptor().getFields()) {
            assertTrue(f.getJavaType() != com.google.protobuf.Descriptors.FieldDescriptor.JavaType.DOUBLE, "LayerInfo carries no parameter values: " + f.getName());
        }
        assertTrue(Files.exists(Path.of("src/main/proto/qdl/party.proto")), "the .proto is checked in");
    }

    @Test
    void aPeerMayOnlyDeliverIntoSessionsThatNameIt() throws Exception {
        try (Deployment d = new Deployment(3, 1).serve(new Security.SharedSecret(Deployment.SECRET), PartyServer.Options.defaults())) {
            RemoteParty bob = d.connect("bob", Deployment.secretClient(DEADLINE)); // session without accept_from
            io.grpc.ManagedChannel asAlice = RemoteParty.channel(d.address("bob"), new Security.SharedSecret(Deployment.SECRET), "alice");
            try {
                var stub = org.qdl.net.proto.PartyServiceGrpc.newBlockingStub(asAlice).withDeadlineAfter(5, java.util.concurrent.TimeUnit.SECONDS);
                // Apply (or anything but Accept) is for the coordinator only.
                io.grpc.StatusRuntimeException drive = assertThrows(io.grpc.StatusRuntimeException.class, () -> stub.apply(
                        org.qdl.net.proto.ApplyRequest.newBuilder().setLayerKey("U2").setRegister("r").build()));
                assertEquals(Status.Code.PERMISSION_DENIED, drive.getStatus().getCode());
                assertTrue(drive.getStatus().getDescription().contains("client 'alice' may not drive party bob"), drive.getMessage());
                // Accept into a session that did not name alice.
                RemoteParty aliceClient = d.connect("alice", Deployment.secretClient(DEADLINE));
                org.qdl.protocol.Register r = aliceClient.encode("x", 0);
                org.qdl.sim.state.StateVector st = aliceClient.release(r);
                var up = new ChunkUpload();
                org.qdl.net.proto.PartyServiceGrpc.newStub(asAlice).withDeadlineAfter(5, java.util.concurrent.TimeUnit.SECONDS).accept(up);
                io.grpc.StatusRuntimeException deliver = assertThrows(io.grpc.StatusRuntimeException.class, () -> {
                    AmplitudeCodec.split(st, bob.session(), r.id(), up::send);
                    up.finish();
                });
                assertEquals(Status.Code.PERMISSION_DENIED, deliver.getStatus().getCode());
                assertTrue(deliver.getStatus().getDescription().contains("'alice' may not deliver registers into session"), deliver.getMessage());
            } finally {
                asAlice.shutdownNow().awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void exactExpectationCanBeDisabled() throws Exception {
        try (Deployment d = new Deployment(4, 1).serve(new Security.SharedSecret(Deployment.SECRET), PartyServer.Options.defaults().withExactExpectation(false))) {
            var net = d.remoteNetwork(Deployment.secretClient(DEADLINE));
            RemotePartyException e = assertThrows(RemotePartyException.class, () -> Deployment.model().exactOutput(net));
            assertTrue(e.getMessage().contains("does not give exact expectations"), e.getMessage());
        }
    }
}
