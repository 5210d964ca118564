package org.qdl.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.qdl.cli.OutputFiles;
import org.qdl.cli.protocol.LogLogChart;
import org.qdl.cli.protocol.TextTable;

/**
 * The rows of one result, written each way a command writes results: a text table (stdout), CSV,
 * a JSON document (metadata, then the rows as records), and a log-log plot of chosen columns. One
 * column list serves the table and the CSV, so the two cannot disagree on what a row holds.
 */
public final class Report<R> {
    /** A column: its table header and cell (null: CSV only), its CSV name and value (null: table only). */
    private record Column<R>(String header, Function<R, Object> text, String csvName, Function<R, Object> csv) {}

    private final List<R> rows;
    private final List<Column<R>> columns = new ArrayList<>();
    private final Map<String, Object> meta = new LinkedHashMap<>();

    public Report(List<R> rows) {
        this.rows = List.copyOf(rows);
    }

    /** A column whose table cell and CSV value are the same. */
    public Report<R> column(String header, String csvName, Function<R, Object> value) {
        return column(header, value, csvName, value);
    }

    /** A column shown as {@code text} in the table (counts with separators, rounded ratios) and as {@code csv} in the CSV. */
    public Report<R> column(String header, Function<R, Object> text, String csvName, Function<R, Object> csv) {
        columns.add(new Column<>(header, text, csvName, csv));
        return this;
    }

    public Report<R> tableOnly(String header, Function<R, Object> text) {
        return column(header, text, null, null);
    }

    public Report<R> csvOnly(String csvName, Function<R, Object> csv) {
        return column(null, null, csvName, csv);
    }

    /** A key of the JSON document, before its rows (parameters, fitted slopes, …). */
    public Report<R> meta(String key, Object value) {
        meta.put(key, value);
        return this;
    }

    /** The JSON document: metadata in insertion order, then "rows". */
    public Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>(meta);
        doc.put("rows", rows);
        return doc;
    }

    public String json() {
        try {
            return MAPPER.writeValueAsString(document());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report row cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public void printTable(PrintWriter out, String indent) {
        List<Column<R>> shown = columns.stream().filter(c -> c.header() != null).toList();
        TextTable t = new TextTable(shown.stream().map(Column::header).toArray(String[]::new));
        for (R r : rows) t.row(shown.stream().map(c -> c.text().apply(r)).toArray());
        t.print(out, indent);
    }

    /** Header line and one line per row; numbers in the root locale, doubles to 9 significant digits. */
    public String csv() {
        List<Column<R>> written = columns.stream().filter(c -> c.csvName() != null).toList();
        StringBuilder sb = new StringBuilder(String.join(",", written.stream().map(Column::csvName).toList())).append('\n');
        for (R r : rows) {
            for (int i = 0; i < written.size(); i++) {
                if (i > 0) sb.append(',');
                sb.append(cell(written.get(i).csv().apply(r)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String cell(Object v) {
        if (v == null) return "";
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%.9g", d);
        }
        String s = String.valueOf(v);
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** One column of the rows as numbers (for slopes and plots). */
    public double[] values(ToDoubleFunction<R> f) {
        return rows.stream().mapToDouble(f).toArray();
    }

    /**
     * Writes {@code stem}.csv and {@code stem}.json under dir and, when chart is not null, the plot as
     * {@code stem}.png and .svg; returns the base path (dir/stem). A failed write names its file.
     */
    public Path write(Path dir, String stem, LogLogChart chart) {
        Path base = dir.resolve(stem), csv = dir.resolve(stem + ".csv"), json = dir.resolve(stem + ".json");
        OutputFiles.write(dir, () -> Files.createDirectories(dir));
        OutputFiles.write(csv, () -> Files.writeString(csv, csv()));
        OutputFiles.write(json, () -> Files.writeString(json, json() + "\n"));
        if (chart != null) OutputFiles.write(base, () -> chart.save(base));
        return base;
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
}
