package org.qdl.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdl.learning.checkpoint.Checkpoint;
import org.qdl.learning.checkpoint.CheckpointIO;
import org.qdl.learning.train.EpochRecord;
import org.qdl.learning.train.TrainConfig;
import org.qdl.learning.train.Trainer;
import org.qdl.protocol.LocalParty;

/**
 * Training with alice and bob as party servers on loopback: same seeds → the in-process run bit for
 * bit (history, communication, final parameters as each party saved them); a party killed
 * mid-run stops the coordinator with its name; restarted on the same state dir and port, the run
 * resumes from the last checkpoint and ends identical to the uninterrupted one.
 */
class RemoteTrainingTest {
    private static final Duration BOUND = Duration.ofSeconds(40);
    private static final ClientSettings CLIENT = Deployment.secretClient(Duration.ofSeconds(10));
    private static final Security SECRET = new Security.SharedSecret(Deployment.SECRET);

    // N = 4 (2 qubits), L = 3 (alice U1 U3, bob U2), 6 examples, batch 2: 3 steps an epoch, 2 epochs
    private static TrainConfig config(String estimator) {
        return new TrainConfig(4, 3, 6, 4, 0.8, 11, estimator, "logistic", "adam", 0.2, 2, 2, 0.3, 0.2);
    }

    private static Path states(Path dir, TrainConfig c) throws IOException {
        for (String p : List.of("alice", "bob")) {
            Files.createDirectories(dir.resolve(p));
            Files.writeString(dir.resolve(p).resolve(PartyState.FILE_NAME),
                    TwoPartyExample.trainingJson(p, c.n(), c.layers(), c.trainCount(), c.testCount(), c.noise(), c.seed()));
        }
        return dir;
    }

    private static PartyServer serve(Path dir, String party, int port) throws IOException {
        return PartyServer.start(PartyState.load(dir.resolve(party)), "127.0.0.1", port, SECRET, PartyServer.Options.defaults());
    }

    private static Coordinator connect(PartyServer alice, PartyServer bob) {
        return Coordinator.connect(List.of(new PartyAddress("alice", "127.0.0.1", alice.port()), new PartyAddress("bob", "127.0.0.1", bob.port())),
                List.of(), CLIENT);
    }

    /** The layer parameters a party saved for (run, step), read from its state directory. */
    private static double[] saved(Path dir, String party, String run, long step, String layer) throws IOException {
        JsonNode n = new ObjectMapper().readTree(dir.resolve(party).resolve("runs").resolve(run).resolve("step-" + step + ".json").toFile());
        JsonNode a = n.get("layers").get(layer);
        double[] t = new double[a.size()];
        for (int j = 0; j < t.length; j++) t[j] = a.get(j).asDouble();
        return t;
    }

    private static void assertFinalParameters(Trainer local, Path dir, String run, long step) throws IOException {
        for (int l = 0; l < local.config().layers(); l++) {
            String holder = local.setup().holders().get(l), key = local.setup().layerKeys().get(l);
            double[] expected = ((LocalParty) local.setup().network().party(holder)).ownLayer(key).parameters();
            assertArrayEquals(expected, saved(dir, holder, run, step, key), 0.0, holder + " " + key);
        }
    }

    @Test
    void remoteTrainingEqualsInProcessForEveryEstimatorFamily(@TempDir Path dir) throws Exception {
        for (String estimator : List.of("simultaneous", "parameter-shift")) {
            TrainConfig c = config(estimator);
            Path st = states(dir.resolve(estimator), c);
            Trainer local = new Trainer(c);
            List<EpochRecord> expected = local.run(Long.MAX_VALUE, 0, null, new Trainer.Listener() {});
            try (PartyServer alice = serve(st, "alice", 0); PartyServer bob = serve(st, "bob", 0); Coordinator co = connect(alice, bob)) {
                Trainer remote = new Trainer(c, co.network(), co.partyCheckpoints(), "r1");
                List<EpochRecord> got = assertTimeoutPreemptively(BOUND, () -> remote.run(Long.MAX_VALUE, 0, null, new Trainer.Listener() {}));
                assertEquals(expected, got, estimator);
                assertEquals(local.communication(), remote.communication());
                assertTrue(expected.get(expected.size() - 1).trainLoss() < expected.get(0).trainLoss(), "the run trains: " + expected);
            }
            assertFinalParameters(local, st, "r1", c.totalSteps()); // the trained layers are the parties' own state
        }
    }

