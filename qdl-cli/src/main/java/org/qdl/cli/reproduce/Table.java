package org.qdl.cli.reproduce;

import java.util.ArrayList;
import java.util.List;

/** A titled table of text cells, as it appears in report.md. */
public record Table(String title, List<String> header, List<List<String>> rows) {

    public static Table of(String title, String... header) {
        return new Table(title, List.of(header), new ArrayList<>());
    }

    /** Appends a row (cells formatted by String.valueOf). */
    public Table row(Object... cells) {
        List<String> r = new ArrayList<>(cells.length);
        for (Object c : cells) {
            r.add(String.valueOf(c));
        }
        if (r.size() != header.size()) {
            throw new IllegalArgumentException(title + ": row of " + r.size() + " cells for " + header.size() + " columns");
        }
        rows.add(r);
        return this;
    }

    /** GitHub-flavoured Markdown (pipes in cells escaped). */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        line(sb, header);
        sb.append('|');
        for (int i = 0; i < header.size(); i++) {
            sb.append("---|");
        }
        sb.append('\n');
        rows.forEach(r -> line(sb, r));
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        sb.append('|');
        for (String c : cells) {
            sb.append(' ').append(c.replace("|", "\\|")).append(" |");
        }
        sb.append('\n');
    }
}
