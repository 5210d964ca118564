package org.qdl.cli.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link FuzzChild} JVM fed one command line at a time; one that runs past its budget is killed and replaced. */
final class FuzzWorker implements AutoCloseable {
    /** What one command line did: exit code (−2: still running at the budget), stderr, stdout length. */
    record Outcome(int code, String err, int outLength) {
        static final int TIMED_OUT = -2;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path workDir;
    private Process process;
    private Writer input;
    private BlockingQueue<String> answers;

    FuzzWorker(Path workDir) {
        this.workDir = workDir;
    }

    Outcome run(List<String> args, Duration budget) throws IOException, InterruptedException {
        if (process == null || !process.isAlive()) start();
        input.write(JSON.writeValueAsString(args) + "\n");
        input.flush();
        String line = answers.poll(budget.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            close();
            return new Outcome(Outcome.TIMED_OUT, "", 0);
        }
        JsonNode r = JSON.readTree(line);
        return new Outcome(r.get("code").asInt(), r.get("err").asText(), r.get("out").asInt());
    }

    private void start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-Xss8m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                FuzzChild.class.getName()).directory(workDir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        process = pb.start();
        input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        BlockingQueue<String> q = new LinkedBlockingQueue<>();
        answers = q;
        Process p = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) if (l.startsWith("@@ ")) q.add(l.substring(3));
            } catch (IOException e) {
                // the worker was killed
            }
        }, "fuzz-worker-reader");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }
}