    @Test
    void killedPartyStopsTheRunAndResumeFromCheckpointEndsIdentical(@TempDir Path dir) throws Exception {
        TrainConfig c = config("simultaneous");
        Path st = states(dir, c);
        Trainer local = new Trainer(c);
        List<EpochRecord> expected = local.run(Long.MAX_VALUE, 0, null, new Trainer.Listener() {});
        Path cps = dir.resolve("checkpoints");

        PartyServer alice = serve(st, "alice", 0);
        PartyServer bob = serve(st, "bob", 0);
        int bobPort = bob.port();
        try {
            try (Coordinator co = connect(alice, bob)) {
                Trainer first = new Trainer(c, co.network(), co.partyCheckpoints(), "r2");
                PartyServer dying = bob;
                RemotePartyException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(RemotePartyException.class,
                        () -> first.run(Long.MAX_VALUE, 2, cps, new Trainer.Listener() {
                            @Override
                            public void step(long step, long total) {
                                if (step == 3) dying.kill(); // after checkpoint 2 and one more step: step 4 finds bob dead
                            }
                        })));
                assertEquals("bob", e.party());
                assertTrue(e.operational(), e.getMessage());
                // UNAVAILABLE when the coordinator finds bob gone, ABORTED when alice, delivering directly, does
                assertTrue(List.of(Status.Code.UNAVAILABLE, Status.Code.CANCELLED, Status.Code.ABORTED).contains(e.code()), e.getMessage());
                assertTrue(e.getMessage().startsWith("party bob at 127.0.0.1:" + bobPort), e.getMessage());
                assertEquals(3, first.nextStep());
            }
            bob = serve(st, "bob", bobPort); // back, on the same port and state directory
            Checkpoint cp = CheckpointIO.read(cps.resolve("checkpoint-2.json"));
            assertEquals("r2", cp.runId());
            assertTrue(cp.parameters().isEmpty(), "the coordinator's file holds no layer parameters: " + cp.parameters().keySet());
            try (Coordinator co = connect(alice, bob)) {
                Trainer resumed = Trainer.resume(cp, co.network(), co.partyCheckpoints());
                List<EpochRecord> got = assertTimeoutPreemptively(BOUND, () -> resumed.run(Long.MAX_VALUE, 2, cps, new Trainer.Listener() {}));
                assertEquals(expected, got);
                assertEquals(local.communication(), resumed.communication());
                assertEquals(CheckpointIO.toJson(local.checkpoint().optimizer()), CheckpointIO.toJson(resumed.checkpoint().optimizer()));
            }
            assertFinalParameters(local, st, "r2", c.totalSteps());
            // a step nobody saved is refused by the party, by name
            try (Coordinator co = connect(alice, bob)) {
                RemotePartyException missing = assertThrows(RemotePartyException.class, () -> co.partyCheckpoints().restore("bob", "r2", 5));
                assertEquals(Status.Code.NOT_FOUND, missing.code());
                assertTrue(!missing.operational());
                RemotePartyException traversal = assertThrows(RemotePartyException.class, () -> co.partyCheckpoints().save("alice", "../x", 1));
                assertEquals(Status.Code.INVALID_ARGUMENT, traversal.code());
            }
        } finally {
            alice.close();
            bob.close();
        }
    }

    @Test
    void hungPartyStopsTrainingAtTheDeadlineNamingPartyAndStep(@TempDir Path dir) throws Exception {
        TrainConfig c = config("simultaneous");
        Path st = states(dir, c);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger updates = new java.util.concurrent.atomic.AtomicInteger();
        io.grpc.ServerInterceptor hangAtSecondUpdate = new io.grpc.ServerInterceptor() {
            @Override
            public <Q, R> io.grpc.ServerCall.Listener<Q> interceptCall(io.grpc.ServerCall<Q, R> call, io.grpc.Metadata headers,
                                                                      io.grpc.ServerCallHandler<Q, R> next) {
                if (call.getMethodDescriptor().getBareMethodName().equals("UpdateLayer") && updates.incrementAndGet() == 2) {
                    try {
                        release.await(); // hangs, as a stuck party would, until the test ends
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return next.startCall(call, headers);
            }
        };
        Duration deadline = Duration.ofMillis(1500);
        try (PartyServer alice = serve(st, "alice", 0);
             PartyServer bob = PartyServer.start(PartyState.load(st.resolve("bob")), "127.0.0.1", 0, SECRET,
                     PartyServer.Options.defaults().withInterceptor(hangAtSecondUpdate));
             Coordinator co = Coordinator.connect(List.of(new PartyAddress("alice", "127.0.0.1", alice.port()),
                     new PartyAddress("bob", "127.0.0.1", bob.port())), List.of(), Deployment.secretClient(deadline))) {
            Trainer t = new Trainer(c, co.network(), co.partyCheckpoints(), "r3");
            RemotePartyException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(RemotePartyException.class,
                    () -> t.run(Long.MAX_VALUE, 0, null, new Trainer.Listener() {})));
            assertEquals(Status.Code.DEADLINE_EXCEEDED, e.code(), e.getMessage());
            assertTrue(e.operational());
            assertEquals("bob", e.party());
            assertEquals("update U2", e.step());
            assertTrue(e.getMessage().contains("within the deadline of 1500 ms") && e.getMessage().contains("step 'update U2'"), e.getMessage());
            assertEquals(1, t.nextStep()); // the second step's update hung; BOUND caps the wait
        } finally {
            release.countDown();
        }
    }
}
