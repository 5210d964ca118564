package org.qdl.cli.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.qdl.cli.protocol.LogLogChart;

/** Number formatting and fits shared by the study adapters. */
final class Fmt {
    private Fmt() {
    }

    static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    static String pct(JsonNode stats) {
        return f("%.2f ± %.2f", 100 * stats.get("mean").asDouble(), 100 * stats.get("std").asDouble());
    }

    /** Least-squares slope of log y against log x. */
    static double logLogSlope(double[] x, double[] y) {
        return LogLogChart.slope(x, y);
    }
}
