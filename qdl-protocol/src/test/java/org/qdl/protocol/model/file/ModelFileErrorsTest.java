package org.qdl.protocol.model.file;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdl.sim.InvalidInputException;

/** Every user mistake is one line naming the file, the key path (or line) and the value. */
class ModelFileErrorsTest {
    @TempDir
    Path dir;

    static final String BASE = """
            {"qubits": 2,
             "parties": {
               "alice": {"data": {"x": {"type": "values", "values": [1, 2, 3, 4]}},
                         "layers": {"A": {"type": "pauli", "qubits": 2, "generators": ["Y0", "Z0 Z1"], "theta": [0.1, 0.2]}}},
               "bob": {"layers": {"B": {"type": "qasm", "file": "b.qasm", "theta": {"t": 0.3}}},
                       "observables": {"O": {"type": "pauliSum", "terms": "Z0 + 0.5 X1"}}}},
             "input": {"party": "alice", "data": "x"},
             "steps": [{"party": "alice", "layer": "A"}, {"party": "bob", "layer": "B"}],
             "output": {"party": "bob", "observable": "O"}}
            """;
    static final String QASM = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\ninput float[64] t;\nqreg q[2];\nh q[0];\nry(t) q[1];\ncx q[0], q[1];\n";

    String error(String model, String qasm, String... expected) throws IOException {
        Files.writeString(dir.resolve("b.qasm"), qasm);
        Files.writeString(dir.resolve("m.json"), model);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ModelFile.load(dir.resolve("m.json")));
        String msg = e.getMessage();
        assertTrue(!msg.contains("\n"), msg);
        assertTrue(msg.startsWith(dir.resolve(msg.contains("b.qasm") ? "b.qasm" : "m.json").toString()), msg);
        for (String s : expected) assertTrue(msg.contains(s), "expected '" + s + "' in: " + msg);
        return msg;
    }

    @Test
    void baseIsValid() throws IOException {
        Files.writeString(dir.resolve("b.qasm"), QASM);
        Files.writeString(dir.resolve("m.json"), BASE);
        ModelFile.load(dir.resolve("m.json"));
    }

    @Test
    void csvTextNpyAndYamlGiveTheSameModel() throws IOException {
        Files.writeString(dir.resolve("b.qasm"), QASM);
        Files.writeString(dir.resolve("m.json"), BASE);
        double ref = ModelFile.load(dir.resolve("m.json")).model().exactOutput(ModelFile.load(dir.resolve("m.json")).network());
        Files.writeString(dir.resolve("x.csv"), "# x as CSV\n1, 2\n3,4\n");
        Files.writeString(dir.resolve("x.txt"), "1 2\t3\n\n4");
        java.nio.ByteBuffer npy = java.nio.ByteBuffer.allocate(128 + 32).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (4,), }";
        header = header + " ".repeat(128 - 10 - header.length() - 1) + "\n";
        npy.put((byte) 0x93).put("NUMPY".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0).putShort((short) header.length());
        npy.put(header.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (double v : new double[] {1, 2, 3, 4}) npy.putDouble(v);
        Files.write(dir.resolve("x.npy"), npy.array());
        for (String f : new String[] {"x.csv", "x.txt", "x.npy"}) {
            Files.writeString(dir.resolve("m.json"), BASE.replace("{\"type\": \"values\", \"values\": [1, 2, 3, 4]}", "{\"type\": \"file\", \"path\": \"" + f + "\"}"));
            org.qdl.protocol.model.QdlModel m = ModelFile.load(dir.resolve("m.json"));
            org.junit.jupiter.api.Assertions.assertEquals(ref, m.model().exactOutput(m.network()), 0.0, f);
        }
        String yaml = "qubits: 2\nparties:\n  alice:\n    data: {x: {type: values, values: [1, 2, 3, 4]}}\n"
                + "    layers:\n      A: {type: pauli, qubits: 2, generators: [Y0, Z0 Z1], theta: [0.1, 0.2]}\n"
                + "  bob:\n    layers: {B: {type: qasm, file: b.qasm, theta: {t: 0.3}}}\n"
                + "    observables: {O: {type: pauliSum, terms: Z0 + 0.5 X1}}\n"
                + "input: {party: alice, data: x}\nsteps:\n  - {party: alice, layer: A}\n  - {party: bob, layer: B}\noutput: {party: bob, observable: O}\n";
        Files.writeString(dir.resolve("m.yaml"), yaml);
        org.qdl.protocol.model.QdlModel y = ModelFile.load(dir.resolve("m.yaml"));
        org.junit.jupiter.api.Assertions.assertEquals(ref, y.model().exactOutput(y.network()), 0.0, "yaml");
        Files.writeString(dir.resolve("m.yaml"), yaml.replace("qubits: 2", "qubits: .nan"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ModelFile.load(dir.resolve("m.yaml")));
        assertTrue(e.getMessage().startsWith(dir.resolve("m.yaml") + ":1: not valid YAML"), e.getMessage());
    }

    @Test
    void namesAndReferences() throws IOException {
        error(BASE.replace("{\"party\": \"bob\", \"layer\": \"B\"}", "{\"party\": \"carol\", \"layer\": \"B\"}"), QASM, "steps[1]", "unknown party 'carol'");
        error(BASE.replace("{\"party\": \"alice\", \"layer\": \"A\"}", "{\"party\": \"alice\", \"layer\": \"B\"}"), QASM, "steps[0]", "holds no layer named 'B'");
        error(BASE.replace("\"observable\": \"O\"", "\"observable\": \"P\""), QASM, "output", "no observable named 'P'");
        error(BASE.replace("\"data\": \"x\"}", "\"data\": \"y\"}"), QASM, "input", "no data named 'y'");
        error(BASE.replace("\"qubits\": 2,", "\"qubits\": 2, \"colour\": 1,"), QASM, "colour");
        error(BASE.replace("\"theta\": [0.1, 0.2]", "\"theta\": [0.1, 0.2], \"speed\": 3"), QASM, "parties.alice.layers.A", "speed");
    }

    @Test
    void shapesAndNumbers() throws IOException {
        error(BASE.replace("[1, 2, 3, 4]", "[1, 2, 3]"), QASM, "parties.alice.data.x", "3 entries");
        error(BASE.replace("\"qubits\": 2, \"generators\"", "\"qubits\": 3, \"generators\""), QASM, "steps[0]", "acts on 3 qubits", "register has 2");
        error(BASE.replace("Z0 + 0.5 X1", "Z0 + 0.5 X4"), QASM, "parties.bob.observables.O", "qubit 4");
        error(BASE.replace("[1, 2, 3, 4]", "[1, 2, 1e999, 4]"), QASM, "parties.alice.data.x.values[2]", "not a finite number");
        error(BASE.replace("\"t\": 0.3", "\"t\": 0.3, \"u\": 1"), QASM, "parties.bob.layers.B.theta.u", "no parameter 'u'");
        error(BASE.replace("[0.1, 0.2]", "[0.1, \"a\"]"), QASM, "parties.alice.layers.A.theta[1]");
        error(BASE, QASM.replace("qreg q[2];", "qreg q[3];"), "steps[1]", "acts on 3 qubits");
    }

    @Test
    void qasmLayers() throws IOException {
        error(BASE, QASM + "creg c[2];\nmeasure q -> c;\n", "b.qasm:9", "'measure' is not allowed in a layer");
        error(BASE, QASM + "reset q[0];\n", "b.qasm:8", "'reset'");
        error(BASE, QASM.replace("ry(t) q[1];", "ry(2*t) q[1];"), "b.qasm:6", "whole angle");
        error(BASE, QASM.replace("ry(t) q[1];", "crz(t) q[0], q[1];"), "b.qasm:6", "not a Pauli rotation");
        error(BASE, QASM.replace("input float[64] t;", "input float[64] t;\ninput float[64] t;"), "b.qasm:4", "declared twice");
        error(BASE, QASM.replace("input float[64] t;", "input float[64] t;\ninput float[64] s;"), "parameter 's' is declared but no gate uses it");
        error(BASE, "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nry(t) q[1];\n", "b.qasm:4", "unknown identifier 't'");
    }

    @Test
    void files() throws IOException {
        error(BASE.replace("\"file\": \"b.qasm\"", "\"file\": \"none.qasm\""), QASM, "parties.bob.layers.B", "none.qasm", "no such file");
        error(BASE.replace("{\"type\": \"values\", \"values\": [1, 2, 3, 4]}", "{\"type\": \"file\", \"path\": \".\"}"), QASM,
                "parties.alice.data.x.path", "is a directory");
        Files.write(dir.resolve("bin.txt"), new byte[] {1, 0, 2, 3});
        error(BASE.replace("{\"type\": \"values\", \"values\": [1, 2, 3, 4]}", "{\"type\": \"file\", \"path\": \"bin.txt\"}"), QASM, "binary");
        error(BASE.replace("\"qubits\": 2,", "\"qubits\": 2,,"), QASM, "m.json:1", "not valid JSON");
        error(BASE.replace("\"qubits\": 2,", "\"qubits\": 2, \"qubits\": 3,"), QASM, "Duplicate field 'qubits'");
        error(BASE.replace("\"bob\": {\"layers\"", "\"bob\": {\"$file\": \"bob.json\"}, \"bobx\": {\"layers\""), QASM, "parties.bob.$file", "no such file");
    }

    @Test
    void externalPartiesOnlyNeedTheirNames() throws IOException {
        Files.writeString(dir.resolve("b.qasm"), QASM);
        Files.writeString(dir.resolve("m.json"), BASE.replace("\"bob\": {\"layers\"", "\"bob\": {\"$file\": \"missing.json\"}, \"unused\": {\"layers\""));
        assertTrue(ModelFile.load(dir.resolve("m.json"), Set.of("bob")).parties().contains("bob"));
    }
}
