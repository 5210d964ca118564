package org.qdl.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qdl.protocol.model.DiagonalPhaseLayer;
import org.qdl.sim.state.AmplitudeEncoding;
import org.qdl.sim.state.Complex;
import org.qdl.sim.observable.DiagonalObservable;
import org.qdl.sim.observable.HermitianObservable;
import org.qdl.sim.state.ComplexMatrix;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.state.StateVector;

/** Per-protocol ledgers, classical register transfers, observable shapes and the diagonal phase layer. */
class ProtocolCoreAdditionsTest {
    static Network net(int n) {
        SplittableRandom rnd = new SplittableRandom(n);
        double[] x = new double[1 << n];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
        Network net = new Network();
        net.addLocalParty("alice").holdData("x", x);
        net.addLocalParty("bob").holdLayer("D", DiagonalPhaseLayer.random(n, rnd)).holdObservable("Z", PauliString.parse("Z0"));
        return net;
    }

    @Test
    void recordingIntoGivesAProtocolItsOwnLedgerAndKeepsTheTotal() {
        Network net = net(3);
        Register first = net.party("alice").encode("x", 0);
        net.moveRegister(first, "bob", "state"); // on the network's ledger only
        CommunicationLedger own = new CommunicationLedger();
        net.recordingInto(own, () -> net.repeated(4, () -> {
            Register r = net.party("alice").encode("x", 1);
            net.moveRegister(r, "bob", "state");
            net.party("bob").discard(r);
            return null;
        }));
        assertEquals(16, own.totalQubits(), "4 executions × (3 + 1 ancilla) qubits");
        assertEquals(1, own.rounds("alice", "bob"), "rounds counted from a fresh start");
        assertEquals(3 + 16, net.ledger().totalQubits());
        assertThrows(ProtocolException.class, () -> net.repeated(1, () -> net.recordingInto(new CommunicationLedger(), () -> 0)));
    }

    @Test
    void registersSentClassicallyCostRealsOrComplexNumbersAndAreRounded() {
        int n = 4;
        Network net = net(n);
        Register r = net.party("alice").encode("x", 0);
        net.sendRegisterClassically(r, "bob", NumberEncoding.FLOAT32, "vector");
        assertEquals(16 * 32, net.ledger().totalClassicalBits(), "real amplitudes: N reals");
        assertEquals("bob", r.holder());
        net.party("bob").apply("D", r);
        net.sendRegisterClassically(r, "alice", NumberEncoding.FLOAT32, "vector");
        assertEquals(16 * 32 + 2 * 16 * 32, net.ledger().totalClassicalBits(), "complex amplitudes: 2N reals");
        assertEquals(0, net.ledger().totalQubits());
        StateVector s = net.party("alice").release(r);
        for (int i = 0; i < s.dimension(); i++) {
            assertEquals((float) s.realArray()[i], s.realArray()[i], 0, "rounded to float32");
        }
    }

    @Test
    void diagonalPhaseLayerMultipliesEachAmplitudeByItsPhase() {
        int n = 5;
        double[] theta = new double[1 << n];
        SplittableRandom rnd = new SplittableRandom(9);
        for (int z = 0; z < theta.length; z++) theta[z] = rnd.nextDouble(-3, 3);
        DiagonalPhaseLayer d = new DiagonalPhaseLayer(n, theta);
        assertEquals(32, d.numParameters());
        assertEquals(32, d.descriptionReals());
        double[] x = new double[32];
        for (int i = 0; i < 32; i++) x[i] = rnd.nextGaussian();
        StateVector s = AmplitudeEncoding.encode(x).state();
        StateVector ref = s.copy();
        d.apply(s);
        for (int z = 0; z < 32; z++) {
            Complex want = new Complex(Math.cos(theta[z]), -Math.sin(theta[z])).times(ref.amplitude(z));
            assertEquals(want.re(), s.amplitude(z).re(), 1e-14);
            assertEquals(want.im(), s.amplitude(z).im(), 1e-14);
        }
        d.applyInverse(s);
        assertEquals(1, s.fidelity(ref), 1e-12);
        // new parameters take effect (the cached gate is rebuilt)
        double[] shifted = theta.clone();
        shifted[3] += 1;
        d.setParameters(shifted);
        StateVector t = ref.copy();
        d.apply(t);
        Complex want3 = new Complex(Math.cos(shifted[3]), -Math.sin(shifted[3])).times(ref.amplitude(3));
        assertEquals(want3.re(), t.amplitude(3).re(), 1e-14);
        assertEquals(want3.im(), t.amplitude(3).im(), 1e-14);
        assertThrows(org.qdl.sim.InvalidInputException.class, () -> new DiagonalPhaseLayer(3, new double[7]));
    }

    @Test
    void observableShapesGiveOutcomeRangesAndSizes() {
        ObservableShape diag = ObservableShape.of(new DiagonalObservable(new int[] {0, 5}, new double[] {-2, 0.5, 3, 1}));
        assertEquals(-2, diag.minOutcome());
        assertEquals(3, diag.maxOutcome());
        assertEquals(4, diag.descriptionReals());
        assertEquals(2 * 3, diag.structureBits(), "two qubit indices of ⌈log2 6⌉ bits");
        ObservableShape herm = ObservableShape.of(new HermitianObservable(new int[] {1}, ComplexMatrix.real(new double[][] {{1, 2}, {2, -1}})));
        // H = Z + 2X: single-shot term sampling gives outcomes in ±(1 + 2)
        assertEquals(-3, herm.minOutcome(), 1e-12);
        assertEquals(3, herm.maxOutcome(), 1e-12);
        assertEquals(4, herm.descriptionReals());
        assertTrue(ObservableShape.of(PauliString.parse("X3")).outcomeWidth() == 2);
    }
}
