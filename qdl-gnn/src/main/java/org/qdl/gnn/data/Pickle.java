package org.qdl.gnn.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qdl.sim.InvalidInputException;

/**
 * A minimal reader for Python pickles (protocol 2) restricted to the opcodes that the Planetoid
 * files use: scipy CSR matrices, numpy arrays and dicts of lists. It never executes anything:
 * GLOBAL/REDUCE/NEWOBJ/BUILD only build {@link PyObject} records that callers interpret. Python 2
 * byte strings are returned as Latin-1 Java strings (lossless, so raw array bytes survive).
 * Any other opcode is an error naming the opcode and its byte offset.
 */
public final class Pickle {
    /** A class or function reference ("module name"). */
    public record PyGlobal(String module, String name) {
        public String qualified() {
            return module + "." + name;
        }
    }

    /** The result of calling a global: its arguments, the BUILD state and any dict items set on it. */
    public static final class PyObject {
        public final PyGlobal callable;
        public final Object[] args;
        public Object state;
        public final Map<Object, Object> items = new LinkedHashMap<>();

        PyObject(PyGlobal callable, Object[] args) {
            this.callable = callable;
            this.args = args;
        }
    }

    private static final Object MARK = new Object();

    private final byte[] b;
    private final String name;
    private int pos;
    private final Deque<Object> stack = new ArrayDeque<>();
    private final Map<Integer, Object> memo = new HashMap<>();

    private Pickle(byte[] bytes, String name) {
        this.b = bytes;
        this.name = name;
    }

    /** Parses a whole pickle; {@code name} is used in error messages. */
    public static Object load(byte[] bytes, String name) {
        return new Pickle(bytes, name).run();
    }

    private InvalidInputException error(String problem) {
        return new InvalidInputException(name + ": byte " + pos + ": " + problem);
    }

    private int u8() {
        if (pos >= b.length) {
            throw error("truncated pickle");
        }
        return b[pos++] & 0xff;
    }

    private int i32() {
        int v = u8() | (u8() << 8) | (u8() << 16) | (u8() << 24);
        return v;
    }

