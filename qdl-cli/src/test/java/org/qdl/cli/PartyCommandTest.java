package org.qdl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdl.net.PartyServer;
import org.qdl.net.PartyState;
import org.qdl.net.Security;

/** The coordinator command against real party servers on loopback gives the in-process result. */
class PartyCommandTest {
    private static String[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void remoteInferenceOverMutualTlsMatchesInProcess(@TempDir Path dir) throws Exception {
        String[] ex = run("party", "example", "--out", dir.resolve("st").toString(), "-n", "6", "-L", "4", "--seed", "2");
        assertEquals("0", ex[0], ex[2]);
        String[] certs = run("party", "certs", "--out", dir.resolve("certs").toString(), "--parties", "alice,bob,coordinator");
        assertEquals("0", certs[0], certs[2]);
        Path tls = dir.resolve("certs");
        try (PartyServer alice = PartyServer.start(PartyState.load(dir.resolve("st/alice")), "127.0.0.1", 0,
                Security.MutualTls.fromDirectory(tls, "alice"), PartyServer.Options.defaults());
             PartyServer bob = PartyServer.start(PartyState.load(dir.resolve("st/bob")), "127.0.0.1", 0,
                Security.MutualTls.fromDirectory(tls, "bob"), PartyServer.Options.defaults())) {
            List<String> model = List.of("--data", "alice:x", "--stages", "alice:U1,bob:U2,alice:U3,bob:U4", "--observable", "bob:O",
                    "--shots", "400", "--seed", "5", "--exact", "--json");
            String[] remote = run(concat(List.of("party", "infer", "--party", "alice=127.0.0.1:" + alice.port(),
                    "--party", "bob=127.0.0.1:" + bob.port(), "--tls-dir", tls.toString()), model));
            String[] local = run(concat(List.of("party", "infer", "--local", "alice=" + dir.resolve("st/alice"),
                    "--local", "bob=" + dir.resolve("st/bob")), model));
            assertEquals("0", remote[0], remote[2]);
            assertEquals("0", local[0], local[2]);
            var om = new com.fasterxml.jackson.databind.ObjectMapper();
            var r = om.readTree(remote[1]);
            var l = om.readTree(local[1]);
            assertEquals(l.get("estimate").asDouble(), r.get("estimate").asDouble(), 0.0);
            assertEquals(l.get("exact").asDouble(), r.get("exact").asDouble(), 0.0);
            assertEquals(l.get("links"), om.readTree(r.get("links").toString().replaceAll("\"wireBytes\":\\d+", "\"wireBytes\":0")));
            assertTrue(r.get("wireBytesMoved").asLong() > 0);
        }
    }

    @Test
    void unreachablePartyIsAOneLineOperationalFailureWithExitCode1(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "0123456789abcdef0123456789abcdef\n");
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String[] r = run("party", "infer", "--party", "alice=127.0.0.1:" + port, "--secret-file", secret.toString(), "--deadline", "3",
                "--data", "alice:x", "--stages", "alice:U1", "--observable", "alice:O");
        assertEquals("1", r[0], r[2]); // operational failure, not a user mistake
        assertTrue(r[2].startsWith("qdl party infer: party alice at 127.0.0.1:" + port + " is unreachable during step 'open session'"), r[2]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
    }

    private static String[] concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all.toArray(new String[0]);
    }
}
