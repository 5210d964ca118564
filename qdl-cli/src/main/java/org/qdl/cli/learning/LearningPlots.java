package org.qdl.cli.learning;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.qdl.cli.Plots;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The learning commands' line plots (on {@link Plots}). */
final class LearningPlots {
    private LearningPlots() {}

    /** One named series of (x, y) points. */
    record Series(String name, double[] x, double[] y) {}

    static XYChart chart(String title, String xLabel, String yLabel, boolean logX, boolean logY, List<Series> series) {
        XYChart c = Plots.chart(title, xLabel, yLabel, logX, logY, 800, 520);
        c.getStyler().setMarkerSize(6);
        for (Series s : series) {
            if (s.x().length == 0) continue;
            XYSeries xs = c.addSeries(s.name(), s.x(), s.y());
            xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        }
        return c;
    }

    /** Writes {@code base}.png and {@code base}.svg; returns the two paths. */
    static List<Path> save(XYChart c, Path base) throws IOException {
        return Plots.save(c, base);
    }
}
