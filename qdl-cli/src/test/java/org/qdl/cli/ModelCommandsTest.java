package org.qdl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdl.net.PartyServer;
import org.qdl.net.Security;
import org.qdl.protocol.model.QdlModel;
import org.qdl.protocol.model.file.ModelFile;

/** qdl model check, qdl infer --model in process and with remote parties serving their shares, qdl party serve --model errors. */
class ModelCommandsTest {
    static final String SECRET = "0123456789abcdef0123456789abcdef";
    static final Path MODELS = Path.of("../examples/models");

    static String[] run(List<String> args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(args.toArray(new String[0]), new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    static List<String> concat(List<String> a, String... more) {
        List<String> all = new ArrayList<>(a);
        all.addAll(List.of(more));
        return all;
    }

    /** Serves {@code party}'s share exactly as 'qdl party serve --model FILE --as NAME' does. */
    static PartyServer serve(Path model, String party) throws Exception {
        QdlModel m = ModelFile.loadFor(model, party);
        return PartyServer.start(party, () -> m.newParty(party), model.toAbsolutePath().getParent(), "127.0.0.1", 0,
                new Security.SharedSecret(SECRET.getBytes(StandardCharsets.UTF_8)), PartyServer.Options.defaults());
    }

    @Test
    void checkReportsPartiesHopsParametersAndTheLedgerOfOneExecution() throws Exception {
        String[] r = run(List.of("model", "check", MODELS.resolve("fig2/model.json").toString()));
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("route: alice → bob → alice → bob (3 hops of 6 qubits)"), r[1]);
        assertTrue(r[1].contains("B2 (6 q, 4; frozen b0)"), r[1]);
        assertTrue(r[1].contains("total 18 qubits, 0 classical bits, 3 rounds"), r[1]);
        String[] j = run(List.of("model", "check", "--json", MODELS.resolve("pipeline/model.json").toString()));
        assertEquals("0", j[0], j[2]);
        JsonNode n = new ObjectMapper().readTree(j[1]);
        assertEquals(12, n.get("oneExecution").get("qubits").asInt()); // d0→d1→d2→d3, 4 qubits each
        assertEquals(64, n.get("oneExecution").get("classicalBits").asInt()); // ‖x‖ as one float64, d0→d3
        assertEquals(3, n.get("parties").get(3).get("parameters").asInt()); // d3: L3 with zz03 frozen, D frozen
        assertEquals(List.of("d0", "d1", "d2", "d3"), new ObjectMapper().convertValue(n.get("route"), List.class));
    }

    @Test
    void inferWithRemotePartiesServingTheirSharesMatchesInProcess(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, SECRET + "\n");
        ObjectMapper om = new ObjectMapper();
        for (String[] c : new String[][] {{"fig2", "bob"}, {"pipeline", "d1", "d2"}, {"reupload", "alice", "bob"}}) {
            Path model = MODELS.resolve(c[0]).resolve("model.json");
            List<String> common = List.of("infer", "--model", model.toString(), "--epsilon", "0.1", "--delta", "0.05", "--seed", "4", "--json");
            String[] local = run(common);
            assertEquals("0", local[0], local[2]);
            List<PartyServer> servers = new ArrayList<>();
            try {
                List<String> remote = new ArrayList<>(common);
                for (int i = 1; i < c.length; i++) {
                    PartyServer s = serve(model, c[i]);
                    servers.add(s);
                    remote.addAll(List.of("--party", c[i] + "=127.0.0.1:" + s.port()));
                }
                remote.addAll(List.of("--secret-file", secret.toString()));
                String[] r = run(remote);
                assertEquals("0", r[0], r[2]);
                JsonNode a = om.readTree(local[1]), b = om.readTree(r[1]);
                for (String k : List.of("shots", "estimate", "lower", "upper", "exact", "qubits", "classicalBits", "rounds")) assertEquals(a.get(k), b.get(k), c[0] + " " + k);
                assertTrue(a.get("lower").asDouble() <= a.get("exact").asDouble() && a.get("exact").asDouble() <= a.get("upper").asDouble(), local[1]);
            } finally {
                for (PartyServer s : servers) s.close();
            }
        }
    }

    @Test
    void badModelInputIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, SECRET + "\n");
        String fig2 = MODELS.resolve("fig2/model.json").toString();
        String[][] cases = {
            {"party", "serve", "--model", fig2, "--as", "carol", "--listen", "127.0.0.1:0", "--secret-file", secret.toString()},
            {"party", "serve", "--model", fig2, "--listen", "127.0.0.1:0", "--secret-file", secret.toString()},
            {"infer", "--model", dir.resolve("none.json").toString()},
            {"model", "check", dir.toString()},
        };
        String[] expect = {"no party named 'carol'", "--model needs --as", "none.json: no such file", "is a directory"};
        for (int i = 0; i < cases.length; i++) {
            String[] r = run(List.of(cases[i]));
            assertEquals("2", r[0], r[2]);
            assertEquals(1, r[2].strip().lines().count(), r[2]);
            assertTrue(r[2].contains(expect[i]), r[2]);
        }
    }
}
