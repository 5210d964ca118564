package org.qdl.cli.reproduce;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Runs one study into OUT/&lt;name&gt;/ and stores its result there (result.json, written last and
 * atomically, marks it finished: --resume keeps it). A failing command fails the study, not the
 * report.
 */
final class StudyRunner {
    private StudyRunner() {
    }

    static StudyResult run(Study s, Mode mode, Path data, Path out, boolean resume, Consumer<String> progress) throws IOException {
        Path dir = out.resolve(s.name());
        Path done = dir.resolve("result.json");
        if (resume && Files.isRegularFile(done)) {
            StudyResult kept = ReportWriter.JSON.readValue(done.toFile(), StudyResult.class);
            progress.accept("kept from the earlier run (" + done + ")");
            return kept;
        }
        Files.createDirectories(dir);
        StudyRecorder rec = new StudyRecorder(out);
        long t0 = System.nanoTime();
        String status;
        StudyContext ctx;
        try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(dir.resolve("log.txt"), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
            ctx = new StudyContext(mode, data, dir, log, progress);
            try {
                s.run(ctx, rec);
                status = rec.skipped != null ? "skipped: " + rec.skipped : "ok";
            } catch (StudyFailure e) {
                status = "failed: " + e.getMessage();
            } catch (Exception e) {
                status = "failed: internal error: " + e;
                e.printStackTrace(log);
            }
        }
        StudyResult r = new StudyResult(s.name(), s.title(), status, ctx.commands, rec.tables, rec.plots, rec.files, rec.headlines,
                rec.reference, (System.nanoTime() - t0) / 1e9);
        if (!status.startsWith("failed")) {
            ReportWriter.atomicWrite(done, ReportWriter.JSON.writeValueAsString(r) + "\n");
        }
        return r;
    }
}
