package org.qdl.sim.qasm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qdl.sim.InvalidInputException;

/**
 * An OpenQASM 2.0 unitary with named free angles: the source of a trainable layer. Parameters are
 * declared OpenQASM-3 style, one per line ({@code input float[64] theta;}, also {@code input angle
 * theta;}), and/or given by the caller; a gate call may use one as its whole angle
 * ({@code rx(theta) q[0];}) of rx, ry, rz, p, u1, rxx or rzz, directly or through a user gate. The
 * compiled ops are {@link Op.Apply} (fixed gates) and {@link Op.Rotation} (exp(−iθG/2), up to the
 * gate's θ-dependent global phase). measure, reset and if are errors naming file:line:column.
 */
public final class QasmTemplate {
    private static final Pattern INPUT = Pattern.compile(
            "^\\s*input\\s+(?:float|angle)(?:\\s*\\[\\s*\\d+\\s*\\])?\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*;\\s*(?://.*)?$");
    private static final Set<String> RESERVED = Set.of("pi", "sin", "cos", "tan", "exp", "ln", "sqrt", "U", "CX");

    private final QasmProgram program;
    private final List<String> parameters;

    private QasmTemplate(QasmProgram program, List<String> parameters) {
        this.program = program;
        this.parameters = List.copyOf(parameters);
    }

    /** Reads and compiles a template; {@code extra}: parameter names beyond those the file declares. */
    public static QasmTemplate load(Path path, List<String> extra) {
        if (Files.isDirectory(path)) throw new InvalidInputException("cannot read " + path + ": is a directory");
        String text;
        try {
            byte[] b = Files.readAllBytes(path);
            for (byte x : b) if (x == 0) throw new InvalidInputException(path + ": a binary file, not OpenQASM text");
            text = new String(b, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("cannot read " + path + ": no such file");
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return parse(text, path.toString(), extra);
    }

    public static QasmTemplate parse(String source, String file, List<String> extra) {
        String[] lines = source.split("\n", -1);
        List<String> names = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher m = INPUT.matcher(lines[i]);
            if (!m.matches()) continue;
            declare(m.group(1), seen, names, file, i + 1);
            lines[i] = ""; // blank, so the OpenQASM 2 parser sees the same line numbers
        }
        for (String n : extra) declare(n, seen, names, file, 0);
        QasmProgram p = Compiler.compileTemplate(Parser.parse(String.join("\n", lines), file), file, seen);
        if (p.numQubits() == 0) throw new QasmException(file, 1, 1, "the program declares no qreg");
        Set<String> used = new LinkedHashSet<>();
        for (Op o : p.ops()) if (o instanceof Op.Rotation r) used.add(r.parameter());
        for (String n : names) {
            if (!used.contains(n)) throw new InvalidInputException(file + ": parameter '" + n + "' is declared but no gate uses it");
        }
        return new QasmTemplate(p, names);
    }

    private static void declare(String name, Set<String> seen, List<String> names, String file, int line) {
        String at = line > 0 ? file + ":" + line : file;
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new InvalidInputException(at + ": '" + name + "' is not a valid parameter name");
        if (RESERVED.contains(name)) throw new InvalidInputException(at + ": '" + name + "' is reserved and cannot name a parameter");
        if (!seen.add(name)) throw new InvalidInputException(at + ": parameter '" + name + "' is declared twice");
        names.add(name);
    }

    public int numQubits() {
        return program.numQubits();
    }

    /** Parameter names in declaration order (the file's input lines first, then the caller's). */
    public List<String> parameters() {
        return parameters;
    }

    /** The compiled ops: {@link Op.Apply} and {@link Op.Rotation}, in order. */
    public List<Op> ops() {
        return program.ops();
    }

    public String file() {
        return program.file();
    }
}
