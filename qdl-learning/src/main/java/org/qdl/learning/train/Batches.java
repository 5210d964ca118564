package org.qdl.learning.train;

import java.util.SplittableRandom;

/** The seeded mini-batches of a run and the seed mixing that makes every step's randomness its own. */
final class Batches {
    private Batches() {}

    /** Examples of step t: the epoch's permutation of 0..count−1 (seeded by seed and epoch), sliced. */
    static int[] of(long t, int stepsPerEpoch, int count, int batchSize, long seed) {
        long epoch = t / stepsPerEpoch;
        int[] perm = new int[count];
        for (int i = 0; i < perm.length; i++) perm[i] = i;
        SplittableRandom r = new SplittableRandom(mix(seed, -1 - epoch, 0));
        for (int i = perm.length - 1; i > 0; i--) {
            int k = r.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[k];
            perm[k] = tmp;
        }
        int from = (int) (t % stepsPerEpoch) * batchSize;
        int to = Math.min(perm.length, from + batchSize);
        int[] b = new int[to - from];
        System.arraycopy(perm, from, b, 0, b.length);
        return b;
    }

    /** A well-mixed 64-bit seed from (seed, a, b) (SplitMix64 finaliser). */
    static long mix(long seed, long a, long b) {
        long z = seed ^ (a * 0x9E3779B97F4A7C15L) ^ (b * 0xC2B2AE3D27D4EB4FL);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
