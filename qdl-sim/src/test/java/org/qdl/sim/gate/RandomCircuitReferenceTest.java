package org.qdl.sim.gate;

import org.qdl.sim.DenseReference;
import org.qdl.sim.state.StateVector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Random circuits over the whole gate set against the independent dense reference, and norm drift. */
class RandomCircuitReferenceTest {
    private static final List<String> NAMES = List.copyOf(StandardGates.qelib1Names());

    /** A random qelib1 gate, or one of the generic kinds of GateSamples.randomGate. */
    static Gate randomAnyGate(int n, SplittableRandom rnd) {
        if (rnd.nextBoolean()) return GateSamples.randomGate(n, rnd);
        while (true) {
            String name = NAMES.get(rnd.nextInt(NAMES.size()));
            StandardGates.Signature sig = StandardGates.signature(name);
            if (sig.qubits() > n) continue;
            double[] p = new double[sig.params()];
            for (int i = 0; i < p.length; i++) p[i] = rnd.nextDouble(-4, 4);
            return StandardGates.of(name, p, GateSamples.distinctQubits(n, sig.qubits(), rnd));
        }
    }

    @Test
    void randomCircuitsUpToTenQubitsMatchDenseReference() {
        SplittableRandom rnd = new SplittableRandom(101);
        for (int trial = 0; trial < 24; trial++) {
            int n = 1 + rnd.nextInt(10); // 1..10
            int depth = n >= 9 ? 15 : 40;
            StateVector s = GateSamples.randomState(n, rnd);
            double[] vr = s.realArray().clone(), vi = s.imagArray().clone();
            for (int g = 0; g < depth; g++) {
                Gate gate = n == 1 ? StandardGates.of("u3", new double[] {rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()}, 0)
                        : randomAnyGate(n, rnd);
                gate.apply(s);
                DenseReference.apply(DenseReference.embed(n, gate.qubits(), gate.matrix()), vr, vi);
            }
            for (int i = 0; i < vr.length; i++) {
                assertEquals(vr[i], s.realArray()[i], 1e-10, "trial " + trial + " n=" + n + " re[" + i + "]");
                assertEquals(vi[i], s.imagArray()[i], 1e-10, "trial " + trial + " n=" + n + " im[" + i + "]");
            }
        }
    }

    @Test
    void normPreservedAfterTenThousandRandomGatesAtSixteenQubits() {
        SplittableRandom rnd = new SplittableRandom(202);
        int n = 16;
        StateVector s = GateSamples.randomState(n, rnd);
        Gate[] pool = new Gate[64]; // a pool of random gates keeps construction cost out of the loop
        for (int i = 0; i < pool.length; i++) pool[i] = randomAnyGate(n, rnd);
        for (int g = 0; g < 10_000; g++) pool[rnd.nextInt(pool.length)].apply(s);
        assertEquals(1.0, s.normSquared(), 1e-12);
    }
}
