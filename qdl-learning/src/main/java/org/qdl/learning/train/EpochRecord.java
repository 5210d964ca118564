package org.qdl.learning.train;

/**
 * One epoch's figures. {@code estimatedLoss} is the mean loss of the estimated outputs the training
 * steps used; {@code trainLoss}, accuracies come from exact outputs (validation, off the ledger).
 * Communication columns are cumulative since step 0. Epoch 0 is the untrained model (no steps yet).
 */
public record EpochRecord(int epoch, long steps, double estimatedLoss, double trainLoss, double trainAccuracy,
        double testAccuracy, long qubits, long classicalBits, long baselineBits, long copies) {}
