package org.qdl.learning.train;

import org.qdl.learning.gradient.Estimators;
import org.qdl.learning.gradient.Precision;
import org.qdl.learning.optim.Optimizer;
import org.qdl.sim.InvalidInputException;

/**
 * The hyper-parameters of a training run on any task: with the task and the seed they fix the run
 * completely (batches, shots and estimator randomness all derive from the seed).
 */
public record TrainOptions(long seed, String estimator, String loss, String optimizer, double learningRate, int batchSize,
        int epochs, double epsilon, double delta) {
    public TrainOptions {
        if (batchSize < 1) throw new InvalidInputException("batch size must be at least 1, got " + batchSize);
        if (epochs < 1) throw new InvalidInputException("need at least one epoch, got " + epochs);
        Loss.parse(loss);
        Estimators.byName(estimator);
        Optimizer.create(optimizer, learningRate, 1);
        new Precision(epsilon, delta);
    }

    /** Steps of one epoch over {@code trainCount} examples. */
    public int stepsPerEpoch(int trainCount) {
        return (trainCount + batchSize - 1) / batchSize;
    }
}
