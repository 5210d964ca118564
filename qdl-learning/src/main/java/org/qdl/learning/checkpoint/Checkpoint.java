package org.qdl.learning.checkpoint;

import java.util.List;
import java.util.Map;
import org.qdl.learning.gradient.Communication;
import org.qdl.learning.train.EpochRecord;
import org.qdl.learning.train.TrainConfig;
import org.qdl.learning.train.TrainOptions;

/**
 * A training checkpoint, written as JSON. The RNG state is (config.seed, nextStep): every random
 * choice of step t is drawn from generators seeded by (seed, t, example), so nothing else is needed
 * to continue identically. {@code epochLossSum}/{@code epochLossCount} carry the running mean of the
 * current epoch's estimated loss.
 *
 * <p>{@code parameters} holds the layers of in-process holders only. With remote holders,
 * {@code runId} names the run under which each of them saved its own layers for step
 * {@code nextStep} (see {@link org.qdl.protocol.PartyCheckpoints}); it is null for a fully in-process run.
 *
 * <p>{@code config} describes a run of the embedded task (null otherwise); {@code options} the
 * hyper-parameters of a run on any task, and {@code task} that task's public structure
 * ({@link org.qdl.learning.train.TrainingTask#identity()}), which a resume must match. Files of
 * the embedded task written before these fields existed read with both null.
 */
public record Checkpoint(int version, TrainConfig config, long nextStep, Map<String, double[]> parameters,
        Map<String, Map<String, double[]>> optimizer, Communication communication, long baselineBits, long copies,
        double epochLossSum, long epochLossCount, List<EpochRecord> history, String runId, TrainOptions options, String task) {
    public static final int VERSION = 1;
}
