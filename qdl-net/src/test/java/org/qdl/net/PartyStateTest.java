package org.qdl.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdl.protocol.LocalParty;
import org.qdl.protocol.Register;
import org.qdl.protocol.model.Layers;
import org.qdl.sim.state.AmplitudeEncoding;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.state.StateVector;

class PartyStateTest {
    @Test
    void seededItemsMatchTheLibraryGenerators(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("v.txt"), "3, 4\n");
        Files.writeString(dir.resolve("party.json"), "{\"name\":\"carol\",\"data\":{\"g\":{\"type\":\"gaussian\",\"length\":8,\"seed\":5},"
                + "\"f\":{\"type\":\"file\",\"path\":\"v.txt\"},\"v\":{\"type\":\"values\",\"values\":[1,0,0,0]}},"
                + "\"layers\":{\"H\":{\"type\":\"hardwareEfficient\",\"qubits\":3,\"seed\":9},"
                + "\"P\":{\"type\":\"pauli\",\"qubits\":2,\"generators\":[\"X0 X1\"],\"theta\":[0.5]}},"
                + "\"observables\":{\"Z\":{\"type\":\"pauliSum\",\"terms\":\"Z0\"}}}");
        LocalParty p = PartyState.load(dir).newParty();
        assertEquals(5.0, p.dataNorm("f"), 0.0);
        // gaussian data: SplittableRandom(seed).nextGaussian() in order; layer: Layers.hardwareEfficient(n, SplittableRandom(seed))
        SplittableRandom rnd = new SplittableRandom(5);
        double[] x = new double[8];
        for (int i = 0; i < 8; i++) x[i] = rnd.nextGaussian();
        StateVector ref = AmplitudeEncoding.encode(x).state();
        Layers.hardwareEfficient(3, new SplittableRandom(9)).apply(ref);
        Register r = p.encode("g", 0);
        p.apply("H", r);
        StateVector got = p.release(r);
        assertArrayEquals(ref.realArray(), got.realArray(), 0.0);
        assertArrayEquals(ref.imagArray(), got.imagArray(), 0.0);
        // exp(−i·0.5·X0X1/2)|00⟩: ⟨Z0⟩ = cos 0.5
        Register v = p.encode("v", 0);
        p.apply("P", v);
        assertEquals(Math.cos(0.5), p.exactExpectation("Z", v), 1e-12);
        assertEquals(PauliString.parse("Z0").expectation(StateVector.zero(2)), 1.0, 0.0);
    }

    @Test
    void mistakesNameTheFileAndKey() {
        Path d = Path.of(".");
        InvalidInputException type = assertThrows(InvalidInputException.class,
                () -> PartyState.parse("{\"name\":\"a\",\"layers\":{\"U\":{\"type\":\"magic\",\"qubits\":2}}}", d, "a.json"));
        assertTrue(type.getMessage().startsWith("a.json: layers.U.type: unknown layer type 'magic'"), type.getMessage());
        InvalidInputException seed = assertThrows(InvalidInputException.class,
                () -> PartyState.parse("{\"name\":\"a\",\"data\":{\"x\":{\"type\":\"gaussian\",\"length\":4}}}", d, "a.json"));
        assertTrue(seed.getMessage().contains("data.x.seed: missing"), seed.getMessage());
        InvalidInputException json = assertThrows(InvalidInputException.class, () -> PartyState.parse("{\"name\":\n\"a\",,}", d, "a.json"));
        assertTrue(json.getMessage().startsWith("a.json: not valid JSON at line 2"), json.getMessage());
        InvalidInputException key = assertThrows(InvalidInputException.class, () -> PartyState.parse("{\"name\":\"a\",\"secret\":1}", d, "a.json"));
        assertTrue(key.getMessage().contains("unknown key 'secret'"), key.getMessage());
        InvalidInputException tk = assertThrows(InvalidInputException.class, () -> PartyState.parse(
                "{\"name\":\"bob\",\"training\":{\"n\":4,\"layers\":2,\"train\":4,\"test\":4,\"noise\":1,\"seed\":1,\"lr\":2}}", d, "b.json"));
        assertTrue(tk.getMessage().startsWith("b.json: training.lr: unknown key"), tk.getMessage());
        InvalidInputException tn = assertThrows(InvalidInputException.class, () -> PartyState.parse(
                "{\"name\":\"bob\",\"training\":{\"n\":6,\"layers\":2,\"train\":4,\"test\":4,\"noise\":1,\"seed\":1}}", d, "b.json"));
        assertTrue(tn.getMessage().startsWith("b.json: training: vector length N must be a power of two"), tn.getMessage());
        InvalidInputException who = assertThrows(InvalidInputException.class, () -> PartyState.parse(
                "{\"name\":\"carol\",\"training\":{\"n\":4,\"layers\":2,\"train\":4,\"test\":4,\"noise\":1,\"seed\":1}}", d, "c.json"));
        assertTrue(who.getMessage().contains("training parties are alice and bob, not carol"), who.getMessage());
    }

    @Test
    void trainingSectionGivesEachPartyItsShareOfTheInProcessSetup() {
        org.qdl.learning.train.TrainingSetup ref = new org.qdl.learning.train.TrainingSetup(8, 3, 5, 3, 0.7, 42);
        String a = TwoPartyExample.trainingJson("alice", 8, 3, 5, 3, 0.7, 42), b = TwoPartyExample.trainingJson("bob", 8, 3, 5, 3, 0.7, 42);
        org.qdl.protocol.LocalParty alice = PartyState.parse(a, Path.of("."), "a.json").newParty();
        org.qdl.protocol.LocalParty bob = PartyState.parse(b, Path.of("."), "b.json").newParty();
        assertEquals(java.util.Set.of("U1", "U3"), alice.layerKeys());
        assertEquals(java.util.Set.of("U2"), bob.layerKeys());
        assertEquals(java.util.Set.of("O"), bob.observableKeys());
        assertTrue(bob.dataKeys().isEmpty() && alice.observableKeys().isEmpty());
        for (int l = 0; l < 3; l++) {
            org.qdl.protocol.LocalParty holder = l % 2 == 0 ? alice : bob;
            assertArrayEquals(ref.layer(l).parameters(), holder.ownLayer("U" + (l + 1)).parameters(), 0.0);
        }
        for (int e = 0; e < 5; e++) {
            Register r = alice.encode("train" + e, 0);
            assertArrayEquals(AmplitudeEncoding.encode(ref.train().x()[e]).state().realArray(), alice.release(r).realArray(), 0.0);
        }
        assertEquals(3, alice.dataKeys().stream().filter(k -> k.startsWith("test")).count());
    }
}
