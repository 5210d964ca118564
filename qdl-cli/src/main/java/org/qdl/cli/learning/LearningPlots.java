package org.qdl.cli.learning;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/** XChart line plots written as PNG and SVG side by side (SVG through VectorGraphics2D). */
final class LearningPlots {
    private LearningPlots() {}

    /** One named series of (x, y) points. */
    record Series(String name, double[] x, double[] y) {}

    static XYChart chart(String title, String xLabel, String yLabel, boolean logX, boolean logY, List<Series> series) {
        System.setProperty("java.awt.headless", "true");
        XYChart c = new XYChartBuilder().width(800).height(520).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        c.getStyler().setXAxisLogarithmic(logX);
        c.getStyler().setYAxisLogarithmic(logY);
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
        Path png = base.resolveSibling(base.getFileName() + ".png");
        Path svg = base.resolveSibling(base.getFileName() + ".svg");
        BitmapEncoder.saveBitmap(c, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        VectorGraphicsEncoder.saveVectorGraphic(c, svg.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        return List.of(png, svg);
    }
}
