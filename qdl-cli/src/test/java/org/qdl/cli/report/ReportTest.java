package org.qdl.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {
    record Row(int k, double ratio, String name) {}

    private static Report<Row> report() {
        return new Report<>(List.of(new Row(4, 0.125, "a, b"), new Row(5, Double.NaN, "c")))
                .meta("seed", 7)
                .column("N", r -> "2^" + r.k(), "k", Row::k)
                .column("ratio", r -> String.format("%.2f", r.ratio()), "ratio", Row::ratio)
                .csvOnly("name", Row::name)
                .tableOnly("note", r -> r.k() == 4 ? "first" : "");
    }

    @Test
    void oneColumnListGivesTheTableTheCsvAndTheJson() throws Exception {
        Report<Row> rep = report();
        assertEquals("k,ratio,name\n4,0.125000000,\"a, b\"\n5,,c\n", rep.csv(), "NaN is an empty cell, a comma quotes the cell");
        StringWriter w = new StringWriter();
        rep.printTable(new PrintWriter(w, true), "");
        String table = w.toString();
        assertTrue(table.startsWith("N  "), table);
        assertTrue(table.contains("2^4") && table.contains("0.13") && table.contains("first") && !table.contains("a, b"), table);
        JsonNode doc = new ObjectMapper().readTree(rep.json());
        assertEquals(7, doc.get("seed").asInt());
        assertEquals(2, doc.get("rows").size());
        assertEquals("a, b", doc.get("rows").get(0).get("name").asText());
    }
}
