package org.qdl.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdl.sim.InvalidInputException;

/** Configuration mistakes at connection time are refusals (exit 2) that say what to fix; a party that is down stays operational (exit 1). */
class HandshakeDiagnosisTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @Test
    void aSharedSecretSentToATlsServerIsARefusalSayingSo(@TempDir Path dir) throws Exception {
        CertificateAuthority.writeDeployment(dir, List.of("bob", "coordinator"), List.of("127.0.0.1"), Duration.ofDays(1));
        try (Deployment d = new Deployment(4, 1)) {
            d.servers.put("bob", PartyServer.start(d.states.get("bob"), "127.0.0.1", 0, Security.MutualTls.fromDirectory(dir, "bob"), PartyServer.Options.defaults()));
            RemotePartyException e = assertThrows(RemotePartyException.class, () -> d.connect("bob", Deployment.secretClient(DEADLINE)));
            assertEquals(Status.Code.UNAUTHENTICATED, e.code(), e.getMessage());
            assertFalse(e.operational());
            assertTrue(e.getMessage().contains("served with mutual TLS (--tls-dir), but this client sent a shared-secret token"), e.getMessage());
        }
    }

    @Test
    void tlsSentToASharedSecretServerIsARefusalSayingSo(@TempDir Path dir) throws Exception {
        CertificateAuthority.writeDeployment(dir, List.of("bob", "coordinator"), List.of("127.0.0.1"), Duration.ofDays(1));
        try (Deployment d = new Deployment(4, 1).serve(new Security.SharedSecret(Deployment.SECRET), PartyServer.Options.defaults())) {
            ClientSettings tls = new ClientSettings(Security.MutualTls.fromDirectory(dir, "coordinator"), "coordinator", DEADLINE);
            RemotePartyException e = assertThrows(RemotePartyException.class, () -> d.connect("bob", tls));
            assertEquals(Status.Code.UNAUTHENTICATED, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("served with a shared secret (--secret-file, plain text), but this client speaks mutual TLS"), e.getMessage());
        }
    }

    @Test
    void aPartyThatIsNotListeningStaysAnOperationalFailure() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort(); // free again once closed: nobody listens there
        }
        RemotePartyException e = assertThrows(RemotePartyException.class,
                () -> RemoteParty.connect(new PartyAddress("bob", "127.0.0.1", port), Deployment.secretClient(DEADLINE)));
        assertEquals(Status.Code.UNAVAILABLE, e.code());
        assertTrue(e.operational());
        assertTrue(e.getMessage().contains("connection refused (no party server is listening there"), e.getMessage());
    }

    @Test
    void tlsFilesFromTwoRunsAreRefusedBeforeConnecting(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a"), b = dir.resolve("b"), mixed = Files.createDirectories(dir.resolve("mixed"));
        CertificateAuthority.writeDeployment(a, List.of("coordinator"), List.of("127.0.0.1"), Duration.ofDays(1));
        CertificateAuthority.writeDeployment(b, List.of("coordinator"), List.of("127.0.0.1"), Duration.ofDays(1));
        Files.copy(a.resolve("ca.pem"), mixed.resolve("ca.pem"));
        Files.copy(b.resolve("coordinator.pem"), mixed.resolve("coordinator.pem"));
        Files.copy(b.resolve("coordinator.key"), mixed.resolve("coordinator.key"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Security.MutualTls.fromDirectory(mixed, "coordinator"));
        assertEquals(mixed.resolve("coordinator.pem") + " is not signed by the CA in " + mixed.resolve("ca.pem")
                + " (files from different 'qdl party certs' runs): the other side would refuse it", e.getMessage());
        Files.writeString(mixed.resolve("ca.pem"), "not a certificate\n");
        e = assertThrows(InvalidInputException.class, () -> Security.MutualTls.fromDirectory(mixed, "coordinator"));
        assertTrue(e.getMessage().startsWith(mixed.resolve("ca.pem") + " is not a PEM certificate"), e.getMessage());
    }
}
