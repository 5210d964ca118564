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
import org.qdl.sim.AmplitudeEncoding;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.PauliString;
import org.qdl.sim.StateVector;

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
    }
}
