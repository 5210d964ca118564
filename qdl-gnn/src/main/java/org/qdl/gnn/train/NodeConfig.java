package org.qdl.gnn.train;

import org.qdl.gnn.features.Diffusion;

/**
 * Node-classification hyperparameters; {@link #authors()} are the published defaults (R = 5,
 * hidden 512, dropout 0.4, input dropout 0.3, lr 0.001, no weight decay, 1000 epochs, evaluation
 * every 10 epochs as in the authors' script).
 */
public record NodeConfig(int r, int hidden, double dropout, double inputDropout, double lr, double weightDecay,
                         int epochs, int evalEvery, Diffusion op, String activation) {

    public static NodeConfig authors(String activation) {
        return new NodeConfig(5, 512, 0.4, 0.3, 0.001, 0, 1000, 10, Diffusion.GCN, activation);
    }

    public NodeConfig withActivation(String a) {
        return new NodeConfig(r, hidden, dropout, inputDropout, lr, weightDecay, epochs, evalEvery, op, a);
    }

    /** Multiply-adds of one training epoch on nTrain nodes with F features and C classes (×2 = flops). */
    public double trainEpochFlops(int nTrain, int features, int classes) {
        double perHop = 2.0 * nTrain * features * hidden;
        double lin = (r + 1) * perHop * 2; // forward xW and backward xᵀdz
        double proj = 2.0 * nTrain * (r + 1) * hidden * classes * 3; // forward, dW, dx
        return lin + proj;
    }
}
