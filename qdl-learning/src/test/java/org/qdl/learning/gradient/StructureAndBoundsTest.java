package org.qdl.learning.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qdl.learning.train.Ansatz;
import org.qdl.protocol.GeneratorStructure;
import org.qdl.protocol.model.GeneratorOperations;
import org.qdl.protocol.model.Layers;
import org.qdl.protocol.model.PauliLayer;
import org.qdl.sim.observable.PauliString;

class StructureAndBoundsTest {
    @Test
    void structureFlagsFollowCommutation() {
        GeneratorStructure z = GeneratorOperations.structure(Ansatz.uniform('Z', 4, 1, new SplittableRandom(1)));
        assertTrue(z.qubitWiseCommuting() && z.derivativesArePauli());
        assertEquals(2, z.maxLocality());
        assertEquals(7, z.steps());
        // XX, YY, ZZ on one pair commute but are not qubit-wise commuting: shadows apply, joint QWC does not
        PauliLayer bell = PauliLayer.ofGenerators(2, List.of(PauliString.parse("X0 X1"), PauliString.parse("Y0 Y1"), PauliString.parse("Z0 Z1")), new double[3]);
        GeneratorStructure b = GeneratorOperations.structure(bell);
        assertTrue(b.derivativesArePauli());
        assertFalse(b.qubitWiseCommuting());
        GeneratorStructure he = GeneratorOperations.structure(Layers.hardwareEfficient(3, new SplittableRandom(2)));
        assertFalse(he.derivativesArePauli());
    }

    @Test
    void estimatorsSayWhenTheyDoNotApply() {
        var net = Fixtures.general(3, 1);
        var m = Fixtures.generalModel();
        assertNotNull(new SimultaneousEstimation().notApplicable(net, m));
        assertNotNull(new ClassicalShadows().notApplicable(net, m));
        assertNull(new ParameterShift().notApplicable(net, m));
        assertNull(new HadamardTest().notApplicable(net, m));
    }

    @Test
    void shadowTomographyCountsFollowTheFormula() {
        // N = 1024 (10 qubits, 11 with the ancilla), P = 100, L = 4, ε = 0.1, δ = 0.05
        ShadowTomographyBound.Counts c = ShadowTomographyBound.of(1024, 100, 4, 0.1, 0.05);
        double ell = Math.log(4 / 0.05), lnP = Math.log(100);
        assertEquals((long) Math.ceil((lnP * lnP + ell) * 11 * ell / 1e-4), c.copiesPerLayer());
        assertEquals(4 * c.copiesPerLayer(), c.copiesPerStep());
        assertEquals(11, c.qubitsPerCopy());
        assertFalse(c.simulable());
        assertTrue(c.reason().startsWith("not simulated"));
        // polylogarithmic: squaring N adds a factor (2·10+1)/11, not N
        ShadowTomographyBound.Counts big = ShadowTomographyBound.of(1L << 20, 100, 4, 0.1, 0.05);
        assertEquals(21.0 / 11, (double) big.copiesPerLayer() / c.copiesPerLayer(), 1e-6);
    }
}
