package org.qdl.protocol.hard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qdl.protocol.Link;
import org.qdl.protocol.model.FixedUnitaryLayer;
import org.qdl.sim.state.ComplexMatrix;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.gate.MatrixGate;

class VectorInSubspaceTest {
    @Test
    void haarInstancesAreDecidedWithCertainty() {
        SplittableRandom rng = new SplittableRandom(1);
        int yes = 0;
        for (int n = 1; n <= 6; n++) {
            for (int k = 0; k < 40; k++) {
                VectorInSubspaceInstance inst = VectorInSubspaceGenerator.draw(SubspaceFamily.HAAR, n, rng);
                SubspaceDecision d = VectorInSubspaceProtocol.decide(inst, rng.nextLong());
                assertTrue(d.correct(), "wrong answer at n = " + n);
                assertTrue(d.probabilityWrong() < 1e-12, "wrong outcome has probability " + d.probabilityWrong());
                assertEquals(n, d.qubits(), "one message of log2 N qubits");
                assertEquals(1, d.ledger().stats(new Link("alice", "bob")).messages());
                assertEquals(0, d.ledger().stats(new Link("bob", "alice")).messages(), "one-way");
                if (inst.inSubspace()) yes++;
            }
        }
        assertTrue(yes > 80 && yes < 160, "both answers occur: " + yes + " of 240 in W");
    }

    @Test
    void haarUnitaryIsOrthogonalAndVectorsAreRealUnitAndPromised() {
        SplittableRandom rng = new SplittableRandom(2);
        int n = 5, d = 1 << n;
        VectorInSubspaceInstance inst = VectorInSubspaceGenerator.draw(SubspaceFamily.HAAR, n, true, rng);
        ComplexMatrix u = ((MatrixGate) ((FixedUnitaryLayer) inst.bobUnitary()).gates().get(0)).unitary();
        assertTrue(u.times(u.dagger()).distance(ComplexMatrix.identity(d)) < 1e-12);
        double norm = 0;
        for (double a : inst.v()) norm += a * a;
        assertEquals(1, norm, 1e-12);
        // independent check of the promise: (U v) has no weight on the top half of the indices
        double top = 0;
        for (int r = d / 2; r < d; r++) {
            double re = 0, im = 0;
            for (int c = 0; c < d; c++) {
                re += u.re(r, c) * inst.v()[c];
                im += u.im(r, c) * inst.v()[c];
            }
            top += re * re + im * im;
        }
        assertEquals(0, top, 1e-20);
    }

    @Test
    void randomCircuitInstancesAreDecidedAtLargerN() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int n : new int[] {2, 7, 12, 16}) {
            for (boolean in : new boolean[] {true, false}) {
                SubspaceDecision d = VectorInSubspaceProtocol.decide(VectorInSubspaceGenerator.draw(SubspaceFamily.RANDOM_CIRCUIT, n, in, rng), 5);
                assertTrue(d.correct());
                assertTrue(d.probabilityWrong() < 1e-12, "" + d.probabilityWrong());
                assertEquals(n, d.qubits());
                assertEquals(Math.cbrt(1 << n), d.lowerBoundBits(), 1e-9);
                // Alice sending v costs N reals; Bob sending his circuit costs n·depth angles (+ O, result)
                long vBits = (1L << n) * 64;
                assertEquals(vBits, d.classical().vectorBits());
                // O = projector on the top qubit: 2 diagonal values and one ⌈log2 n⌉-bit qubit index
                long circuit = (long) n * n * 64 + (2 * 64 + (32 - Integer.numberOfLeadingZeros(n - 1))) + 64;
                assertEquals(Math.min(vBits, circuit), d.classical().cheapest().bits());
            }
        }
    }

    @Test
    void haarIsLimitedToDenseSizes() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> VectorInSubspaceGenerator.draw(SubspaceFamily.HAAR, 9, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("random-circuit"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> VectorInSubspaceGenerator.draw(SubspaceFamily.RANDOM_CIRCUIT, 0, new SplittableRandom(1)));
    }
}
