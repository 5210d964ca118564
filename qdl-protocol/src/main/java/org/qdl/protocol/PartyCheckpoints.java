package org.qdl.protocol;

/**
 * Checkpoints kept by the parties themselves. A layer holder in another process never shows its
 * parameters to the coordinator, so at a checkpoint the coordinator asks each such holder to
 * persist its own layers under (run id, step), and on resume to load them back. The coordinator's
 * own checkpoint file then holds only what it knows: optimiser state over gradients, step, seed
 * and the cumulative ledger.
 */
public interface PartyCheckpoints {
    /** For networks whose layer holders all live in this process. */
    PartyCheckpoints NONE = new PartyCheckpoints() {
        @Override
        public void save(String party, String runId, long step) {
            throw new IllegalStateException("party " + party + " is not in this process, and no party checkpoints are configured");
        }

        @Override
        public void restore(String party, String runId, long step) {
            throw new IllegalStateException("party " + party + " is not in this process, and no party checkpoints are configured");
        }
    };

    /** Party {@code party} persists its layer parameters as they are after {@code step} steps of run {@code runId}. */
    void save(String party, String runId, long step);

    /** Party {@code party} sets its layer parameters to those it saved for ({@code runId}, {@code step}). */
    void restore(String party, String runId, long step);
}
