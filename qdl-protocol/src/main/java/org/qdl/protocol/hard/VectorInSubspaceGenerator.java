package org.qdl.protocol.hard;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.qdl.protocol.model.FixedUnitaryLayer;
import org.qdl.protocol.model.Layer;
import org.qdl.protocol.model.PauliLayer;
import org.qdl.sim.gate.DiagonalGate;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.gate.MatrixGate;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.gate.RandomUnitaries;
import org.qdl.sim.state.StateVector;

/**
 * Draws vector-in-subspace instances: Bob's U from the family, the answer b uniformly (or as asked),
 * w a uniformly random unit vector of R^{N/2}, and v = U^T(|b⟩ ⊗ w), so v ∈ W when b = 0 and v ∈ W⊥
 * when b = 1 (the top qubit is the most significant index bit).
 */
public final class VectorInSubspaceGenerator {
    /** Largest register for the dense Haar family (dense gates are limited to this many qubits). */
    public static final int MAX_HAAR_QUBITS = MatrixGate.MAX_TARGETS;

    private VectorInSubspaceGenerator() {}

    public static VectorInSubspaceInstance draw(SubspaceFamily family, int numQubits, SplittableRandom rng) {
        return draw(family, numQubits, rng.nextBoolean(), rng);
    }

    public static VectorInSubspaceInstance draw(SubspaceFamily family, int numQubits, boolean inSubspace, SplittableRandom rng) {
        if (numQubits < 1) throw new InvalidInputException("the vector-in-subspace problem needs N ≥ 2, got " + numQubits + " qubits");
        if (family == SubspaceFamily.HAAR && numQubits > MAX_HAAR_QUBITS) {
            throw new InvalidInputException("Haar-random subspaces use a dense N×N unitary, limited to N ≤ " + (1 << MAX_HAAR_QUBITS)
                    + "; got N = 2^" + numQubits + " (use the random-circuit family)");
        }
        if (numQubits > StateVector.MAX_QUBITS) throw new InvalidInputException("N = 2^" + numQubits + " exceeds the simulator's 2^" + StateVector.MAX_QUBITS);
        Layer u = family == SubspaceFamily.HAAR ? haarOrthogonal(numQubits, rng) : randomCircuit(numQubits, numQubits, rng);
        int half = 1 << (numQubits - 1);
        StateVector s = StateVector.zeros(numQubits);
        double[] re = s.realArray();
        double norm = 0;
        for (int j = 0; j < half; j++) {
            double g = rng.nextGaussian();
            re[(inSubspace ? 0 : half) + j] = g;
            norm += g * g;
        }
        s.scale(1 / Math.sqrt(norm));
        u.applyInverse(s); // U real orthogonal: U† = U^T, so v is real up to rounding
        double[] v = s.realArray().clone();
        double vn = 0;
        for (double a : v) vn += a * a;
        vn = Math.sqrt(vn);
        for (int i = 0; i < v.length; i++) v[i] /= vn;
        return new VectorInSubspaceInstance(family, numQubits, v, u, inSubspace);
    }

    /** A Haar-random orthogonal matrix on numQubits qubits, as a fixed layer. */
    static FixedUnitaryLayer haarOrthogonal(int numQubits, SplittableRandom rng) {
        return new FixedUnitaryLayer(RandomUnitaries.haarOrthogonal(1 << numQubits, rng));
    }

    /** depth × (RY(θ) on every qubit, then CZ on a ring): real, n·depth angles. */
    public static PauliLayer randomCircuit(int numQubits, int depth, SplittableRandom rng) {
        List<PauliLayer.Step> steps = new ArrayList<>();
        int p = 0;
        for (int l = 0; l < depth; l++) {
            for (int q = 0; q < numQubits; q++) steps.add(PauliLayer.Step.rotation(PauliString.single('Y', q), p++));
            int pairs = numQubits < 2 ? 0 : numQubits == 2 ? 1 : numQubits;
            for (int q = 0; q < pairs; q++) {
                steps.add(PauliLayer.Step.fixed(new DiagonalGate("cz", new int[] {q, (q + 1) % numQubits}, new double[] {0, 0, 0, Math.PI})));
            }
        }
        double[] theta = new double[p];
        for (int j = 0; j < p; j++) theta[j] = rng.nextDouble(-Math.PI, Math.PI);
        return new PauliLayer(numQubits, steps, theta);
    }
}
