package org.qdl.cli.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import picocli.CommandLine.Model.ArgSpec;

/** Bad values for an option, derived from its type (and, for paths, whether the command reads or writes it); mutated copies of files. */
final class BadValues {
    /** A value to try and the exit codes that are a correct answer to it besides 0 and 2 (a write to /dev/full fails with 1). */
    record Value(String text, Set<Integer> alsoAccepted) {
        static Value of(String text) {
            return new Value(text, Set.of());
        }
    }

    static final List<String> INTS = List.of("-1", "0", "2147483647", "-2147483648", "4294967296", "12x");
    static final List<String> LONGS = List.of("-1", "9223372036854775807", "-9223372036854775808", "1e3");
    static final List<String> DOUBLES = List.of("NaN", "Infinity", "-Infinity", "-1", "0", "1e308", "4.9e-324", "x");
    static final List<String> STRINGS = List.of("", "nonsense", "\u00e9\u00e9=:,", "-");
    static final Set<String> OUTPUT_FILES = Set.of("--json", "--csv", "--export");
    static final Set<String> OUTPUT_DIRS = Set.of("--out");

    private final Path dir;
    private final Path missing;
    private final Path emptyDir;
    private final Path binary;
    private final Path empty;
    private final Path garbage;

    BadValues(Path dir) throws IOException {
        this.dir = dir;
        missing = dir.resolve("no-such").resolve("file");
        emptyDir = Files.createDirectories(dir.resolve("an-empty-dir"));
        byte[] b = new byte[512];
        new Random(1).nextBytes(b);
        binary = Files.write(dir.resolve("binary.bin"), b);
        empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
        garbage = Files.writeString(dir.resolve("garbage.txt"), "{ not: [valid\n\u0001\u0002 ;;\n");
    }

    /** Every bad value for this option or positional parameter (empty for flags and types without a table). */
    List<Value> of(ArgSpec a, String option) {
        String name = option == null ? "" : option;
        Class<?> t = a.type();
        if (t == null) return List.of();
        if ((List.class.isAssignableFrom(t) || t.isArray()) && a.auxiliaryTypes().length > 0 && a.auxiliaryTypes()[0] != null) t = a.auxiliaryTypes()[0];
        List<Value> v = new ArrayList<>();
        if (t == int.class || t == Integer.class) INTS.forEach(s -> v.add(Value.of(s)));
        else if (t == long.class || t == Long.class) LONGS.forEach(s -> v.add(Value.of(s)));
        else if (t == double.class || t == Double.class) DOUBLES.forEach(s -> v.add(Value.of(s)));
        else if (t.isEnum() || t == String.class) STRINGS.forEach(s -> v.add(Value.of(s)));
        else if (t == Path.class && OUTPUT_FILES.contains(name)) {
            v.add(Value.of(emptyDir.toString()));
            v.add(Value.of(missing.toString()));
            if (Files.exists(Path.of("/dev/full"))) v.add(new Value("/dev/full", Set.of(1)));
        } else if (t == Path.class && OUTPUT_DIRS.contains(name)) {
            v.add(Value.of(garbage.toString()));
            v.add(Value.of(binary.resolve("sub").toString()));
            v.add(Value.of(dir.resolve("new").resolve("deep").toString()));
        } else if (t == Path.class) {
            for (Path p : List.of(missing, emptyDir, binary, empty, garbage)) v.add(Value.of(p.toString()));
        }
        return v;
    }

    /** A seeded mutation of a file's bytes: cut at a random point, one byte changed, a line dropped, or a line doubled. */
    static byte[] mutate(byte[] b, Random r) {
        if (b.length == 0) return new byte[] {'x'};
        switch (r.nextInt(4)) {
            case 0:
                return java.util.Arrays.copyOf(b, r.nextInt(b.length));
            case 1: {
                byte[] c = b.clone();
                c[r.nextInt(c.length)] = (byte) r.nextInt(256);
                return c;
            }
            default: {
                List<String> lines = new ArrayList<>(List.of(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).split("\n", -1)));
                int i = r.nextInt(lines.size());
                if (lines.size() > 1 && r.nextBoolean()) lines.remove(i);
                else lines.add(i, lines.get(i));
                return String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            }
        }
    }

    /** A copy of directory {@code src} under a fresh folder, with one file (named relative to src) mutated. */
    Path mutatedCopy(Path src, String relative, String copyName, Random r) throws IOException {
        Path target = Files.createDirectories(dir.resolve("mut-" + Math.abs(r.nextLong() % 1_000_000)).resolve(copyName));
        try (var files = Files.walk(src)) {
            for (Path f : files.toList()) {
                Path t = target.resolve(src.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(t);
                else Files.copy(f, t);
            }
        }
        Path m = target.resolve(relative);
        Files.write(m, mutate(Files.readAllBytes(m), r));
        return target;
    }
}
