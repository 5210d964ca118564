package org.qdl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random mutations of the shipped model examples (byte flips, deleted and duplicated keys,
 * truncation, numbers turned into NaN, huge or negative values, deleted lines of OpenQASM layers):
 * 'qdl model check' must either succeed or exit 2 with exactly one line on stderr — never an
 * internal error or a stack trace.
 */
class ModelFileFuzzTest {
    static final int PER_EXAMPLE = 40;
    static final Pattern KEY = Pattern.compile("\"([A-Za-z$][A-Za-z0-9_]*)\"\\s*:");
    static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    static final String[] NUMBERS = {"NaN", "1e999", "-1", "-1e308", "1e308", "123456789012", "-0.5", "0", "2147483648", "31", "30", "1.5"};

    static String mutate(String text, boolean json, SplittableRandom r) {
        int kind = r.nextInt(json ? 6 : 4);
        int len = text.length();
        switch (kind) {
            case 0: { // byte flip
                int i = r.nextInt(len);
                char c = r.nextBoolean() ? (char) (32 + r.nextInt(95)) : (char) r.nextInt(256);
                return text.substring(0, i) + c + text.substring(i + 1);
            }
            case 1: // truncation
                return text.substring(0, r.nextInt(len));
            case 2: { // delete a line
                List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
                lines.remove(r.nextInt(lines.size()));
                return String.join("\n", lines);
            }
            case 3: { // duplicate a line
                List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
                int i = r.nextInt(lines.size());
                lines.add(i, lines.get(i));
                return String.join("\n", lines);
            }
            case 4: { // a number becomes NaN, huge, negative, …
                List<int[]> spans = spans(NUMBER.matcher(text));
                if (spans.isEmpty()) return text;
                int[] s = spans.get(r.nextInt(spans.size()));
                return text.substring(0, s[0]) + NUMBERS[r.nextInt(NUMBERS.length)] + text.substring(s[1]);
            }
            default: { // a key: deleted (with its value up to the next comma) or duplicated in place
                List<int[]> spans = spans(KEY.matcher(text));
                if (spans.isEmpty()) return text;
                int[] s = spans.get(r.nextInt(spans.size()));
                if (r.nextBoolean()) return text.substring(0, s[0]) + text.substring(s[1], s[1]) + text.substring(s[0], s[1]) + " 1, " + text.substring(s[0]);
                int end = text.indexOf(',', s[1]);
                return end < 0 ? text.substring(0, s[0]) : text.substring(0, s[0]) + text.substring(end + 1);
            }
        }
    }

    static List<int[]> spans(Matcher m) {
        List<int[]> out = new ArrayList<>();
        while (m.find()) out.add(new int[] {m.start(), m.end()});
        return out;
    }

    @Test
    void mutatedExamplesSucceedOrFailWithOneLineAndExitTwo(@TempDir Path tmp) throws IOException {
        SplittableRandom r = new SplittableRandom(20261204);
        int failures = 0, successes = 0;
        picocli.CommandLine cl = Main.commandLine(); // built once: picocli resets every option before each parse
        for (String example : List.of("fig2", "pipeline", "reupload")) {
            Path src = Path.of("../examples/models").resolve(example), dst = tmp.resolve(example);
            Files.createDirectories(dst);
            List<Path> files = new ArrayList<>();
            try (Stream<Path> s = Files.list(src)) {
                for (Path f : s.sorted().toList()) {
                    Files.copy(f, dst.resolve(f.getFileName().toString()));
                    if (!f.toString().endsWith(".npy")) files.add(dst.resolve(f.getFileName().toString()));
                }
            }
            for (int k = 0; k < PER_EXAMPLE; k++) {
                Path target = r.nextInt(3) > 0 ? dst.resolve("model.json") : files.get(r.nextInt(files.size()));
                String original = Files.readString(target, StandardCharsets.UTF_8);
                String mutated = mutate(original, target.toString().endsWith(".json"), r);
                Files.writeString(target, mutated, StandardCharsets.UTF_8);
                StringWriter out = new StringWriter(), err = new StringWriter();
                cl.setOut(new PrintWriter(out, true));
                cl.setErr(new PrintWriter(err, true));
                int code = cl.execute("model", "check", dst.resolve("model.json").toString());
                String e = err.toString();
                String ctx = example + " #" + k + " " + target.getFileName() + ":\n" + mutated + "\n--- stderr:\n" + e;
                assertTrue(code == 0 || code == 2, "exit " + code + " for " + ctx);
                if (code == 2) {
                    failures++;
                    assertEquals(1, e.strip().lines().count(), ctx);
                    assertFalse(e.contains("internal error") || e.contains("Exception") || e.contains("\tat "), ctx);
                } else {
                    successes++;
                    assertTrue(e.isEmpty(), ctx);
                }
                Files.writeString(target, original, StandardCharsets.UTF_8);
            }
        }
        assertTrue(failures > PER_EXAMPLE && successes > 0, failures + " rejected, " + successes + " accepted");
    }
}
