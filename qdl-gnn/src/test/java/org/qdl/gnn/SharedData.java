package org.qdl.gnn;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared/datasets next to the repository root (the folder holding .ci). */
public final class SharedData {
    private SharedData() {
    }

    public static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve(".ci"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("repository root (with .ci) not found above " + Path.of("").toAbsolutePath());
        }
        Path d = p.resolveSibling("shared").resolve("datasets");
        if (!Files.isDirectory(d)) {
            throw new IllegalStateException("shared data sets not found at " + d);
        }
        return d;
    }
}
