package org.qdl.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qdl.protocol.model.GeneratorOperations;
import org.qdl.protocol.model.Layers;
import org.qdl.protocol.model.PauliLayer;
import org.qdl.sim.gate.Gates;
import org.qdl.sim.gate.MatrixGate;
import org.qdl.sim.observable.PauliString;

/** The party core: layer variants, public gates and measurement specs, against exact expectations. */
class PartyCoreTest {
    private static final int N = 3;

    private static LocalParty party() {
        double[] x = new double[1 << N];
        SplittableRandom rnd = new SplittableRandom(2);
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
        return new LocalParty("carol").holdData("x", x)
                .holdLayer("C", Layers.commutingZZ(N, new SplittableRandom(6)))
                .holdLayer("H", Layers.hardwareEfficient(N, new SplittableRandom(5)))
                .holdObservable("Z", PauliString.parse("Z0 Z2"))
                .holdObservable("F", PauliString.parse("X1"));
    }

    @Test
    void variantsOfALayerAreTheLayerWhenNothingChanges() {
        LocalParty p = party();
        Register a = p.encode("x", 0), b = p.encode("x", 0), c = p.encode("x", 0);
        p.apply("H", a);
        p.apply("H", b, new LayerVariant.Shifted(2, 0.0));
        p.apply("H", c, new LayerVariant.Shifted(2, 0.4));
        assertEquals(p.exactExpectation("Z", a), p.exactExpectation("Z", b), 1e-12);
        p.applyInverse("H", a);
        p.applyInverse("H", c);
        assertTrue(1 - overlap(p.release(c), p.encode("x", 0), p) > 1e-4, "a shift must change the layer: U(θ)†U(θ+δ) ≠ I");
        Register fresh = p.encode("x", 0);
        assertEquals(p.exactExpectation("F", fresh), p.exactExpectation("F", a), 1e-12, "U†U = I");
    }

    /** |⟨a|b⟩|² (b is read from a fresh register of p). */
    private static double overlap(org.qdl.sim.state.StateVector a, Register b, LocalParty p) {
        org.qdl.sim.state.StateVector s = p.release(b);
        double re = 0, im = 0;
        for (int i = 0; i < a.dimension(); i++) {
            re += a.realArray()[i] * s.realArray()[i] + a.imagArray()[i] * s.imagArray()[i];
            im += a.realArray()[i] * s.imagArray()[i] - a.imagArray()[i] * s.realArray()[i];
        }
        return re * re + im * im;
    }

    @Test
    void generatorsOfALayerAreMeasuredJointlyWithAPublicFactor() {
        LocalParty p = party();
        PauliLayer c = (PauliLayer) p.ownLayer("C");
        int steps = p.generatorStructure("C").steps();
        PauliString yAncilla = PauliString.single('Y', N);
        Register r = p.encode("x", 1);
        p.applyGate(r, MatrixGate.of("h", Gates.H, N));
        p.apply("C", r, new LayerVariant.ControlledGenerator(0, N));
        // the reference: the same preparation, read exactly
        Register ref = p.encode("x", 1);
        p.applyGate(ref, MatrixGate.of("h", Gates.H, N));
        p.apply("C", ref, new LayerVariant.ControlledGenerator(0, N));
        org.qdl.sim.state.StateVector psi = p.release(ref);
        int shots = 20_000;
        double[][] t = p.measure(MeasurementSpec.commuting(ObservableRef.generators("C", steps), yAncilla), r, shots, 1, 9);
        assertEquals(steps, t[0].length);
        for (int j = 0; j < steps; j++) {
            PauliString g = GeneratorOperations.generator(c, j);
            double exact = PauliString.ofMasks(g.xMask() | yAncilla.xMask(), g.zMask() | yAncilla.zMask()).expectation(psi);
            assertEquals(exact, t[0][j], 5 * Math.sqrt(1.0 / shots), "step " + j);
        }
        assertThrows(ProtocolException.class, () -> p.measure(MeasurementSpec.sample("Z"), r, 1, 1, 1), "the measured register is consumed");
    }

    @Test
    void sampledObservableWithAFactorIsTheirProduct() {
        LocalParty p = party();
        Register r = p.encode("x", 1), ref = p.encode("x", 1);
        for (Register q : List.of(r, ref)) {
            p.applyGate(q, MatrixGate.of("h", Gates.H, N));
            p.apply("H", q);
        }
        PauliString xAncilla = PauliString.single('X', N);
        double exact = PauliString.parse("Z0 Z2 X3").expectation(p.release(ref));
        int shots = 20_000;
        double[][] groups = p.measure(MeasurementSpec.sample("Z", xAncilla), r, shots, 4, 4);
        double mean = 0;
        for (double[] g : groups) mean += g[0] / groups.length; // equal groups: 20000 / 4
        assertEquals(exact, mean, 5 * Math.sqrt(1.0 / shots));
        ProtocolException overlap = assertThrows(ProtocolException.class,
                () -> p.measure(MeasurementSpec.sample("Z", PauliString.single('X', 0)), p.encode("x", 1), 10, 10, 1));
        assertTrue(overlap.getMessage().contains("acts on the qubits of the factor"), overlap.getMessage());
        ProtocolException notPauli = assertThrows(ProtocolException.class,
                () -> new MeasurementSpec(MeasurementSpec.Scheme.SAMPLE, List.of(ObservableRef.held("Z"), ObservableRef.held("F")), PauliString.identity()));
        assertTrue(notPauli.getMessage().contains("takes one observable, got 2"), notPauli.getMessage());
    }
}
