package org.qdl.learning.train;

import java.util.List;
import org.qdl.learning.checkpoint.CheckpointIO;

/** Runs of the embedded task whose figures were recorded from the two-party trainer before it was generalised. */
final class EmbeddedReference {
    private EmbeddedReference() {}

    static final List<TrainConfig> CONFIGS = List.of(
            new TrainConfig(4, 3, 6, 4, 0.8, 11, "simultaneous", "logistic", "adam", 0.2, 2, 2, 0.3, 0.2),
            new TrainConfig(4, 3, 6, 4, 0.8, 11, "parameter-shift", "squared", "sgd", 0.2, 2, 2, 0.3, 0.2),
            new TrainConfig(8, 2, 6, 4, 1.0, 5, "hadamard-test", "logistic", "adam", 0.1, 3, 2, 0.3, 0.2),
            new TrainConfig(8, 4, 4, 4, 1.0, 3, "classical-shadows", "logistic", "adam", 0.1, 2, 1, 0.5, 0.2),
            new TrainConfig(16, 1, 8, 4, 1.0, 9, "adjoint", "squared", "adam", 0.1, 4, 2, 0.3, 0.2));

    /** Per-epoch records, cumulative communication, the network's ledger and the final checkpoint (parameters, optimiser state). */
    static String fingerprint(Trainer t, List<EpochRecord> h) {
        StringBuilder sb = new StringBuilder();
        for (EpochRecord r : h) sb.append(r).append('\n');
        sb.append(t.communication()).append('\n');
        sb.append(t.setup().network().ledger()).append('\n');
        sb.append(CheckpointIO.toJson(t.checkpoint().parameters())).append('\n');
        sb.append(CheckpointIO.toJson(t.checkpoint().optimizer()));
        return sb.toString();
    }
}
