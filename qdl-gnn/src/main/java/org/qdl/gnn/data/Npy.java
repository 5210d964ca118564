package org.qdl.gnn.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qdl.sim.InvalidInputException;

/**
 * numpy's .npy format (versions 1–3): the magic "\x93NUMPY", a header dict giving dtype, order and
 * shape, then the raw elements. Numeric dtypes of 1–8 bytes and bytes/strings of 'S' type (scipy
 * stores a sparse matrix's format as one) are read; values come back as doubles.
 */
public final class Npy {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-zA-Z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** An array: shape, values (numeric dtypes) or text (an 'S' scalar/array, joined). */
    public record Array(long[] shape, double[] data, String text) {
        public long count() {
            long c = 1;
            for (long s : shape) {
                c *= s;
            }
            return c;
        }
    }

    private Npy() {
    }

    public static Array read(InputStream raw, String what) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        byte[] magic = new byte[6];
        try {
            in.readFully(magic);
            if ((magic[0] & 0xff) != 0x93 || !new String(magic, 1, 5, StandardCharsets.ISO_8859_1).equals("NUMPY")) {
                throw new InvalidInputException(what + ": not a .npy array (bad magic)");
            }
            int major = in.readUnsignedByte();
            in.readUnsignedByte();
            int headerLen = major == 1 ? Short.toUnsignedInt(Short.reverseBytes(in.readShort())) : Integer.reverseBytes(in.readInt());
            if (headerLen < 0 || headerLen > 1 << 20) {
                throw new InvalidInputException(what + ": bad .npy header length " + headerLen);
            }
            byte[] h = new byte[headerLen];
            in.readFully(h);
            String header = new String(h, StandardCharsets.ISO_8859_1);
            Matcher d = DESCR.matcher(header), f = FORTRAN.matcher(header), s = SHAPE.matcher(header);
            if (!d.find() || !f.find() || !s.find()) {
                throw new InvalidInputException(what + ": unreadable .npy header " + header.strip());
            }
            long[] shape = shape(s.group(1), what);
            if (f.group(1).equals("True") && shape.length > 1) {
                throw new InvalidInputException(what + ": Fortran-ordered arrays are not supported");
            }
            ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            char kind = d.group(2).charAt(0);
            int width = Integer.parseInt(d.group(3));
            long count = 1;
            for (long x : shape) {
                count *= x;
            }
            if (kind == 'S') {
                byte[] b = new byte[Math.toIntExact(count * width)];
                in.readFully(b);
                return new Array(shape, null, new String(b, StandardCharsets.ISO_8859_1).replace("\0", ""));
            }
            if (count > Integer.MAX_VALUE - 8) {
                throw new InvalidInputException(what + ": " + count + " elements is more than one array can hold here");
            }
            return new Array(shape, values(in, (int) count, kind, width, order, what), null);
        } catch (EOFException e) {
            throw new InvalidInputException(what + ": truncated .npy data");
        }
    }

    private static double[] values(DataInputStream in, int count, char kind, int width, ByteOrder order, String what) throws IOException {
        boolean ok = switch (kind) {
            case 'f' -> width == 4 || width == 8;
            case 'i', 'u' -> width == 1 || width == 2 || width == 4 || width == 8;
            case 'b' -> width == 1;
            default -> false;
        };
        if (!ok) {
            throw new InvalidInputException(what + ": numpy dtype " + kind + width + " not supported");
        }
        double[] out = new double[count];
        byte[] chunk = new byte[width * 8192];
        ByteBuffer buf = ByteBuffer.wrap(chunk).order(order);
        int done = 0;
        while (done < count) {
            int n = Math.min(8192, count - done);
            in.readFully(chunk, 0, n * width);
            buf.clear();
            for (int i = 0; i < n; i++) {
                out[done + i] = switch (kind) {
                    case 'f' -> width == 4 ? buf.getFloat() : buf.getDouble();
                    case 'i' -> width == 1 ? buf.get() : width == 2 ? buf.getShort() : width == 4 ? buf.getInt() : buf.getLong();
                    case 'u' -> width == 1 ? buf.get() & 0xff : width == 2 ? buf.getShort() & 0xffff
                            : width == 4 ? buf.getInt() & 0xffffffffL : buf.getLong();
                    default -> buf.get() != 0 ? 1 : 0;
                };
            }
            done += n;
        }
        return out;
    }

    private static long[] shape(String text, String what) {
        String t = text.strip();
        if (t.isEmpty()) {
            return new long[0];
        }
        String[] parts = t.split(",");
        int n = 0;
        long[] s = new long[parts.length];
        for (String p : parts) {
            if (!p.isBlank()) {
                try {
                    s[n++] = Long.parseLong(p.strip().replace("L", ""));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(what + ": bad .npy shape (" + text + ")");
                }
            }
        }
        return java.util.Arrays.copyOf(s, n);
    }
}
