package org.qdl.protocol.model.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.qdl.protocol.Network;
import org.qdl.protocol.Party;
import org.qdl.protocol.Register;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.protocol.model.Layers;
import org.qdl.protocol.model.QdlModel;
import org.qdl.protocol.model.qasm.QasmLayer;
import org.qdl.sim.observable.PauliSum;

/**
 * Cost of reading a model file (parse, schema check, data generation, OpenQASM compilation, build)
 * against building the same model in Java, both as a fraction of one S-shot inference on it: a
 * three-party model at n qubits (alice: x and a hardware-efficient layer; bob: an OpenQASM layer;
 * carol: a hardware-efficient layer and O). Medians over {@code reps} after {@code warmup} rounds.
 */
public final class ModelFileBench {
    public record Result(int n, long shots, int reps, double fileSeconds, double javaSeconds, double inferenceSeconds, double firstFileSeconds) {
        /** File path's extra cost over the Java path, as a fraction of one inference. */
        public double overheadFraction() {
            return (fileSeconds - javaSeconds) / inferenceSeconds;
        }

        /** The whole file path (parse + compile + build), as a fraction of one inference. */
        public double fileFraction() {
            return fileSeconds / inferenceSeconds;
        }
    }

    private ModelFileBench() {}

    static String qasm(int n) {
        StringBuilder b = new StringBuilder("OPENQASM 2.0;\ninclude \"qelib1.inc\";\n");
        for (int q = 0; q < n; q++) b.append("input float[64] t").append(q).append(";\n");
        b.append("qreg q[").append(n).append("];\n");
        for (int q = 0; q < n; q++) b.append("ry(t").append(q).append(") q[").append(q).append("];\n");
        for (int q = 0; q + 1 < n; q++) b.append("cx q[").append(q).append("], q[").append(q + 1).append("];\n");
        return b.toString();
    }

    static String json(int n) {
        return "{\"format\": \"qdl-model/1\", \"qubits\": " + n + ",\n"
                + " \"parties\": {\n"
                + "  \"alice\": {\"data\": {\"x\": {\"type\": \"gaussian\", \"length\": " + (1 << n) + ", \"seed\": 1}},\n"
                + "            \"layers\": {\"U1\": {\"type\": \"hardwareEfficient\", \"qubits\": " + n + ", \"seed\": 2}}},\n"
                + "  \"bob\": {\"layers\": {\"U2\": {\"type\": \"qasm\", \"file\": \"bob.qasm\", \"seed\": 3}}},\n"
                + "  \"carol\": {\"layers\": {\"U3\": {\"type\": \"hardwareEfficient\", \"qubits\": " + n + ", \"seed\": 4}},\n"
                + "            \"observables\": {\"O\": {\"type\": \"pauliSum\", \"terms\": \"0.7 Z0 Z1 - 0.3 X2\"}}}},\n"
                + " \"input\": {\"party\": \"alice\", \"data\": \"x\"},\n"
                + " \"steps\": [{\"party\": \"alice\", \"layer\": \"U1\"}, {\"party\": \"bob\", \"layer\": \"U2\"}, {\"party\": \"carol\", \"layer\": \"U3\"}],\n"
                + " \"output\": {\"party\": \"carol\", \"observable\": \"O\"}}\n";
    }

    /** The same model as {@link #json}, in Java (the OpenQASM layer is compiled from the same text). */
    static QdlModel java(int n, Path dir) {
        double[] x = new double[1 << n];
        SplittableRandom g = new SplittableRandom(1);
        for (int i = 0; i < x.length; i++) x[i] = g.nextGaussian();
        QasmLayer bob = QasmLayer.load(dir.resolve("bob.qasm"), List.of());
        SplittableRandom r = new SplittableRandom(3);
        double[] theta = new double[n];
        for (int i = 0; i < n; i++) theta[i] = r.nextDouble(-Math.PI, Math.PI);
        return QdlModel.builder()
                .party("alice").data("x", x).layer("U1", () -> Layers.hardwareEfficient(n, new SplittableRandom(2)))
                .party("bob").layer("U2", () -> bob.layer(theta)).names(bob.parameterNames())
                .party("carol").layer("U3", () -> Layers.hardwareEfficient(n, new SplittableRandom(4))).observable("O", PauliSum.parse("0.7 Z0 Z1 - 0.3 X2"))
                .qubits(n).input("alice", "x").step("alice", "U1").step("bob", "U2").step("carol", "U3").output("carol", "O")
                .build();
    }

    /** One S-shot inference as InferenceProtocol runs it: S executions recorded, one simulated, S shots sampled. */
    static double infer(QdlModel m, long shots, long seed) {
        Network net = m.network();
        DistributedModel dm = m.model();
        Party o = net.party(dm.observableParty());
        double[] out = net.repeated(shots, () -> {
            Register reg = dm.forward(net, 0);
            return o.measure(dm.observableKey(), reg, (int) shots, seed);
        });
        return Arrays.stream(out).sum() / shots;
    }

    public static Result run(int n, long shots, int reps, int warmup) throws IOException {
        Path dir = Files.createTempDirectory("qdl-model-bench");
        try {
            Files.writeString(dir.resolve("bob.qasm"), qasm(n));
            Path file = dir.resolve("model.json");
            Files.writeString(file, json(n));
            long t0 = System.nanoTime();
            ModelFile.load(file).network();
            double first = (System.nanoTime() - t0) / 1e9;
            double[] tf = new double[reps], tj = new double[reps], ti = new double[reps];
            double sink = 0;
            for (int k = -warmup; k < reps; k++) {
                boolean fileFirst = (k & 1) == 0; // alternate the order: neither path always follows the inference
                double[] t = new double[2];
                QdlModel jm = null;
                for (int pass = 0; pass < 2; pass++) {
                    boolean filePass = (pass == 0) == fileFirst;
                    long a = System.nanoTime();
                    QdlModel m = filePass ? ModelFile.load(file) : java(n, dir);
                    sink += m.network().parties().size();
                    t[filePass ? 0 : 1] = (System.nanoTime() - a) / 1e9;
                    if (!filePass) jm = m;
                }
                long c = System.nanoTime();
                sink += infer(jm, shots, k);
                long d = System.nanoTime();
                if (k >= 0) {
                    tf[k] = t[0];
                    tj[k] = t[1];
                    ti[k] = (d - c) / 1e9;
                }
            }
            if (Double.isNaN(sink)) throw new IllegalStateException("NaN output");
            return new Result(n, shots, reps, median(tf), median(tj), median(ti), first);
        } finally {
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
