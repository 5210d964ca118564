package org.qdl.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qdl.protocol.GeneratorStructure;
import org.qdl.protocol.LayerVariant;
import org.qdl.protocol.MeasurementSpec;
import org.qdl.protocol.ObservableRef;
import org.qdl.protocol.Party;
import org.qdl.protocol.Register;
import org.qdl.sim.gate.Gates;
import org.qdl.sim.gate.MatrixGate;
import org.qdl.sim.observable.PauliString;

/** Every core party operation gives bit-identical results through RemoteParty and in-process. */
class GradientRpcTest {
    private static final int N = 4;
    private static final String CAROL = "{\"name\":\"carol\",\"data\":{\"x\":{\"type\":\"gaussian\",\"length\":16,\"seed\":4}},"
            + "\"layers\":{\"H\":{\"type\":\"hardwareEfficient\",\"qubits\":4,\"seed\":5},\"C\":{\"type\":\"commutingZZ\",\"qubits\":4,\"seed\":6}},"
            + "\"observables\":{\"Z\":{\"type\":\"pauliSum\",\"terms\":\"Z0 Z2\"},\"O\":{\"type\":\"pauliSum\",\"terms\":\"0.5 X1 - 2 Z3\"}}}";

    /** Runs the same sequence of operations on a party and returns everything it answered, flattened. */
    private static List<Object> script(Party p) {
        List<Object> out = new ArrayList<>();
        GeneratorStructure gs = p.generatorStructure("C");
        out.add(gs.stepParameter());
        out.add(new double[] {gs.maxLocality(), gs.derivativesArePauli() ? 1 : 0, gs.qubitWiseCommuting() ? 1 : 0});
        PauliString yAncilla = PauliString.single('Y', N);
        Register r = p.encode("x", 1);
        p.applyGate(r, MatrixGate.of("h", Gates.H, N));
        p.apply("C", r, new LayerVariant.ControlledGenerator(1, N));
        p.apply("H", r, new LayerVariant.Shifted(0, 0.3));
        p.applyControlledObservable("Z", r, N);
        out.add(p.measure(MeasurementSpec.sample("Z", PauliString.single('X', N)), r, 200, 200, 11));
        Register r2 = p.encode("x", 1);
        p.applyGate(r2, MatrixGate.of("h", Gates.H, N));
        p.apply("C", r2);
        out.add(p.measure(MeasurementSpec.commuting(ObservableRef.generators("C", gs.steps()), yAncilla), r2, 400, 4, 5));
        Register r3 = p.encode("x", 1);
        p.applyGate(r3, MatrixGate.of("h", Gates.H, N));
        p.applyInverse("H", r3);
        out.add(p.measure(MeasurementSpec.shadows(ObservableRef.generators("C", gs.steps()), yAncilla), r3, 400, 4, 6));
        out.add(p.measure("O", p.encode("x", 0), 50, 3));
        Register r4 = p.encode("x", 0);
        p.apply("H", r4);
        double before = p.exactExpectation("Z", r4);
        p.discard(r4);
        double[] delta = new double[p.layerShape("H").numParameters()];
        delta[0] = 0.7;
        p.updateLayer("H", delta);
        Register r5 = p.encode("x", 0);
        p.apply("H", r5);
        double after = p.exactExpectation("Z", r5);
        assertNotEquals(before, after, "the update must change the layer for the comparison to mean anything");
        out.add(new double[] {before, after});
        out.add(p.observableShape("O").outcomeRange());
        return out;
    }

    @Test
    void remoteGradientOperationsMatchInProcess() throws Exception {
        PartyState carol = PartyState.parse(CAROL, Path.of("."), "carol.json");
        try (PartyServer server = PartyServer.start(carol, "127.0.0.1", 0, new Security.SharedSecret(Deployment.SECRET), PartyServer.Options.defaults());
             RemoteParty remote = RemoteParty.connect(new PartyAddress("carol", "127.0.0.1", server.port()), Deployment.secretClient(Duration.ofSeconds(20)))) {
            List<Object> local = script(carol.newParty());
            List<Object> far = script(remote);
            assertEquals(local.size(), far.size());
            for (int i = 0; i < local.size(); i++) {
                Object a = local.get(i), b = far.get(i);
                if (a instanceof int[] x) assertArrayEquals(x, (int[]) b, "item " + i);
                else if (a instanceof double[][] x) assertArrayEquals(x, (double[][]) b, "item " + i);
                else assertArrayEquals((double[]) a, (double[]) b, 0.0, "item " + i);
            }
            assertEquals(2.5, ((double[]) far.get(far.size() - 1))[1], 0.0, "outcome range of 0.5 X1 − 2 Z3 is ±Σ|c|");
        }
    }
}
