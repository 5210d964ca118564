package org.qdl.protocol.model.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdl.protocol.Network;
import org.qdl.protocol.inference.InferenceConfig;
import org.qdl.protocol.inference.InferenceProtocol;
import org.qdl.protocol.inference.InferenceResult;
import org.qdl.protocol.model.QdlModel;
import org.qdl.protocol.noise.DensityReference;
import org.qdl.protocol.noise.LinkNoise;
import org.qdl.sim.InvalidInputException;

/** The model file's "noise" key: per-link noise and loss, and party memory noise, wired into the network. */
class ModelFileNoiseTest {
    @TempDir
    Path dir;

    /** examples/models/fig2 with a "noise" section added (bob's share and layer file copied beside it). */
    Path fig2With(String noiseJson) throws Exception {
        for (String f : List.of("bob.json", "bob-layer.qasm")) Files.copy(ModelFileTest.FIG2.resolve(f), dir.resolve(f));
        String text = Files.readString(ModelFileTest.FIG2.resolve("model.json"));
        String out = "\"output\": {\"party\": \"bob\", \"observable\": \"O\"}";
        assertTrue(text.contains(out));
        Path m = dir.resolve("model.json");
        Files.writeString(m, text.replace(out, out + ",\n  \"noise\": " + noiseJson));
        return m;
    }

    @Test
    void globalDepolarizingLinksShrinkTheTracelessOutputByOneMinusPPerHop() throws Exception {
        double p = 0.1;
        QdlModel noisy = ModelFile.load(fig2With("{\"links\": [{\"between\": [\"alice\", \"bob\"], \"noise\": \"global-depolarizing:" + p + "\"}]}"));
        QdlModel perfect = ModelFile.load(ModelFileTest.FIG2.resolve("model.json"));
        Network net = noisy.network();
        assertEquals("global-depolarizing:0.1", net.linkNoise("bob", "alice").spec()); // both directions
        int hops = DensityReference.hops(noisy.model()).size();
        assertEquals(3, hops); // alice → bob → alice → bob
        double exact = perfect.model().exactOutput(perfect.network());
        assertTrue(Math.abs(exact) > 0.05, "a reference that means something: " + exact);
        // O = 0.7 Z0Z1 − 0.3 X2 is traceless, so each fully depolarising hop scales ⟨O⟩ by (1 − p).
        assertEquals(exact * Math.pow(1 - p, hops), DensityReference.expectation(net, noisy.model()), 1e-10);
    }

    @Test
    void lossOnlyChangesTheShotCountNeverTheEstimate() throws Exception {
        QdlModel lossy = ModelFile.load(fig2With("{\"links\": [{\"between\": [\"bob\", \"alice\"], \"noise\": \"fibre:km=1,dbPerKm=0.2\"}]}"));
        QdlModel perfect = ModelFileTest.fig2InJava();
        InferenceConfig c = InferenceConfig.hoeffding(0.05, 0.01, 3);
        InferenceResult a = InferenceProtocol.run(lossy.network(), lossy.model(), c);
        InferenceResult b = InferenceProtocol.run(perfect.network(), perfect.model(), c);
        assertEquals(Double.doubleToLongBits(b.estimate()), Double.doubleToLongBits(a.estimate()));
        assertEquals(b.shots(), a.shots(), "the estimator's shots are those of perfect links; lost attempts come on top");
        assertEquals(a.ledger().totalQubits(), a.ledger().totalDeliveredQubits() + a.ledger().totalLostQubits());
        assertTrue(a.ledger().totalLostQubits() > 0 && a.ledger().totalQubits() > b.ledger().totalQubits(), "lost attempts are sent and counted");
    }

    @Test
    void fileAndBuilderConfigureTheSameNoise() throws Exception {
        QdlModel file = ModelFile.load(fig2With("{\"links\": [{\"between\": [\"alice\", \"bob\"], \"noise\": \"depolarizing:0.01+loss:0.1\"}],"
                + " \"memory\": {\"bob\": \"thermal:t=1,T1=100,T2=80\"}}"));
        QdlModel java = rebuiltWithNoise();
        for (QdlModel m : List.of(file, java)) {
            Network net = m.network();
            assertEquals(LinkNoise.parse("depolarizing:0.01+loss:0.1").spec(), net.linkNoise("alice", "bob").spec());
            assertEquals(LinkNoise.parse("thermal:t=1,T1=100,T2=80").spec(), net.memoryNoise("bob").spec());
            assertTrue(net.memoryNoise("alice").perfect());
        }
    }

    private static QdlModel rebuiltWithNoise() {
        // the builder path: the same calls the file reader makes
        return ModelFileTest.fig2Builder().linkNoise("alice", "bob", LinkNoise.parse("depolarizing:0.01+loss:0.1"))
                .memoryNoise("bob", LinkNoise.parse("thermal:t=1,T1=100,T2=80")).build();
    }

    @Test
    void mistakesNameTheKeyPathAndNothingRuns() throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ModelFile.load(fig2With("{\"links\": [{\"between\": [\"alice\", \"carol\"], \"noise\": \"depolarizing:0.01\"}]}")));
        assertTrue(e.getMessage().contains("noise.links[0]") && e.getMessage().contains("unknown party 'carol'"), e.getMessage());
        Files.delete(dir.resolve("bob.json"));
        Files.delete(dir.resolve("bob-layer.qasm"));
        e = assertThrows(InvalidInputException.class,
                () -> ModelFile.load(fig2With("{\"links\": [{\"between\": [\"alice\", \"bob\"], \"noise\": \"depolarizing:1.5\"}]}")));
        assertTrue(e.getMessage().contains("noise.links[0].noise"), e.getMessage());
    }

    @Test
    void noiseOnALinkToARemotePartyIsRefusedBeforeAnythingRuns() throws Exception {
        Path m = fig2With("{\"links\": [{\"between\": [\"alice\", \"bob\"], \"noise\": \"dephasing:0.02\"}]}");
        QdlModel aliceOnly = ModelFile.load(m, Set.of("bob"));
        Network net = new Network();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> aliceOnly.addLocalParties(net, Set.of("bob")));
        assertTrue(e.getMessage().contains("bob is served elsewhere"), e.getMessage());
        assertTrue(net.parties().isEmpty(), "no party was added");
    }
}
