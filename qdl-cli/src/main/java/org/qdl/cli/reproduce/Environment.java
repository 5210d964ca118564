package org.qdl.cli.reproduce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Where a report was made: commit (with "+dirty" for uncommitted changes), JDK, threads, cores. */
public record Environment(String commit, String jdk, int threads, int cores, long maxHeapMiB, String started) {

    public static Environment here(Path workingDir) {
        String head = git(workingDir, "rev-parse", "--short", "HEAD");
        String dirty = git(workingDir, "status", "--porcelain", "--untracked-files=no");
        String commit = head == null ? "unknown (not a git checkout)" : head + (dirty != null && !dirty.isBlank() ? "+dirty" : "");
        return new Environment(commit, System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
                org.qdl.sim.Parallel.threads(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    }

    private static String git(Path dir, String... args) {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "git";
        cmd[1] = "-C";
        cmd[2] = dir.toAbsolutePath().toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return new String(out, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return null; // no git on this machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
