package org.qdl.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdl.learning.checkpoint.Checkpoint;
import org.qdl.learning.checkpoint.CheckpointIO;
import org.qdl.learning.train.EpochRecord;
import org.qdl.learning.train.LabelledData;
import org.qdl.learning.train.ModelTasks;
import org.qdl.learning.train.TrainOptions;
import org.qdl.learning.train.Trainer;
import org.qdl.learning.train.TrainingTask;
import org.qdl.protocol.LocalParty;
import org.qdl.protocol.PartyCheckpoints;
import org.qdl.protocol.model.QdlModel;
import org.qdl.protocol.model.file.ModelFile;

/**
 * The tutorial's three-party model file trained with every party a server on loopback (alice
 * serving the data set): the same history and communication as in one process; resumed from a
 * checkpoint on new sessions (each party restores its own saved layers) it ends identical too.
 */
class RemoteModelTrainingTest {
    private static final Path DIR = Path.of("../examples/models/tutorial");
    private static final List<String> PARTIES = List.of("alice", "bob", "carol");
    private static final TrainOptions OPTIONS = new TrainOptions(3, "simultaneous", "logistic", "adam", 0.1, 6, 2, 0.2, 0.2);

    @Test
    void remoteModelTrainingEqualsInProcessAndResumesIdentically(@TempDir Path dir) throws Exception {
        LabelledData data = LabelledData.read(DIR.resolve("data.csv"), null);
        Trainer local = new Trainer(ModelTasks.inProcess(ModelFile.load(DIR.resolve("model.json")), data, "data.csv"), OPTIONS, PartyCheckpoints.NONE, null);
        List<EpochRecord> expected = local.run(Long.MAX_VALUE, 0, null, new Trainer.Listener() {});

        Map<String, PartyServer> servers = new LinkedHashMap<>();
        try {
            for (String p : PARTIES) {
                List<String> others = new ArrayList<>(PARTIES);
                others.remove(p);
                QdlModel share = ModelFile.load(DIR.resolve("model.json"), others); // only p's own file is read
                servers.put(p, PartyServer.start(p, () -> {
                    LocalParty lp = share.newParty(p);
                    if (p.equals("alice")) ModelTasks.hold(lp, share, data, "data.csv");
                    return lp;
                }, dir.resolve(p), "127.0.0.1", 0, new Security.SharedSecret(Deployment.SECRET), PartyServer.Options.defaults()));
            }
            Path cps = dir.resolve("checkpoints");
            try (Coordinator co = connect(servers)) {
                Trainer remote = new Trainer(task(co), OPTIONS, co.partyCheckpoints(), "m1");
                assertEquals(PARTIES, remote.remoteHolders());
                List<EpochRecord> got = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> remote.run(Long.MAX_VALUE, 3, cps, new Trainer.Listener() {}));
                assertEquals(expected, got);
                assertEquals(local.communication(), remote.communication());
            }
            Checkpoint cp = CheckpointIO.read(cps.resolve("checkpoint-3.json"));
            assertTrue(cp.parameters().isEmpty(), "the coordinator's file holds no layer: " + cp.parameters().keySet());
            try (Coordinator co = connect(servers)) { // new sessions: fresh parties, which restore their step-3 layers
                Trainer resumed = Trainer.resume(cp, task(co), co.partyCheckpoints());
                assertEquals(expected, assertTimeoutPreemptively(Duration.ofSeconds(60), () -> resumed.run(Long.MAX_VALUE, 0, null, new Trainer.Listener() {})));
                assertEquals(local.communication(), resumed.communication());
                assertEquals(CheckpointIO.toJson(local.checkpoint().optimizer()), CheckpointIO.toJson(resumed.checkpoint().optimizer()));
            }
        } finally {
            for (PartyServer s : servers.values()) s.close();
        }
    }

    private static Coordinator connect(Map<String, PartyServer> servers) {
        List<PartyAddress> addrs = new ArrayList<>();
        for (Map.Entry<String, PartyServer> e : servers.entrySet()) addrs.add(new PartyAddress(e.getKey(), "127.0.0.1", e.getValue().port()));
        return Coordinator.connect(addrs, List.of(), Deployment.secretClient(Duration.ofSeconds(10)));
    }

    private static TrainingTask task(Coordinator co) throws Exception {
        return ModelTasks.on(co.network(), ModelFile.load(DIR.resolve("model.json"), PARTIES), LabelledData.read(DIR.resolve("data.csv"), null), "data.csv", PARTIES);
    }
}
