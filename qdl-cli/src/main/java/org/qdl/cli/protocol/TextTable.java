package org.qdl.cli.protocol;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table: a header row, right-aligned numeric-looking cells, columns sized to fit. */
public final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String... header) {
        this.header = List.of(header);
    }

    public TextTable row(Object... cells) {
        if (cells.length != header.size()) throw new IllegalArgumentException(cells.length + " cells for " + header.size() + " columns");
        List<String> r = new ArrayList<>();
        for (Object c : cells) r.add(String.valueOf(c));
        rows.add(r);
        return this;
    }

    public void print(PrintWriter out, String indent) {
        int[] w = new int[header.size()];
        for (int c = 0; c < w.length; c++) {
            w[c] = header.get(c).length();
            for (List<String> r : rows) w[c] = Math.max(w[c], r.get(c).length());
        }
        line(out, indent, header, w, false);
        StringBuilder rule = new StringBuilder(indent);
        for (int c = 0; c < w.length; c++) rule.append(c == 0 ? "" : "  ").append("-".repeat(w[c]));
        out.println(rule);
        for (List<String> r : rows) line(out, indent, r, w, true);
        out.flush();
    }

    private static void line(PrintWriter out, String indent, List<String> cells, int[] w, boolean align) {
        StringBuilder sb = new StringBuilder(indent);
        for (int c = 0; c < w.length; c++) {
            String s = cells.get(c);
            boolean right = align && s.matches("[-+0-9.,e×%≈ ]+") && c > 0;
            if (c > 0) sb.append("  ");
            sb.append(right ? " ".repeat(w[c] - s.length()) + s : s + " ".repeat(w[c] - s.length()));
        }
        out.println(sb.toString().stripTrailing());
    }

    /** Integers with thousands separators (1,234,567). */
    public static String count(long v) {
        return String.format("%,d", v);
    }

    /** A compact number: integers below 10^6 in full, larger values as 1.23e+07. */
    public static String compact(double v) {
        if (Math.abs(v) < 1e6 && v == Math.rint(v)) return String.format("%,d", (long) v);
        return String.format(Math.abs(v) >= 1e6 ? "%.3g" : "%.4g", v);
    }
}
