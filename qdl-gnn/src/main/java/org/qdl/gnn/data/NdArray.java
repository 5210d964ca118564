package org.qdl.gnn.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.qdl.gnn.features.CsrMatrix;
import org.qdl.sim.InvalidInputException;

/**
 * Decodes numpy arrays and scipy CSR matrices from unpickled {@link Pickle.PyObject} records
 * (numpy's {@code _reconstruct} + BUILD state (version, shape, dtype, fortran, raw bytes)).
 */
public record NdArray(int[] shape, double[] data) {

    public int rows() {
        return shape.length == 0 ? 1 : shape[0];
    }

    public int cols() {
        return shape.length < 2 ? 1 : shape[1];
    }

    public static NdArray decode(Object o, String what) {
        if (!(o instanceof Pickle.PyObject p) || !p.callable.name().equals("_reconstruct") || !(p.state instanceof Object[] st)
                || st.length != 5) {
            throw new InvalidInputException(what + ": expected a numpy array");
        }
        Object[] shp = (Object[]) st[1];
        int[] shape = new int[shp.length];
        long count = 1;
        for (int i = 0; i < shp.length; i++) {
            shape[i] = (int) (long) (Long) shp[i];
            count *= shape[i];
        }
        if (!(st[2] instanceof Pickle.PyObject dt) || dt.args.length < 1 || !(dt.args[0] instanceof String code)) {
            throw new InvalidInputException(what + ": array without a numpy dtype");
        }
        if (Boolean.TRUE.equals(st[3]) && shape.length > 1) {
            throw new InvalidInputException(what + ": Fortran-ordered arrays are not supported");
        }
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        if (dt.state instanceof Object[] ds && ds.length > 1 && ">".equals(ds[1])) {
            order = ByteOrder.BIG_ENDIAN;
        }
        if (!(st[4] instanceof String raw)) {
            throw new InvalidInputException(what + ": array data is not a byte string (only Python-2 style pickles are supported)");
        }
        ByteBuffer buf = ByteBuffer.wrap(raw.getBytes(StandardCharsets.ISO_8859_1)).order(order);
        int width = switch (code) {
            case "f8", "i8", "u8" -> 8;
            case "f4", "i4", "u4" -> 4;
            case "i2", "u2" -> 2;
            case "i1", "u1", "b1" -> 1;
            default -> throw new InvalidInputException(what + ": numpy dtype '" + code + "' not supported");
        };
        if (buf.remaining() != count * width) {
            throw new InvalidInputException(what + ": " + buf.remaining() + " data bytes for " + count + " elements of " + code);
        }
        double[] d = new double[(int) count];
        for (int i = 0; i < count; i++) {
            d[i] = switch (code) {
                case "f8" -> buf.getDouble();
                case "f4" -> buf.getFloat();
                case "i8", "u8" -> buf.getLong();
                case "i4" -> buf.getInt();
                case "u4" -> buf.getInt() & 0xffffffffL;
                case "i2" -> buf.getShort();
                case "u2" -> buf.getShort() & 0xffff;
                case "i1" -> buf.get();
                default -> buf.get() & 0xff;
            };
        }
        return new NdArray(shape, d);
    }

    /** A scipy.sparse CSR matrix pickled as an object with data/indices/indptr/_shape in its state dict. */
    public static CsrMatrix decodeCsr(Object o, String what) {
        if (!(o instanceof Pickle.PyObject p) || !p.callable.name().equals("csr_matrix") || !(p.state instanceof Map<?, ?> st)) {
            throw new InvalidInputException(what + ": expected a scipy.sparse csr_matrix");
        }
        Object shapeObj = st.get("_shape");
        if (!(shapeObj instanceof Object[] shape) || shape.length != 2) {
            throw new InvalidInputException(what + ": csr_matrix without a 2-d _shape");
        }
        int rows = (int) (long) (Long) shape[0];
        int cols = (int) (long) (Long) shape[1];
        NdArray data = decode(st.get("data"), what + ".data");
        NdArray indices = decode(st.get("indices"), what + ".indices");
        NdArray indptr = decode(st.get("indptr"), what + ".indptr");
        if (indptr.data.length != rows + 1 || indices.data.length != data.data.length
                || (int) indptr.data[rows] != data.data.length) {
            throw new InvalidInputException(what + ": inconsistent CSR arrays");
        }
        int[] ptr = new int[rows + 1];
        for (int i = 0; i <= rows; i++) {
            ptr[i] = (int) indptr.data[i];
        }
        int[] ci = new int[indices.data.length];
        for (int i = 0; i < ci.length; i++) {
            ci[i] = (int) indices.data[i];
            if (ci[i] < 0 || ci[i] >= cols) {
                throw new InvalidInputException(what + ": column index " + ci[i] + " outside 0.." + (cols - 1));
            }
        }
        return new CsrMatrix(rows, cols, ptr, ci, data.data.clone());
    }
}
