package org.qdl.cli.claims;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.qdl.cli.Plots;

/** Small XChart helpers for the claims commands: log-scale line charts saved as PNG and SVG. */
final class ClaimCharts {
    private ClaimCharts() {}

    static XYChart chart(String title, String xTitle, String yTitle, boolean logX, boolean logY) {
        XYChart c = Plots.chart(title, xTitle, yTitle, logX, logY, 900, 620);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        c.getStyler().setMarkerSize(7);
        return c;
    }

    static void line(XYChart c, String name, double[] x, double[] y) {
        c.addSeries(name, x, y).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    }

    static void dashed(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }

    /** Writes base.png and base.svg; returns the two paths. */
    static List<Path> save(XYChart c, Path dir, String base) {
        try {
            return new ArrayList<>(Plots.save(c, dir.resolve(base)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + base + " under " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Writes rows as CSV (header first). */
    static Path csv(Path dir, String name, String header, List<String> lines) {
        try {
            Files.createDirectories(dir);
            Path p = dir.resolve(name);
            List<String> all = new ArrayList<>();
            all.add(header);
            all.addAll(lines);
            Files.write(p, all);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " under " + dir + ": " + e.getMessage(), e);
        }
    }

    static double[] toDoubles(List<? extends Number> v) {
        double[] d = new double[v.size()];
        for (int i = 0; i < d.length; i++) d[i] = v.get(i).doubleValue();
        return d;
    }
}
