package org.qdl.sim.gate;

import java.util.random.RandomGenerator;

/** Random circuits used by benchmarks and tests. */
public final class RandomCircuits {
    private RandomCircuits() {}

    /**
     * {@code depth} layers, each a random RX, RY or RZ (angle in [0, 2π)) on every qubit, then CZ on
     * alternating neighbour pairs (even pairs on even layers, odd pairs on odd layers).
     */
    public static Circuit layered(int n, int depth, RandomGenerator rnd) {
        Circuit c = new Circuit(n);
        for (int layer = 0; layer < depth; layer++) {
            for (int q = 0; q < n; q++) {
                double th = rnd.nextDouble(2 * Math.PI);
                switch (rnd.nextInt(3)) {
                    case 0 -> c.rx(q, th);
                    case 1 -> c.ry(q, th);
                    default -> c.rz(q, th);
                }
            }
            for (int q = layer % 2; q + 1 < n; q += 2) c.cz(q, q + 1);
        }
        return c;
    }
}
