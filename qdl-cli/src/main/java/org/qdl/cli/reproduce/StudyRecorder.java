package org.qdl.cli.reproduce;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects a study's outputs while it runs; the runner turns them into a {@link StudyResult}. */
public final class StudyRecorder {
    private final Path reportRoot;
    final List<Table> tables = new ArrayList<>();
    final List<String> plots = new ArrayList<>();
    final List<String> files = new ArrayList<>();
    final List<Headline> headlines = new ArrayList<>();
    String reference;
    String skipped;

    StudyRecorder(Path reportRoot) {
        this.reportRoot = reportRoot;
    }

    public Table table(Table t) {
        tables.add(t);
        return t;
    }

    /** A plot written by the study (the PNG; an SVG beside it is listed as a file). */
    public void plot(Path png) {
        plots.add(relative(png));
    }

    public void file(Path f) {
        files.add(relative(f));
    }

    public void headline(String claim, boolean holds, String measured) {
        headlines.add(new Headline(claim, holds, measured));
    }

    /** The published figure(s) the study is measured against, or the paper's statement of the claim. */
    public void reference(String text) {
        reference = text;
    }

    /** Marks the study (or the rest of it) as not run, with the reason (e.g. data missing: what, where). */
    public void skip(String why) {
        skipped = why;
    }

    private String relative(Path p) {
        return reportRoot.toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize()).toString();
    }
}
