package org.qdl.gnn.train;

import org.qdl.gnn.model.SignNodeModel;

/**
 * One seed's outcome: the epoch with the best validation accuracy and the test accuracy there, the
 * decision-problem accuracies (val/test) at that epoch, and the model with the weights of that epoch.
 */
public record NodeRunResult(long seed, String activation, int bestEpoch, double bestVal, double test,
                            double valDecision, double testDecision, double seconds, SignNodeModel model) {
}
