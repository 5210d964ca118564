package org.qdl.protocol.model.file;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.qdl.protocol.model.QdlModel;
import org.qdl.sim.InvalidInputException;

/**
 * A model file that describes a family of models in the register width: wherever the JSON value
 * {@code "${n}"} appears it stands for the data qubits n, and {@code "${N}"} for N = 2^n (e.g.
 * {@code "qubits": "${n}"}, a gaussian input of {@code "length": "${N}"}, built-in layers of
 * {@code "qubits": "${n}"}); inside longer strings {@code ${n}} is replaced by its decimal digits.
 * Layers of fixed width (an OpenQASM file) act on the lowest qubits at every n. A family lives in
 * one file: {@code $file} party sections are read as they are, without substitution.
 */
public final class ModelFamily {
    private final Path file;
    private final String text;

    private ModelFamily(Path file, String text) {
        this.file = file;
        this.text = text;
    }

    /** Reads {@code file}; refuses a file that names neither placeholder (a single model, not a family). */
    public static ModelFamily load(Path file) throws IOException {
        String text = ModelFile.readText(file);
        if (!text.contains("${n}") && !text.contains("${N}")) {
            throw new InvalidInputException(file + ": not a family in N: it uses neither \"${n}\" (data qubits) nor \"${N}\" (= 2^n) (docs/models.md, Families)");
        }
        return new ModelFamily(file, text);
    }

    /** The member with n data qubits, checked in full like any model file. */
    public QdlModel at(int n) throws IOException {
        if (n < 1 || n > 30) throw new InvalidInputException(file + ": data qubits n must lie in 1..30, got " + n);
        String t = text.replace("\"${n}\"", Integer.toString(n)).replace("\"${N}\"", Long.toString(1L << n))
                .replace("${n}", Integer.toString(n)).replace("${N}", Long.toString(1L << n));
        return ModelFile.parse(t, ModelFile.dirOf(file), file + " (n = " + n + ")", List.of());
    }

    public Path file() {
        return file;
    }
}
