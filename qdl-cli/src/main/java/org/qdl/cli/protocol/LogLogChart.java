package org.qdl.cli.protocol;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.qdl.cli.Plots;

/** A log-log plot of several series against N, each labelled with its fitted slope; PNG and SVG. */
public final class LogLogChart {
    public record Series(String name, double[] x, double[] y) {}

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();

    public LogLogChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public LogLogChart add(String name, double[] x, double[] y) {
        series.add(new Series(name, x, y));
        return this;
    }

    /** Least-squares slope of log y against log x (the exponent of a power law y ∝ x^slope). */
    public static double slope(double[] x, double[] y) {
        int n = 0;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] > 0 && y[i] > 0)) continue;
            double a = Math.log(x[i]), b = Math.log(y[i]);
            n++;
            sx += a;
            sy += b;
            sxx += a * a;
            sxy += a * b;
        }
        if (n < 2) return Double.NaN;
        double den = n * sxx - sx * sx;
        return den == 0 ? Double.NaN : (n * sxy - sx * sy) / den;
    }

    /** Writes {@code base}.png and {@code base}.svg. */
    public void save(Path base) throws IOException {
        XYChart chart = Plots.chart(title, xLabel, yLabel, true, true, 900, 600);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        chart.getStyler().setMarkerSize(6);
        for (Series s : series) {
            chart.addSeries(String.format("%s (slope %.2f)", s.name, slope(s.x, s.y)), s.x, s.y).setMarker(SeriesMarkers.CIRCLE);
        }
        Plots.save(chart, base);
    }
}