    private String bytesAsString(int len, boolean utf8) {
        if (len < 0 || pos + len > b.length) {
            throw error("string length " + len + " runs past the end");
        }
        String s = new String(b, pos, len, utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        pos += len;
        return s;
    }

    private String line() {
        int start = pos;
        while (pos < b.length && b[pos] != '\n') {
            pos++;
        }
        if (pos >= b.length) {
            throw error("unterminated GLOBAL");
        }
        String s = new String(b, start, pos - start, StandardCharsets.ISO_8859_1);
        pos++;
        return s;
    }

    private List<Object> popToMark() {
        List<Object> items = new ArrayList<>();
        while (true) {
            if (stack.isEmpty()) {
                throw error("MARK missing");
            }
            Object o = stack.pop();
            if (o == MARK) {
                break;
            }
            items.add(0, o);
        }
        return items;
    }

    private Object pop() {
        if (stack.isEmpty() || stack.peek() == MARK) {
            throw error("stack underflow");
        }
        return stack.pop();
    }

    @SuppressWarnings("unchecked")
    private void setItem(Object target, Object key, Object value) {
        if (target instanceof Map<?, ?> m) {
            ((Map<Object, Object>) m).put(key, value);
        } else if (target instanceof PyObject p) {
            p.items.put(key, value);
        } else {
            throw error("SETITEM on a " + (target == null ? "None" : target.getClass().getSimpleName()));
        }
    }

    @SuppressWarnings("unchecked")
    private Object run() {
        while (true) {
            int at = pos;
            int op = u8();
            switch (op) {
                case 0x80 -> { // PROTO
                    int proto = u8();
                    if (proto > 2) {
                        throw error("pickle protocol " + proto + " not supported (only 2, as the Planetoid files use)");
                    }
                }
                case '.' -> { // STOP
                    return pop();
                }
                case 'c' -> stack.push(new PyGlobal(line(), line()));
                case 'q' -> memo.put(u8(), stack.peek());
                case 'r' -> memo.put(i32(), stack.peek());
                case 'h', 'j' -> {
                    int k = op == 'h' ? u8() : i32();
                    if (!memo.containsKey(k)) {
                        throw error("memo key " + k + " not defined");
                    }
                    stack.push(memo.get(k));
                }
                case '(' -> stack.push(MARK);
                case ')' -> stack.push(new Object[0]);
                case 0x85, 0x86, 0x87 -> {
                    int k = op - 0x84;
                    Object[] t = new Object[k];
                    for (int i = k - 1; i >= 0; i--) {
                        t[i] = pop();
                    }
                    stack.push(t);
                }
                case 't' -> stack.push(popToMark().toArray());
                case '}' -> stack.push(new LinkedHashMap<Object, Object>());
                case ']' -> stack.push(new ArrayList<Object>());
                case 's' -> {
                    Object v = pop();
                    Object k = pop();
                    setItem(stack.peek(), k, v);
                }
                case 'u' -> {
                    List<Object> kv = popToMark();
                    if (kv.size() % 2 != 0) {
                        throw error("SETITEMS with an odd number of items");
                    }
                    Object target = stack.peek();
                    for (int i = 0; i < kv.size(); i += 2) {
                        setItem(target, kv.get(i), kv.get(i + 1));
                    }
                }
                case 'a' -> {
                    Object v = pop();
                    if (!(stack.peek() instanceof List<?> l)) {
                        throw error("APPEND to a non-list");
                    }
                    ((List<Object>) l).add(v);
                }
                case 'e' -> {
                    List<Object> vs = popToMark();
                    if (!(stack.peek() instanceof List<?> l)) {
                        throw error("APPENDS to a non-list");
                    }
                    ((List<Object>) l).addAll(vs);
                }
                case 'U' -> stack.push(bytesAsString(u8(), false));
                case 'T' -> stack.push(bytesAsString(i32(), false));
                case 'X' -> stack.push(bytesAsString(i32(), true));
                case 'J' -> stack.push((long) i32());
                case 'K' -> stack.push((long) u8());
                case 'M' -> stack.push((long) (u8() | (u8() << 8)));
                case 0x8a -> { // LONG1: little-endian two's complement
                    int len = u8();
                    if (len > 8) {
                        throw error("LONG1 of " + len + " bytes too large");
                    }
                    long v = 0;
                    for (int i = 0; i < len; i++) {
                        v |= ((long) u8()) << (8 * i);
                    }
                    if (len > 0 && len < 8 && (v & (1L << (8 * len - 1))) != 0) {
                        v -= 1L << (8 * len);
                    }
                    stack.push(v);
                }
                case 'G' -> {
                    long bits = 0;
                    for (int i = 0; i < 8; i++) {
                        bits = (bits << 8) | u8();
                    }
                    stack.push(Double.longBitsToDouble(bits));
                }
                case 'N' -> stack.push(NONE);
                case 0x88 -> stack.push(Boolean.TRUE);
                case 0x89 -> stack.push(Boolean.FALSE);
                case 'R', 0x81 -> {
                    Object args = pop();
                    Object fn = pop();
                    if (!(fn instanceof PyGlobal g) || !(args instanceof Object[] a)) {
                        throw error((op == 'R' ? "REDUCE" : "NEWOBJ") + " needs a global and an argument tuple");
                    }
                    stack.push(new PyObject(g, a));
                }
                case 'b' -> {
                    Object state = pop();
                    if (!(stack.peek() instanceof PyObject p)) {
                        throw error("BUILD on something that is not an object");
                    }
                    p.state = state;
                }
                default -> {
                    pos = at;
                    throw error(String.format("unsupported pickle opcode 0x%02x ('%s'); this reader handles the protocol-2 "
                            + "opcodes of Planetoid files only", op, op >= 32 && op < 127 ? Character.toString(op) : "?"));
                }
            }
        }
    }

    /** Python None (a marker, since a null could not sit in the deque). */
    public static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };
}
