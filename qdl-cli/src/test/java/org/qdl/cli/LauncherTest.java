package org.qdl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdl.cli.fuzz.CliFuzzTestAccess;

/** The ./qdl launcher as a user starts it (child processes running the test classes through QDL_CLASSPATH). */
class LauncherTest {
    @TempDir
    Path tmp;

    ProcessBuilder launcher(String java, String... args) {
        List<String> cmd = new ArrayList<>(List.of("bash", CliFuzzTestAccess.repositoryRoot().resolve("qdl").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        pb.environment().put("QDL_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("QDL_JAVA", java);
        pb.environment().put("QDL_HEAP", "256m");
        return pb;
    }

    static String thisJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void killingThePidTheUserStartedStopsTheServer() throws Exception {
        assertEquals(0, CliFuzzTestAccess.inProcess("party", "example", "--out", tmp.resolve("st").toString(), "-n", "4"));
        Files.writeString(tmp.resolve("secret"), "launcher-test-secret-0123456789\n");
        Process p = launcher(thisJava(), "party", "serve", "--name", "alice", "--listen", "127.0.0.1:0", "--state-dir",
                tmp.resolve("st/alice").toString(), "--secret-file", tmp.resolve("secret").toString()).start();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> listening = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String l; (l = err.readLine()) != null; ) if (l.contains("listening on")) return l;
                    return null;
                } catch (IOException e) {
                    return null;
                }
            });
            assertTrue(listening.get(60, TimeUnit.SECONDS) != null, "the server never said it was listening");
            List<ProcessHandle> family = new ArrayList<>(p.descendants().toList());
            family.add(p.toHandle());
            assertTrue(p.toHandle().info().command().orElse("").endsWith("java"), "the PID the user started is the JVM, not a wrapper: "
                    + p.toHandle().info().command());
            p.destroy(); // SIGTERM to that PID only, as `kill PID` does
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the server did not stop on SIGTERM");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (family.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) Thread.sleep(50);
            for (ProcessHandle h : family) assertFalse(h.isAlive(), "left running after the kill: " + h.pid() + " " + h.info().command());
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    void aClosedStdoutIsOneLineAndExit1() throws Exception {
        Path bell = CliFuzzTestAccess.repositoryRoot().resolve("examples/bell.qasm");
        ProcessBuilder pb = launcher(thisJava(), "run", bell.toString());
        List<String> cmd = new ArrayList<>(pb.command());
        // bash -c 'exec "$@" >&-' closes fd 1 for the launcher, as `qdl run … >&-` does
        cmd.addAll(0, List.of("bash", "-c", "exec \"$@\" >&-", "closer"));
        pb.command(cmd).redirectErrorStream(false);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), err);
        assertEquals(List.of("qdl: standard output is closed (redirect it to a file or /dev/null instead)"), err.lines().toList());
    }

    @Test
    void noUnsafeWarningsOnJdk23AndLater() throws Exception {
        Path jdk = null;
        try (var s = Files.list(Path.of("/usr/lib/jvm"))) {
            for (Path d : s.sorted().toList()) {
                Path rel = d.resolve("release");
                if (Files.isRegularFile(rel) && Files.readString(rel).matches("(?s).*JAVA_VERSION=\"(2[3-9]|[3-9][0-9]).*")) jdk = d;
            }
        } catch (IOException e) {
            // no /usr/lib/jvm: nothing to check here
        }
        assumeTrue(jdk != null, "no JDK 23+ installed under /usr/lib/jvm");
        // protobuf's first use triggers the warnings: a coordinator that finds nobody listening
        Files.writeString(tmp.resolve("secret"), "launcher-test-secret-0123456789\n");
        Process p = launcher(jdk.resolve("bin/java").toString(), "party", "infer", "--party", "alice=127.0.0.1:1", "--secret-file",
                tmp.resolve("secret").toString(), "--data", "alice:x", "--stages", "alice:U1", "--observable", "alice:O", "--deadline", "3").start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), err);
        assertFalse(err.contains("sun.misc.Unsafe"), err);
        assertEquals(1, err.lines().filter(l -> !l.isBlank()).count(), err);
    }
}
