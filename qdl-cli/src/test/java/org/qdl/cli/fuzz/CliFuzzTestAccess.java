package org.qdl.cli.fuzz;

import java.nio.file.Path;

/** The fuzz test's helpers for the other CLI tests. */
public final class CliFuzzTestAccess {
    private CliFuzzTestAccess() {}

    public static Path repositoryRoot() {
        return CliFuzzTest.repositoryRoot();
    }

    public static int inProcess(String... args) {
        return CliFuzzTest.inProcess(args);
    }
}
