package org.qdl.learning.checkpoint;

import java.util.List;
import java.util.Map;
import org.qdl.learning.gradient.Communication;
import org.qdl.learning.train.EpochRecord;
import org.qdl.learning.train.TrainConfig;

/**
 * A training checkpoint, written as JSON. The RNG state is (config.seed, nextStep): every random
 * choice of step t is drawn from generators seeded by (seed, t, example), so nothing else is needed
 * to continue identically. {@code epochLossSum}/{@code epochLossCount} carry the running mean of the
 * current epoch's estimated loss.
 */
public record Checkpoint(int version, TrainConfig config, long nextStep, Map<String, double[]> parameters,
        Map<String, Map<String, double[]>> optimizer, Communication communication, long baselineBits, long copies,
        double epochLossSum, long epochLossCount, List<EpochRecord> history) {
    public static final int VERSION = 1;
}
