package org.qdl.sim.qasm;

import org.qdl.sim.InvalidInputException;

/** A malformed or unsupported OpenQASM program, located by file, line and column (1-based). */
public final class QasmException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;

    public QasmException(String file, int line, int column, String message) {
        super(file + ":" + line + ":" + column + ": " + message);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
