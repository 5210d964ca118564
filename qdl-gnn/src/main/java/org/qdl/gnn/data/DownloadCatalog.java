package org.qdl.gnn.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qdl.sim.InvalidInputException;

/**
 * Where each data set can be fetched from and the SHA-256 of every file (resource downloads.tsv):
 * URLs pinned to the commits that the shared copies came from, so the checksums are those of
 * byte-identical files we hold. A null checksum means unknown (fetched only without verification).
 */
public final class DownloadCatalog {
    /** One file: where it goes under the data directory, where it comes from, its SHA-256 (or null). */
    public record Item(String target, String url, String sha256) {
    }

    private final Map<String, List<Item>> sets;

    private DownloadCatalog(Map<String, List<Item>> sets) {
        this.sets = sets;
    }

    public static DownloadCatalog builtIn() {
        var in = DownloadCatalog.class.getResourceAsStream("downloads.tsv");
        if (in == null) {
            throw new IllegalStateException("downloads.tsv missing from the jar");
        }
        Map<String, List<Item>> m = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                m.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Item(f[1], f[2], f[3].equals("-") ? null : f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DownloadCatalog(m);
    }

    public List<String> names() {
        return List.copyOf(sets.keySet());
    }

    /** The files of a data set (name matched ignoring case and '-'). */
    public List<Item> items(String name) {
        String want = key(name);
        for (var e : sets.entrySet()) {
            if (key(e.getKey()).equals(want)) {
                return e.getValue();
            }
        }
        throw new InvalidInputException("no download known for data set '" + name + "' (known: " + String.join(", ", names()) + ")");
    }

    private static String key(String s) {
        return s.toUpperCase(Locale.ROOT).replace("-", "");
    }
}
