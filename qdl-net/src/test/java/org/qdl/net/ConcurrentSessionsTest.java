package org.qdl.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.qdl.protocol.Network;
import org.qdl.protocol.Register;

class ConcurrentSessionsTest {
    @Test
    void eightConcurrentSessionsOnOneServerAreIsolated() throws Exception {
        int sessions = 8, shots = 200;
        try (Deployment d = new Deployment(7, 8).serve(new Security.SharedSecret(Deployment.SECRET), PartyServer.Options.defaults())) {
            ExecutorService pool = Executors.newFixedThreadPool(sessions);
            try {
                List<Future<double[]>> remote = new ArrayList<>();
                for (int k = 0; k < sessions; k++) {
                    long seed = 100 + k;
                    // each coordinator thread has its own sessions with alice and bob
                    remote.add(pool.submit(() -> Deployment.infer(d.remoteNetwork(Deployment.secretClient(Duration.ofSeconds(30))), shots, seed)));
                }
                for (int k = 0; k < sessions; k++) {
                    assertArrayEquals(Deployment.infer(d.localNetwork(), shots, 100 + k), remote.get(k).get(60, TimeUnit.SECONDS), "session " + k);
                }
                assertEquals(sessions, d.servers.get("bob").openSessions());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aSessionCannotTouchAnotherSessionsRegister() throws Exception {
        try (Deployment d = new Deployment(4, 9).serve(new Security.SharedSecret(Deployment.SECRET), PartyServer.Options.defaults())) {
            RemoteParty one = d.connect("alice", Deployment.secretClient(Duration.ofSeconds(10)));
            RemoteParty two = d.connect("alice", Deployment.secretClient(Duration.ofSeconds(10)));
            Register r = one.encode("x", 0);
            RemotePartyException e = assertThrows(RemotePartyException.class, () -> two.apply("U1", r));
            assertEquals(Status.Code.FAILED_PRECONDITION, e.code());
            assertTrue(e.getMessage().contains("holds no register " + r.id() + " in this session"), e.getMessage());
            one.apply("U1", r); // still there for its own session
            one.discard(r);
        }
    }
}
