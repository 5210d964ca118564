package org.qdl.gnn.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.qdl.sim.InvalidInputException;

/**
 * Finds data sets under a data directory by layout: a folder per data set holding
 * {@code planetoid_text/}, {@code planetoid/}, {@code linqs/} (node classification) or
 * {@code gin_format/}, a {@code .zip} of it, {@code tu_raw/} (graph classification). The embedded
 * generators answer to "csbm" and "synthetic" without files.
 */
public final class Datasets {
    /** One data set found on disk: its name, task and the layouts present. */
    public record Entry(String name, String task, List<String> formats, Path dir) {
    }

    private Datasets() {
    }

    /** --data, else $QDL_DATA, else ./data. */
    public static Path resolveRoot(Path given) {
        if (given != null) {
            return given;
        }
        String env = System.getenv("QDL_DATA");
        return Path.of(env != null && !env.isBlank() ? env : "data");
    }

    public static List<Entry> list(Path root) {
        if (!Files.isDirectory(root)) {
            throw new InvalidInputException("data directory " + root + " does not exist (use --data DIR or set QDL_DATA)");
        }
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            for (Path d : s.sorted().toList()) {
                if (Files.isDirectory(d)) {
                    Entry e = describe(d);
                    if (e != null) {
                        out.add(e);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static Entry describe(Path d) {
        String name = d.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        List<String> f = new ArrayList<>();
        if (PlanetoidText.present(d.resolve("planetoid_text"), lower)) {
            f.add(Files.isRegularFile(d.resolve("planetoid_text").resolve(lower + ".features.txt")) ? "planetoid_text" : "planetoid_text(no features)");
        }
        if (PlanetoidPickle.present(d.resolve("planetoid"), lower)) {
            f.add(Files.isRegularFile(d.resolve("planetoid").resolve("ind." + lower + ".allx")) ? "planetoid" : "planetoid(no allx)");
        }
        if (Linqs.present(d.resolve("linqs"), lower)) {
            f.add("linqs");
        }
        if (OgbNodes.present(d)) {
            f.add("ogb");
        }
        if (RedditNpz.present(d)) {
            f.add("reddit_npz");
        }
        if (!f.isEmpty()) {
            return new Entry(lower, "node", f, d);
        }
        if (ginFile(d) != null) {
            f.add("gin_format");
        }
        if (zipFile(d) != null) {
            f.add("gin_zip");
        }
        if (TuRaw.present(d.resolve("tu_raw"), name)) {
            f.add("tu_raw");
        }
        return f.isEmpty() ? null : new Entry(name, "graph", f, d);
    }

    static Path ginFile(Path d) {
        Path g = d.resolve("gin_format");
        if (!Files.isDirectory(g)) {
            return null;
        }
        try (Stream<Path> s = Files.list(g)) {
            return s.filter(p -> p.toString().endsWith(".txt")).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path zipFile(Path d) {
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.toString().endsWith(".zip")).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path folder(Path root, String name) {
        if (!Files.isDirectory(root)) { // a user mistake, named as such (not an I/O error from Files.list)
            throw new InvalidInputException((Files.exists(root) ? root + " is a file, not a directory" : "no directory " + root)
                    + " (--data DIR, else $QDL_DATA, else ./data)");
        }
        Path d = root.resolve(name);
        if (Files.isDirectory(d)) {
            return d;
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().replace("-", "").equalsIgnoreCase(name.replace("-", "")))
                    .findFirst().orElseThrow(() -> new InvalidInputException("no data set '" + name + "' under " + root
                            + " (qdl datasets --data " + root + " lists what is there)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a node-classification set; format null = first available (text export, pickles, LINQS). */
    public static NodeDataset loadNode(Path root, String name, String format, long seed) {
        if (name.equalsIgnoreCase("csbm")) {
            return Csbm.defaults(seed);
        }
        Path d = folder(root, name);
        String lower = d.getFileName().toString().toLowerCase(Locale.ROOT);
        if ((format == null || format.equals("planetoid_text")) && Files.isRegularFile(d.resolve("planetoid_text").resolve(lower + ".features.txt"))) {
            return PlanetoidText.load(d.resolve("planetoid_text"), lower);
        }
        if ((format == null || format.equals("planetoid")) && PlanetoidPickle.present(d.resolve("planetoid"), lower)) {
            return PlanetoidPickle.load(d.resolve("planetoid"), lower);
        }
        if ((format == null || format.equals("linqs")) && Linqs.present(d.resolve("linqs"), lower)) {
            return Linqs.load(d.resolve("linqs"), lower, seed);
        }
        if ((format == null || format.equals("ogb")) && OgbNodes.present(d)) {
            return OgbNodes.load(d, lower);
        }
        if ((format == null || format.equals("reddit_npz")) && RedditNpz.present(d)) {
            return RedditNpz.load(d, lower);
        }
        throw new InvalidInputException("no loadable node-classification files for '" + name + "' in " + d
                + (format == null ? "" : " in format " + format));
    }

    /** Loads a graph-classification set; format null = gin_format, then zip, then tu_raw. */
    public static GraphDataset loadGraphs(Path root, String name, String format, boolean degreeAsTag, long seed) {
        if (name.equalsIgnoreCase("synthetic")) {
            return SyntheticGraphs.defaults(seed);
        }
        Path d = folder(root, name);
        String ds = d.getFileName().toString();
        Path gin = ginFile(d);
        if ((format == null || format.equals("gin_format")) && gin != null) {
            String stem = gin.getFileName().toString().replaceAll("\\.txt$", "");
            return GinFormat.load(gin.getParent(), stem, ds, degreeAsTag);
        }
        Path zip = zipFile(d);
        if ((format == null || format.equals("gin_zip")) && zip != null) {
            return GinFormat.loadZip(zip, ds, degreeAsTag);
        }
        if ((format == null || format.equals("tu_raw")) && TuRaw.present(d.resolve("tu_raw"), ds)) {
            return TuRaw.load(d.resolve("tu_raw"), ds, degreeAsTag);
        }
        throw new InvalidInputException("no loadable graph-classification files for '" + name + "' in " + d
                + (format == null ? "" : " in format " + format));
    }
}
