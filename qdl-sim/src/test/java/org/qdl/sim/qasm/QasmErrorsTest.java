package org.qdl.sim.qasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qdl.sim.InsufficientMemoryException;
import org.qdl.sim.InvalidInputException;

/** Malformed and unsupported programs: each error names file, line, column and what was expected. */
class QasmErrorsTest {
    private static final String H = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n";

    /** Parses src and asserts the error's position and that its message contains every fragment. */
    private static void assertError(String src, int line, int column, String... fragments) {
        QasmException e = assertThrows(QasmException.class, () -> QasmProgram.parse(src, "t.qasm"));
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().startsWith("t.qasm:" + line + ":" + column + ": "), e.getMessage());
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "\"" + e.getMessage() + "\" lacks \"" + f + "\"");
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }

    @Test
    void syntaxErrors() {
        assertError("qreg q[2];", 1, 1, "expected the header 'OPENQASM 2.0;'", "found 'qreg'");
        assertError("OPENQASM 3.0;\nqubit q;", 1, 10, "version 3.0 is not supported");
        assertError(H + "qreg q[2]\nh q[0];", 4, 1, "expected ';' after the register declaration", "found 'h'");
        assertError(H + "qreg q[2];\nh q[0]", 4, 7, "expected ';' after the arguments of h", "end of file");
        assertError(H + "qreg q[2];\ncx q[0] q[1];", 4, 9, "expected ';'", "found 'q'");
        assertError(H + "qreg q[2];\nrx(0.5 q[0];", 4, 8, "expected ')' to close the parameters of rx");
        assertError(H + "qreg q[2];\nrx(*2) q[0];", 4, 4, "expected a number, pi, a parameter name or '('");
        assertError(H + "qreg q[-1];", 3, 8, "expected the register size", "found '-'");
        assertError(H + "qreg q[2];\nmeasure q[0] c[0];", 4, 14, "expected '->'");
        assertError(H + "qreg q[2];\nh q[0]; $", 4, 9, "unexpected character '$'");
        assertError(H + "/* never closed\nqreg q[1];", 3, 1, "comment opened here is never closed");
        assertError(H + "gate g a { h a;\nqreg q[1];", 4, 1, "'qreg' is not allowed inside the body of gate g");
        assertError(H + "gate g a { h a[0]; }", 3, 14, "arguments are plain names");
        assertError(H + "qreg q[1];\nrx(foo(1)) q[0];", 4, 4, "unknown function 'foo'");
    }

    @Test
    void unsupportedConstructsAreNamed() {
        assertError(H + "opaque magic(a) q;", 3, 1, "'opaque' gate declarations are not supported");
        assertError("OPENQASM 2.0;\ninclude \"mylib.inc\";", 2, 1, "include \"mylib.inc\" is not supported", "only \"qelib1.inc\"");
        assertError(H + "qubit[2] q;", 3, 1, "'qubit' is OpenQASM 3 syntax");
        assertError(H + "qreg q[2];\nbit c;", 4, 1, "'bit' is OpenQASM 3 syntax");
        assertError(H + "qreg q[2];\nctrl @ x q[0], q[1];", 4, 6, "gate modifiers with '@'");
        assertError(H + "qreg q[2];\nif (c == 1) if (c == 0) x q[0];", 4, 13, "an if may only guard");
    }

    @Test
    void semanticErrors() {
        assertError(H + "qreg q[2];\nfoo q[0];", 4, 1, "unknown gate 'foo'");
        assertError("OPENQASM 2.0;\nqreg q[2];\nh q[0];", 3, 1, "gate 'h' is defined in qelib1.inc", "include");
        assertError(H + "qreg q[2];\ncx q[0];", 4, 1, "gate cx acts on 2 qubit(s), got 1");
        assertError(H + "qreg q[2];\nrx q[0];", 4, 1, "gate rx takes 1 parameter(s), got 0");
        assertError(H + "qreg q[2];\nx q[2];", 4, 3, "index 2 is out of range for q[2]");
        assertError(H + "qreg q[2];\nx r[0];", 4, 3, "unknown quantum register 'r'");
        assertError(H + "qreg q[2];\ncreg c[2];\nx c[0];", 5, 3, "unknown quantum register 'c'", "is a classical register");
        assertError(H + "qreg q[2];\ncx q[1], q[1];", 4, 1, "given qubit q[1] twice");
        assertError(H + "qreg a[2];\nqreg b[3];\ncx a, b;", 5, 7, "register b has 3 qubits but a has 2");
        assertError(H + "qreg q[2];\ncreg c[3];\nmeasure q -> c;", 5, 1, "2 qubit(s) with 3 classical bit(s)");
        assertError(H + "qreg q[2];\nqreg q[3];", 4, 1, "'q' is already declared");
        assertError(H + "gate h a { x a; }", 3, 1, "'h' is already defined in qelib1.inc");
        assertError(H + "gate g(theta) a { rx(phi) a; }", 3, 22, "unknown parameter 'phi' in gate g", "parameters: theta");
        assertError(H + "gate g a { cx a, b; }", 3, 18, "'b' is not an argument of gate g");
        assertError(H + "gate g a { g a; }", 3, 12, "unknown gate 'g'");
        assertError(H + "qreg q[1];\nrx(theta) q[0];", 4, 4, "unknown identifier 'theta'");
        assertError(H + "qreg q[1];\nrx(ln(0)) q[0];", 4, 1, "evaluates to -Infinity");
        assertError(H + "qreg q[1];\ncreg c[2];\nif (c == 4) x q[0];", 5, 1, "value 4 cannot be held by the 2-bit register c");
        assertError(H + "qreg q[1];\nif (d == 0) x q[0];", 4, 1, "unknown classical register 'd'");
        assertError(H + "creg c[1];", 1, 1, "declares no qreg");
        assertError(H + "qreg a[20];\nqreg b[11];", 4, 1, "brings the program to 31 qubits");
    }

    @Test
    void registerTooLargeForHeapFailsCleanlyWhenRun() {
        QasmProgram p = QasmProgram.parse(H + "qreg q[30];\nh q;", "big.qasm");
        InsufficientMemoryException e = assertThrows(InsufficientMemoryException.class, () -> QasmRunner.run(p, 10, 1));
        assertTrue(e.getMessage().contains("16.0 GiB"), e.getMessage());
    }

    @Test
    void missingFileIsAnInputError() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> QasmProgram.load(java.nio.file.Path.of("no/such/file.qasm")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }
}
