package org.qdl.learning.train;

import org.qdl.sim.InvalidInputException;

/** Everything that defines a training run; with the seed it fixes the run completely. */
public record TrainConfig(int n, int layers, int trainCount, int testCount, double noise, long seed, String estimator,
        String loss, String optimizer, double learningRate, int batchSize, int epochs, double epsilon, double delta) {
    public TrainConfig {
        if (layers < 1) throw new InvalidInputException("need at least one layer, got " + layers);
        if (batchSize < 1 || batchSize > trainCount) throw new InvalidInputException("batch size must lie in 1.." + trainCount + ", got " + batchSize);
        if (epochs < 1) throw new InvalidInputException("need at least one epoch, got " + epochs);
        Loss.parse(loss);
        org.qdl.learning.gradient.Estimators.byName(estimator);
        org.qdl.learning.optim.Optimizer.create(optimizer, learningRate, 1);
        new org.qdl.learning.gradient.Precision(epsilon, delta);
    }

    /** The hyper-parameters shared with runs on other tasks. */
    public TrainOptions options() {
        return new TrainOptions(seed, estimator, loss, optimizer, learningRate, batchSize, epochs, epsilon, delta);
    }

    public int stepsPerEpoch() {
        return (trainCount + batchSize - 1) / batchSize;
    }

    public long totalSteps() {
        return (long) epochs * stepsPerEpoch();
    }
}
