package org.qdl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdl.net.PartyServer;
import org.qdl.net.PartyState;
import org.qdl.net.Security;

/**
 * qdl train and qdl infer as coordinators of party servers on loopback: the same files and numbers
 * as in-process; a party crashing mid-training is one line naming it and the step (exit 1), and
 * the run resumed after its restart writes the uninterrupted run's CSV byte for byte.
 */
class RemoteCoordinatorCommandsTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final List<String> TASK = List.of("--n", "4", "--layers", "3", "--train", "6", "--test", "4", "--noise", "0.8",
            "--seed", "11", "--batch", "2", "--epochs", "2", "--epsilon", "0.3", "--delta", "0.2", "--lr", "0.2");

    private static String[] run(List<String> args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(args.toArray(new String[0]), new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    private static List<String> args(List<String> a, String... more) {
        List<String> all = new ArrayList<>(a);
        all.addAll(List.of(more));
        return all;
    }

    private static PartyServer serve(Path st, String party, int port, ServerInterceptor... extra) throws Exception {
        PartyServer.Options o = PartyServer.Options.defaults();
        for (ServerInterceptor i : extra) o = o.withInterceptor(i);
        return PartyServer.start(PartyState.load(st.resolve(party)), "127.0.0.1", port,
                new Security.SharedSecret(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8)), o);
    }

    /** Crashes the server (as a kill would) at its k-th UpdateLayer call, failing that call. */
    private static ServerInterceptor crashAtUpdate(int k, AtomicReference<PartyServer> self) {
        AtomicInteger seen = new AtomicInteger();
        return new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                if (call.getMethodDescriptor().getBareMethodName().equals("UpdateLayer") && seen.incrementAndGet() == k) {
                    new Thread(() -> self.get().kill()).start();
                    call.close(Status.UNAVAILABLE.withDescription("party crashed"), new Metadata());
                    return new ServerCall.Listener<>() {};
                }
                return next.startCall(call, headers);
            }
        };
    }

    @Test
    void remoteTrainingCrashAndResumeMatchInProcessByteForByte(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, SECRET + "\n");
        Path st = dir.resolve("st");
        String[] ex = run(List.of("party", "example", "--training", "--out", st.toString(), "-n", "2", "-L", "3", "--train", "6",
                "--test", "4", "--noise", "0.8", "--seed", "11"));
        assertEquals("0", ex[0], ex[2]);

        String[] local = run(args(prefix(TASK, "train"), "--out", dir.resolve("local").toString()));
        assertEquals("0", local[0], local[2]);
        // uninterrupted remote run
        try (PartyServer alice = serve(st, "alice", 0); PartyServer bob = serve(st, "bob", 0)) {
            List<String> remote = List.of("--party", "alice=127.0.0.1:" + alice.port(), "--party", "bob=127.0.0.1:" + bob.port(),
                    "--secret-file", secret.toString());
            String[] whole = run(args(prefix(TASK, "train"), concat(remote, "--out", dir.resolve("remote").toString())));
            assertEquals("0", whole[0], whole[2]);
            assertEquals(Files.readString(dir.resolve("local/train-epochs.csv")), Files.readString(dir.resolve("remote/train-epochs.csv")));
        }

        // bob crashes in step 3; checkpoints every 2 steps
        AtomicReference<PartyServer> bobRef = new AtomicReference<>();
        PartyServer alice = serve(st, "alice", 0);
        PartyServer bob = serve(st, "bob", 0, crashAtUpdate(3, bobRef));
        bobRef.set(bob);
        int bobPort = bob.port();
        try {
            List<String> remote = List.of("--party", "alice=127.0.0.1:" + alice.port(), "--party", "bob=127.0.0.1:" + bobPort,
                    "--secret-file", secret.toString(), "--deadline", "5");
            Path out = dir.resolve("crash");
            String[] crashed = run(args(prefix(TASK, "train"), concat(remote, "--out", out.toString(), "--checkpoint-every", "2", "--run-id", "t1")));
            assertEquals("1", crashed[0], crashed[2]); // operational failure: exit 1
            String line = crashed[2].substring(crashed[2].lastIndexOf("qdl train: "));
            assertEquals(1, line.strip().lines().count(), crashed[2]);
            assertTrue(line.startsWith("qdl train: party bob at 127.0.0.1:" + bobPort), line);
            assertTrue(line.contains("step 'update U2'") && line.contains("training stopped in step 3 of 6")
                    && line.contains("--resume " + out.resolve("checkpoints/checkpoint-2.json")), line);
            assertTrue(!crashed[2].contains("\tat "), "no stack trace: " + crashed[2]);

            bob.awaitTermination();
            bob = serve(st, "bob", bobPort); // restarted on the same port and state dir
            String[] resumed = run(List.of("train", "--resume", out.resolve("checkpoints/checkpoint-2.json").toString(), "--out", out.toString(),
                    "--checkpoint-every", "2", "--party", "alice=127.0.0.1:" + alice.port(), "--party", "bob=127.0.0.1:" + bobPort,
                    "--secret-file", secret.toString()));
            assertEquals("0", resumed[0], resumed[2]);
            assertEquals(Files.readString(dir.resolve("local/train-epochs.csv")), Files.readString(out.resolve("train-epochs.csv")));
            assertTrue(Files.isRegularFile(st.resolve("bob/runs/t1/step-6.json")), "bob keeps its trained layers");
        } finally {
            alice.close();
            bob.close();
        }
    }

    @Test
    void inferInProcessAndRemoteGiveTheSameResult(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, SECRET + "\n");
        Path st = dir.resolve("st");
        assertEquals("0", run(List.of("party", "example", "--out", st.toString(), "-n", "5", "-L", "4", "--seed", "3"))[0]);
        List<String> common = List.of("infer", "-n", "5", "-L", "4", "--model-seed", "3", "--epsilon", "0.2", "--delta", "0.1", "--seed", "9", "--json");
        String[] local = run(common);
        assertEquals("0", local[0], local[2]);
        try (PartyServer alice = serve(st, "alice", 0); PartyServer bob = serve(st, "bob", 0)) {
            String[] remote = run(concat(common, "--party", "alice=127.0.0.1:" + alice.port(), "--party", "bob=127.0.0.1:" + bob.port(),
                    "--secret-file", secret.toString()));
            assertEquals("0", remote[0], remote[2]);
            String[] mixed = run(concat(common, "--party", "bob=127.0.0.1:" + bob.port(), "--secret-file", secret.toString()));
            assertEquals("0", mixed[0], mixed[2]);
            ObjectMapper om = new ObjectMapper();
            JsonNode l = om.readTree(local[1]);
            for (String[] other : List.of(remote, mixed)) {
                JsonNode r = om.readTree(other[1]);
                for (String k : List.of("shots", "estimate", "lower", "upper", "exact", "qubits", "classicalBits", "rounds")) {
                    assertEquals(l.get(k), r.get(k), k);
                }
                assertEquals(l.get("links"), om.readTree(r.get("links").toString().replaceAll("\"wireBytes\":\\d+", "\"wireBytes\":0")));
            }
            assertTrue(l.get("lower").asDouble() <= l.get("exact").asDouble() && l.get("exact").asDouble() <= l.get("upper").asDouble(), local[1]);
        }
    }

    private static List<String> prefix(List<String> a, String first) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(a);
        return all;
    }

    private static List<String> concat(List<String> a, String... more) {
        return args(a, more);
    }

    private static List<String> args(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
