package org.qdl.learning.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qdl.sim.InvalidInputException;

/**
 * The rows of a two-dimensional NumPy {@code .npy} array (m examples × N numbers): little-endian
 * float64, float32, int32 or int64 in C order, as {@code numpy.save} writes them. Every value must
 * be finite; errors name the file.
 */
final class NpyRows {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=]?)([fi])(\\d)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,?\\s*\\)");

    private NpyRows() {}

    static boolean isNpy(Path f) throws IOException {
        if (!Files.isRegularFile(f)) return false;
        try (var in = Files.newInputStream(f)) {
            byte[] m = in.readNBytes(6);
            return m.length == 6 && m[0] == (byte) 0x93 && new String(m, 1, 5, StandardCharsets.ISO_8859_1).equals("NUMPY");
        }
    }

    static double[][] read(Path f) throws IOException {
        if (!Files.exists(f)) throw new NoSuchFileException(f.toString());
        byte[] b = Files.readAllBytes(f);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (b.length < 12) throw new InvalidInputException(f + ": truncated .npy header");
        int major = b[6] & 0xff, start = major == 1 ? 10 : 12;
        if (major < 1 || major > 3) throw new InvalidInputException(f + ": unsupported .npy version " + major);
        int headerLen = major == 1 ? buf.getShort(8) & 0xffff : buf.getInt(8);
        if (headerLen < 0 || start + headerLen > b.length) throw new InvalidInputException(f + ": truncated .npy header");
        String header = new String(b, start, headerLen, StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header), fo = FORTRAN.matcher(header), sh = SHAPE.matcher(header);
        if (!d.find() || !fo.find()) throw new InvalidInputException(f + ": .npy header without descr and fortran_order: " + header.strip());
        if (!sh.find()) throw new InvalidInputException(f + ": the examples must be a 2-D array (rows × N); header " + header.strip());
        if (d.group(1).equals(">")) throw new InvalidInputException(f + ": big-endian .npy data is not supported (save it little-endian)");
        if (fo.group(1).equals("True")) throw new InvalidInputException(f + ": Fortran-order .npy data is not supported (numpy.ascontiguousarray)");
        String kind = d.group(2);
        int size = Integer.parseInt(d.group(3));
        if (size != 4 && size != 8) throw new InvalidInputException(f + ": .npy dtype " + kind + size + " is not supported (float64, float32, int32, int64)");
        long rows = Long.parseLong(sh.group(1)), cols = Long.parseLong(sh.group(2));
        int data = start + headerLen;
        if (rows < 1 || cols < 1 || rows * cols * size != b.length - data) {
            throw new InvalidInputException(f + ": .npy shape (" + rows + ", " + cols + ") needs " + rows * cols * size + " data bytes, the file has " + (b.length - data));
        }
        double[][] x = new double[(int) rows][(int) cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int at = data + (int) ((r * cols + c) * size);
                double v = kind.equals("f") ? (size == 8 ? buf.getDouble(at) : buf.getFloat(at)) : (size == 8 ? buf.getLong(at) : buf.getInt(at));
                if (!Double.isFinite(v)) throw new InvalidInputException(f + ": row " + r + ", column " + c + " is " + v);
                x[r][c] = v;
            }
        }
        return x;
    }
}
