package org.qdl.sim.qasm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.qdl.sim.gate.Circuit;
import org.qdl.sim.InvalidInputException;

/**
 * A compiled OpenQASM 2.0 program: registers laid out in declaration order (the first qreg holds
 * qubits 0…), and a list of {@link Op}s on global indices. Run it with {@link QasmRunner}.
 */
public final class QasmProgram {
    private final String file;
    private final int numQubits;
    private final int numClbits;
    private final List<Register> qregs;
    private final List<Register> cregs;
    private final List<Op> ops;

    QasmProgram(String file, int numQubits, int numClbits, List<Register> qregs, List<Register> cregs, List<Op> ops) {
        this.file = file;
        this.numQubits = numQubits;
        this.numClbits = numClbits;
        this.qregs = qregs;
        this.cregs = cregs;
        this.ops = List.copyOf(ops);
    }

    /** Parses and checks program text; {@code file} names it in error messages. */
    public static QasmProgram parse(String source, String file) {
        QasmProgram p = Compiler.compile(Parser.parse(source, file), file);
        if (p.numQubits == 0) throw new QasmException(file, 1, 1, "the program declares no qreg");
        return p;
    }

    /** Reads and parses a .qasm file (UTF-8). */
    public static QasmProgram load(Path path) {
        String text;
        try {
            text = text(Files.readAllBytes(path), path);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("cannot read " + path + ": no such file");
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return parse(text, path.toString());
    }

    /** UTF-8 text without control bytes (other than tab, CR, LF, FF); else an error naming the byte offset. */
    static String text(byte[] bytes, Path path) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        java.nio.charset.CoderResult r = StandardCharsets.UTF_8.newDecoder().decode(in, out, true);
        if (r.isError()) {
            throw new InvalidInputException(path + " is not UTF-8 text: invalid byte 0x"
                    + String.format("%02x", bytes[in.position()] & 0xff) + " at byte offset " + in.position());
        }
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7f) {
                throw new InvalidInputException(path + " is not text: control byte 0x" + String.format("%02x", b) + " at byte offset " + i);
            }
        }
        out.flip();
        return out.toString();
    }

    public String file() {
        return file;
    }

    public int numQubits() {
        return numQubits;
    }

    public int numClbits() {
        return numClbits;
    }

    public List<Register> qregs() {
        return qregs;
    }

    public List<Register> cregs() {
        return cregs;
    }

    public List<Op> ops() {
        return ops;
    }

    /** True if the program has any measure. */
    public boolean measures() {
        return ops.stream().anyMatch(o -> o instanceof Op.Measure
                || (o instanceof Op.Conditional c && c.body().stream().anyMatch(b -> b instanceof Op.Measure)));
    }

    /**
     * True if outcomes feed back into the run: a reset, an if, or a gate on a qubit after it was
     * measured. Such programs are simulated shot by shot; the others run their gates once and sample.
     */
    public boolean isDynamic() {
        BitSet measured = new BitSet();
        for (Op o : ops) {
            if (o instanceof Op.Reset || o instanceof Op.Conditional) return true;
            if (o instanceof Op.Measure m) measured.set(m.qubit());
            if (o instanceof Op.Apply a) {
                for (int q : a.gate().qubits()) if (measured.get(q)) return true;
            }
        }
        return false;
    }

    /** The gates of the program in order, ignoring measurements (for static programs: the pre-measurement unitary). */
    public Circuit circuit() {
        if (isDynamic()) throw new InvalidInputException(file + ": the program has mid-circuit measurement, reset or if, so it is not one circuit");
        Circuit c = new Circuit(numQubits);
        for (Op o : ops) if (o instanceof Op.Apply a) c.add(a.gate());
        return c;
    }
}
