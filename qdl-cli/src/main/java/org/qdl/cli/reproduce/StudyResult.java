package org.qdl.cli.reproduce;

import java.util.List;

/**
 * What one study produced: status ("ok", "skipped: why", "failed: why"), the exact qdl commands it
 * ran, its tables, plots and files (paths relative to the report), its headline checks, the
 * published reference where the paper or the authors' code gives one, and its wall time.
 */
public record StudyResult(String name, String title, String status, List<String> commands, List<Table> tables,
                          List<String> plots, List<String> files, List<Headline> headlines, String reference,
                          double seconds) {

    /** Every headline holds (a skipped study has none, and holds vacuously only when skipped). */
    public boolean holds() {
        return !status.startsWith("failed") && headlines.stream().allMatch(Headline::holds);
    }
}
