package org.qdl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** XChart line charts for every command, written as PNG and SVG side by side (SVG via VectorGraphics2D). */
public final class Plots {
    private Plots() {}

    /** An empty chart with titles and optional log axes; rendering needs no display. */
    public static XYChart chart(String title, String xLabel, String yLabel, boolean logX, boolean logY, int width, int height) {
        System.setProperty("java.awt.headless", "true");
        XYChart c = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        c.getStyler().setXAxisLogarithmic(logX);
        c.getStyler().setYAxisLogarithmic(logY);
        return c;
    }

    /** Writes {@code base}.png and {@code base}.svg (creating the folder); returns the two paths. */
    public static List<Path> save(XYChart c, Path base) throws IOException {
        Path dir = base.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Path png = base.resolveSibling(base.getFileName() + ".png");
        Path svg = base.resolveSibling(base.getFileName() + ".svg");
        OutputFiles.write(png, () -> BitmapEncoder.saveBitmap(c, png.toString(), BitmapEncoder.BitmapFormat.PNG));
        OutputFiles.write(svg, () -> VectorGraphicsEncoder.saveVectorGraphic(c, svg.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
        return List.of(png, svg);
    }
}
