package org.qdl.gnn.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.qdl.sim.InvalidInputException;

/**
 * A text file read line by line that knows its name and current line number, so every parse error
 * names file, line and problem.
 */
public final class TextSource implements AutoCloseable {
    private final String name;
    private final BufferedReader reader;
    private int lineNo;

    public TextSource(String name, InputStream in) {
        this.name = name;
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    public static TextSource open(Path file) {
        try {
            return new TextSource(file.toString(), Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("missing file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Next line (trimmed), or null at end of file. */
    public String next() {
        try {
            String s = reader.readLine();
            if (s == null) {
                return null;
            }
            lineNo++;
            return s.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Next line that is neither blank nor a '#' comment, or null at end of file. */
    public String nextData() {
        String s;
        while ((s = next()) != null) {
            if (!s.isEmpty() && !s.startsWith("#")) {
                return s;
            }
        }
        return null;
    }

    /** Next data line; a missing one is an error saying what was expected. */
    public String require(String what) {
        String s = nextData();
        if (s == null) {
            throw error("unexpected end of file, expected " + what);
        }
        return s;
    }

    public int lineNo() {
        return lineNo;
    }

    public String name() {
        return name;
    }

    public InvalidInputException error(String problem) {
        return new InvalidInputException(name + ":" + lineNo + ": " + problem);
    }

    public int parseInt(String token, String what) {
        try {
            return Integer.parseInt(token.strip());
        } catch (NumberFormatException e) {
            throw error("bad " + what + " '" + token + "' (not an integer)");
        }
    }

    public double parseDouble(String token, String what) {
        try {
            double v = Double.parseDouble(token.strip());
            if (!Double.isFinite(v)) {
                throw error("bad " + what + " '" + token + "' (not finite)");
            }
            return v;
        } catch (NumberFormatException e) {
            throw error("bad " + what + " '" + token + "' (not a number)");
        }
    }

    /**
     * The integers of a line separated by whitespace and/or commas, parsed without regular
     * expressions (COLLAB's 84 MB adjacency lists); a bad token is an error naming it.
     */
    public int[] ints(String line, String what) {
        int[] out = new int[8];
        int n = 0;
        int len = line.length();
        int i = 0;
        while (i < len) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            int start = i;
            boolean neg = c == '-';
            if (neg || c == '+') {
                i++;
            }
            long v = 0;
            int digits = 0;
            while (i < len && Character.isDigit(line.charAt(i))) {
                v = v * 10 + (line.charAt(i) - '0');
                digits++;
                i++;
                if (v > Integer.MAX_VALUE) {
                    throw error("bad " + what + " '" + line.substring(start, Math.min(len, i + 1)) + "' (too large)");
                }
            }
            if (digits == 0 || (i < len && !(line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == ','))) {
                int end = i;
                while (end < len && !(line.charAt(end) == ' ' || line.charAt(end) == '\t' || line.charAt(end) == ',')) {
                    end++;
                }
                throw error("bad " + what + " '" + line.substring(start, end) + "' (not an integer)");
            }
            if (n == out.length) {
                out = java.util.Arrays.copyOf(out, n * 2);
            }
            out[n++] = (int) (neg ? -v : v);
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Splits on whitespace and/or commas. */
    public static String[] tokens(String line) {
        return line.strip().split("[\\s,]+");
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
