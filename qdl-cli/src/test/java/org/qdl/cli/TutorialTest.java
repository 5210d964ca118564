package org.qdl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doc-test of docs/models.md, section "Tutorial": writes every file the tutorial shows into an
 * empty directory (and checks each equals its copy in examples/models/tutorial), then runs every
 * {@code $ qdl …} line of its console blocks, in order, as a separate {@code qdl} process started in
 * that directory — lines ending in {@code &} are party servers, left running until the end — and
 * compares each command's stdout with the lines the tutorial shows under it ("..." stands for any
 * lines). Ports of the tutorial (127.0.0.1:71xx) are replaced by free ones.
 */
class TutorialTest {
    private static final Path DOC = Path.of("../docs/models.md");
    private static final Path EXAMPLE = Path.of("../examples/models/tutorial");
    private static final Pattern FILE = Pattern.compile("<!-- file: ([\\w./-]+) -->");
    private static final Pattern PORT = Pattern.compile("127\\.0\\.0\\.1:(71\\d\\d)");

    record Command(String line, List<String> expected) {}

    /** The tutorial section: from "## Tutorial" to the next level-2 heading. */
    static List<String> section() throws IOException {
        List<String> all = Files.readAllLines(DOC, StandardCharsets.UTF_8);
        int from = all.indexOf("## Tutorial");
        assertTrue(from >= 0, DOC + " has no '## Tutorial' section");
        int to = from + 1;
        while (to < all.size() && !all.get(to).startsWith("## ")) to++;
        return all.subList(from, to);
    }

    /** Files: a {@code <!-- file: NAME -->} line, then a fenced block with its content. */
    static Map<String, String> files(List<String> s) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < s.size(); i++) {
            Matcher m = FILE.matcher(s.get(i).strip());
            if (!m.matches()) continue;
            int open = i + 1;
            assertTrue(s.get(open).startsWith("```"), "a fenced block must follow " + s.get(i));
            StringBuilder b = new StringBuilder();
            int k = open + 1;
            for (; !s.get(k).startsWith("```"); k++) b.append(s.get(k)).append('\n');
            files.put(m.group(1), b.toString());
            i = k;
        }
        return files;
    }

    /** Commands of the console blocks: "$ " lines (a trailing \ continues), each with the output lines below it. */
    static List<Command> commands(List<String> s) {
        List<Command> cmds = new ArrayList<>();
        boolean in = false;
        for (int i = 0; i < s.size(); i++) {
            String l = s.get(i);
            if (l.startsWith("```console")) {
                in = true;
                continue;
            }
            if (in && l.startsWith("```")) {
                in = false;
                continue;
            }
            if (!in) continue;
            if (l.startsWith("$ ")) {
                StringBuilder c = new StringBuilder(l.substring(2));
                while (c.toString().endsWith("\\")) {
                    c.setLength(c.length() - 1);
                    c.append(s.get(++i).strip());
                }
                cmds.add(new Command(c.toString().replaceAll("\\s+", " ").strip(), new ArrayList<>()));
            } else if (!cmds.isEmpty()) {
                cmds.get(cmds.size() - 1).expected().add(l);
            }
        }
        return cmds;
    }

    @Test
    void everyCommandOfTheTutorialRunsAndPrintsWhatItShows(@TempDir Path dir) throws Exception {
        List<String> s = section();
        Map<String, String> files = files(s);
        assertTrue(files.containsKey("model.json") && files.containsKey("data.csv"), "the tutorial writes its files: " + files.keySet());
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
            assertEquals(Files.readString(EXAMPLE.resolve(f.getKey())), f.getValue(), "examples/models/tutorial/" + f.getKey() + " differs from the tutorial");
        }
        List<Command> cmds = commands(s);
        assertTrue(cmds.size() >= 5, "commands: " + cmds);
        Map<String, String> ports = new LinkedHashMap<>();
        List<Process> servers = new ArrayList<>();
        try {
            for (Command c : cmds) {
                String line = c.line();
                assertTrue(line.startsWith("qdl "), "the tutorial runs only qdl commands: " + line);
                boolean background = line.endsWith("&");
                if (background) line = line.substring(0, line.length() - 1).strip();
                Matcher m = PORT.matcher(line);
                StringBuilder sb = new StringBuilder();
                while (m.find()) m.appendReplacement(sb, "127.0.0.1:" + ports.computeIfAbsent(m.group(1), p -> freePort()));
                m.appendTail(sb);
                List<String> args = split(sb.toString().substring(4));
                if (background) servers.add(startServer(dir, args, line));
                else check(c, run(dir, args, line));
            }
        } finally {
            for (Process p : servers) p.destroy();
            for (Process p : servers) if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
        }
    }

    private static void check(Command c, String out) {
        List<String> got = out.lines().toList(), want = c.expected();
        while (!want.isEmpty() && want.get(want.size() - 1).isBlank()) want = want.subList(0, want.size() - 1);
        if (!matches(want, 0, got, 0)) fail("$ " + c.line() + "\nthe tutorial shows:\n" + String.join("\n", want) + "\nthe command printed:\n" + out);
    }

    /** In-order match; a "..." line matches any run of lines (none included). */
    static boolean matches(List<String> want, int i, List<String> got, int j) {
        if (i == want.size()) return j == got.size();
        if (want.get(i).strip().equals("...")) {
            for (int k = j; k <= got.size(); k++) if (matches(want, i + 1, got, k)) return true;
            return false;
        }
        return j < got.size() && want.get(i).stripTrailing().equals(got.get(j).stripTrailing()) && matches(want, i + 1, got, j + 1);
    }

    private static List<String> split(String line) {
        List<String> a = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(line);
        while (m.find()) a.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        return a;
    }

    private static ProcessBuilder qdl(Path dir, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"), "org.qdl.cli.Main"));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).directory(dir.toFile());
    }

    private static String run(Path dir, List<String> args, String line) throws Exception {
        Process p = qdl(dir, args).redirectErrorStream(false).start();
        StringBuilder err = new StringBuilder();
        Thread drain = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                r.lines().forEach(l -> err.append(l).append('\n'));
            } catch (IOException e) {
                err.append(e);
            }
        });
        drain.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("$ " + line + " did not finish within 120 s");
        }
        drain.join();
        assertEquals(0, p.exitValue(), "$ " + line + "\n" + err);
        return out;
    }

    /** Starts a party server and waits for its "listening on" line. */
    private static Process startServer(Path dir, List<String> args, String line) throws Exception {
        Process p = qdl(dir, args).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (String l; System.nanoTime() < until && (l = r.readLine()) != null; ) {
            seen.append(l).append('\n');
            if (l.contains(" listening on ")) {
                Thread t = new Thread(() -> r.lines().forEach(x -> {})); // keep draining
                t.setDaemon(true);
                t.start();
                return p;
            }
        }
        p.destroyForcibly();
        throw new AssertionError("$ " + line + " did not start listening:\n" + seen);
    }

    private static String freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return Integer.toString(s.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
