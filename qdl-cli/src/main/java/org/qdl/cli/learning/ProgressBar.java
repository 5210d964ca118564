package org.qdl.cli.learning;

import java.io.PrintWriter;

/** A one-line progress bar on stderr, redrawn in place with '\r'. */
final class ProgressBar {
    private final PrintWriter err;
    private final String label;
    private final long started = System.nanoTime();
    private int lastPercent = -1;

    ProgressBar(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    void update(long done, long total, String detail) {
        int pct = total == 0 ? 100 : (int) (100 * done / total);
        if (pct == lastPercent && done != total) return;
        lastPercent = pct;
        int width = 30, filled = width * pct / 100;
        double secs = (System.nanoTime() - started) / 1e9;
        err.printf("\r%s [%s%s] %3d%% %d/%d %s %.0fs ", label, "#".repeat(filled), " ".repeat(width - filled), pct, done, total, detail, secs);
        err.flush();
    }

    void finish() {
        err.println();
        err.flush();
    }
}
