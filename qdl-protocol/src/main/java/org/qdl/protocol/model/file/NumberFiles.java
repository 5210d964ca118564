package org.qdl.protocol.model.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qdl.sim.InvalidInputException;

/**
 * Reads a vector of numbers from a file: NumPy {@code .npy} (little-endian float64, float32, int32
 * or int64, C order, one dimension or one row/column), else text with numbers separated by
 * whitespace or commas (CSV, whitespace text; lines starting with # are comments). Every value
 * must be finite; errors name the file and the value's position.
 */
public final class NumberFiles {
    private static final int MAX_BYTES = 1 << 30;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=]?)([fi])(\\d)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NumberFiles() {}

    public static double[] read(Path f) {
        if (Files.isDirectory(f)) throw new InvalidInputException(f + ": is a directory, not a file of numbers");
        byte[] bytes;
        try {
            if (Files.size(f) > MAX_BYTES) throw new InvalidInputException(f + ": larger than 1 GiB");
            bytes = Files.readAllBytes(f);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidInputException(f + ": no such file");
        } catch (IOException e) {
            throw new InvalidInputException(f + ": cannot read: " + e.getMessage());
        }
        if (bytes.length >= 6 && bytes[0] == (byte) 0x93 && new String(bytes, 1, 5, StandardCharsets.ISO_8859_1).equals("NUMPY")) return npy(f, bytes);
        return text(f, bytes);
    }

    private static double[] text(Path f, byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) throw new InvalidInputException(f + ": a binary file, not numbers as text (nor .npy)");
        }
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        java.util.List<Double> out = new java.util.ArrayList<>();
        for (int l = 0; l < lines.length; l++) {
            String line = lines[l].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] tok = line.split("[\\s,;]+");
            for (int i = 0; i < tok.length; i++) {
                if (tok[i].isEmpty()) continue;
                double v;
                try {
                    v = Double.parseDouble(tok[i]);
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(f + ":" + (l + 1) + ": '" + shorten(tok[i]) + "' is not a number");
                }
                if (!Double.isFinite(v)) throw new InvalidInputException(f + ":" + (l + 1) + ": value '" + shorten(tok[i]) + "' is not finite");
                out.add(v);
            }
        }
        if (out.isEmpty()) throw new InvalidInputException(f + ": holds no numbers");
        double[] x = new double[out.size()];
        for (int i = 0; i < x.length; i++) x[i] = out.get(i);
        return x;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static double[] npy(Path f, byte[] b) {
        if (b.length < 10) throw new InvalidInputException(f + ": truncated .npy header");
        int major = b[6] & 0xff;
        int headerLen, start;
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (major == 1) {
            headerLen = buf.getShort(8) & 0xffff;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (b.length < 12) throw new InvalidInputException(f + ": truncated .npy header");
            headerLen = buf.getInt(8);
            start = 12;
        } else {
            throw new InvalidInputException(f + ": unsupported .npy version " + major);
        }
        if (headerLen < 0 || start + headerLen > b.length) throw new InvalidInputException(f + ": truncated .npy header");
        String header = new String(b, start, headerLen, StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header), fo = FORTRAN.matcher(header), sh = SHAPE.matcher(header);
        if (!d.find() || !fo.find() || !sh.find()) throw new InvalidInputException(f + ": .npy header without descr, fortran_order and shape: " + header.strip());
        if (d.group(1).equals(">")) throw new InvalidInputException(f + ": big-endian .npy data is not supported (save it little-endian)");
        String kind = d.group(2);
        int size = Integer.parseInt(d.group(3));
        if (!(kind.equals("f") && (size == 4 || size == 8)) && !(kind.equals("i") && (size == 4 || size == 8))) {
            throw new InvalidInputException(f + ": .npy dtype " + kind + size + " is not supported (float64, float32, int32, int64)");
        }
        long count = 1;
        int dims = 0, bigDims = 0;
        for (String s : sh.group(1).split(",")) {
            if (s.isBlank()) continue;
            long v;
            try {
                v = Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(f + ": bad .npy shape (" + sh.group(1) + ")");
            }
            dims++;
            if (v != 1) bigDims++;
            count *= v;
        }
        if (dims == 0 || bigDims > 1) throw new InvalidInputException(f + ": .npy shape (" + sh.group(1) + ") is not a vector");
        int data = start + headerLen;
        if (count < 1 || count * size != b.length - data) {
            throw new InvalidInputException(f + ": .npy shape (" + sh.group(1) + ") needs " + count * size + " data bytes, the file has " + (b.length - data));
        }
        double[] x = new double[(int) count];
        for (int i = 0; i < x.length; i++) {
            int at = data + i * size;
            x[i] = kind.equals("f") ? (size == 8 ? buf.getDouble(at) : buf.getFloat(at)) : (size == 8 ? buf.getLong(at) : buf.getInt(at));
            if (!Double.isFinite(x[i])) throw new InvalidInputException(f + ": value " + i + " is " + x[i]);
        }
        return x;
    }
}
