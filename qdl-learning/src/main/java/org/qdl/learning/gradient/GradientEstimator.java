package org.qdl.learning.gradient;

import org.qdl.protocol.Network;
import org.qdl.protocol.model.DistributedModel;

/**
 * Estimates ∇_θ f(x) of a distributed model by running a protocol over the network's channels;
 * what crosses them is recorded on the network's ledger and summarised in the estimate.
 */
public interface GradientEstimator {
    /** Short name used on the command line and in tables ("parameter-shift", …). */
    String name();

    /** Why this estimator cannot handle the model, or null if it can. */
    default String notApplicable(Network net, DistributedModel model) {
        return null;
    }

    /** Copies of the input state the estimator will use for this model and precision. */
    long plannedCopies(Network net, DistributedModel model, Precision precision);

    GradientEstimate estimate(Network net, DistributedModel model, Precision precision, long seed);

    /** Throws an InvalidInputException naming the reason when the estimator cannot run on the model. */
    default void requireApplicable(Network net, DistributedModel model) {
        String why = notApplicable(net, model);
        if (why != null) throw new org.qdl.sim.InvalidInputException(name() + " cannot estimate this model's gradient: " + why);
    }
}
