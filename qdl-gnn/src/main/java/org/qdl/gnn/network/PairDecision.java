package org.qdl.gnn.network;

/**
 * One class pair's decision "is class a more frequent than class b among the nodes?" answered over
 * the network. {@code classical} is the node-averaged logit difference computed from the model's
 * logits; {@code quantumExact} the simulator's exact value of the same quantity as an expectation
 * (validation); {@code estimate} ± {@code halfWidth} the value estimated from {@code shots} shots at
 * confidence 1 − δ; {@code shotsToDecide} the Hoeffding shots that would decide the sign with
 * confidence 1 − δ given the true margin.
 */
public record PairDecision(int a, int b, double classical, double quantumExact, double estimate, double halfWidth,
                           int shots, double shotsToDecide, boolean truth) {
    public boolean classicalDecision() {
        return classical > 0;
    }

    public boolean quantumDecision() {
        return estimate > 0;
    }

    public boolean agrees() {
        return classicalDecision() == quantumDecision();
    }

    /** The confidence interval excludes 0: the quantum decision is certified at level 1 − δ. */
    public boolean certified() {
        return Math.abs(estimate) > halfWidth;
    }
}
