package org.qdl.protocol.model.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qdl.protocol.inference.InferenceConfig;
import org.qdl.protocol.inference.InferenceProtocol;
import org.qdl.protocol.inference.InferenceResult;
import org.qdl.protocol.model.Layers;
import org.qdl.protocol.model.QdlModel;
import org.qdl.protocol.model.qasm.QasmLayer;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.observable.PauliSum;

/** The Fig. 2 example file against the same model written with the Java builder. */
class ModelFileTest {
    static final Path FIG2 = Path.of("../examples/models/fig2");

    static double[] uniform(long seed, int k) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] t = new double[k];
        for (int i = 0; i < k; i++) t[i] = r.nextDouble(-Math.PI, Math.PI);
        return t;
    }

    /** Fig. 2 by hand: the same seeds, layers and circuit as examples/models/fig2. */
    static QdlModel fig2InJava() {
        return fig2Builder().build();
    }

    static org.qdl.protocol.model.QdlModelBuilder fig2Builder() {
        QasmLayer bobLayer = QasmLayer.load(FIG2.resolve("bob-layer.qasm"), List.of());
        double[] x = new double[64];
        SplittableRandom g = new SplittableRandom(7);
        for (int i = 0; i < x.length; i++) x[i] = g.nextGaussian();
        return QdlModel.builder()
                .party("alice").data("x", x)
                .layer("A1", () -> Layers.hardwareEfficient(6, new SplittableRandom(11)))
                .layer("A2", () -> Layers.hardwareEfficient(6, new SplittableRandom(12)))
                .party("bob")
                .layer("B1", () -> bobLayer.layer(uniform(21, 5))).names(bobLayer.parameterNames())
                .layer("B2", () -> bobLayer.layer(uniform(22, 5))).names(bobLayer.parameterNames()).trainable("a0", "a1", "a2", "zz")
                .observable("O", PauliSum.parse("0.7 Z0 Z1 - 0.3 X2"))
                .qubits(6).input("alice", "x")
                .step("alice", "A1").step("bob", "B1").step("alice", "A2").step("bob", "B2")
                .output("bob", "O");
    }

    @Test
    void fileAndJavaGiveIdenticalLedgersAndBitIdenticalEstimates() throws Exception {
        QdlModel file = ModelFile.load(FIG2.resolve("model.json"));
        QdlModel java = fig2InJava();
        assertEquals(file.parameters(), java.parameters().stream().map(p -> p).toList());
        assertEquals(List.of("alice", "bob", "alice", "bob"), file.route());
        for (long seed : new long[] {1, 2}) {
            InferenceConfig c = InferenceConfig.hoeffding(0.05, 0.01, seed);
            InferenceResult a = InferenceProtocol.run(file.network(), file.model(), c);
            InferenceResult b = InferenceProtocol.run(java.network(), java.model(), c);
            assertEquals(Double.doubleToRawLongBits(b.estimate()), Double.doubleToRawLongBits(a.estimate()));
            assertEquals(Double.doubleToRawLongBits(b.exact()), Double.doubleToRawLongBits(a.exact()));
            assertEquals(b.ledger().byLink(), a.ledger().byLink());
            assertEquals(b.ledger().totalQubits(), a.ledger().totalQubits());
            assertEquals(b.rounds(), a.rounds());
            assertEquals(3L * a.shots() * 6, a.ledger().totalQubits()); // 3 hops of the 6-qubit register per shot
        }
        // B2 freezes b0: 4 trainable parameters, b0 compiled into a fixed gate
        assertEquals(List.of("a0", "a1", "a2", "zz"), file.parameters().get(3).names());
        assertEquals(List.of("b0"), file.parameters().get(3).frozen());
        assertEquals(4, file.newParty("bob").layerShape("B2").numParameters());
    }

    @Test
    void externalPartiesAreNotRead() throws Exception {
        QdlModel m = ModelFile.load(FIG2.resolve("model.json"), Set.of("bob"));
        assertTrue(m.hasShare("alice") && !m.hasShare("bob"));
        InvalidInputException e = assertThrows(InvalidInputException.class, m::network);
        assertTrue(e.getMessage().contains("bob"), e.getMessage());
    }
}
