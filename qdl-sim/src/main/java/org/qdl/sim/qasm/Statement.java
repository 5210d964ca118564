package org.qdl.sim.qasm;

import java.util.List;

/** The syntax tree of an OpenQASM 2 program: one record per statement kind, each with its position. */
sealed interface Statement {
    int line();

    int column();

    /** A register argument: {@code name} (whole register, index −1) or {@code name[index]}. */
    record Arg(String name, int index, int line, int column) {
        boolean whole() {
            return index < 0;
        }

        @Override
        public String toString() {
            return whole() ? name : name + "[" + index + "]";
        }
    }

    record Include(String path, int line, int column) implements Statement {}

    record QReg(String name, int size, int line, int column) implements Statement {}

    record CReg(String name, int size, int line, int column) implements Statement {}

    /** {@code gate name(params) args { body }}; body calls use bare argument names. */
    record GateDecl(String name, List<String> params, List<String> args, List<GateCall> body, int line, int column)
            implements Statement {}

    /** A gate application (also U and CX); inside a gate body, barriers appear as calls named "barrier". */
    record GateCall(String name, List<Expr> params, List<Arg> args, int line, int column) implements Statement {}

    record Measure(Arg qubit, Arg bit, int line, int column) implements Statement {}

    record Reset(Arg qubit, int line, int column) implements Statement {}

    record Barrier(List<Arg> args, int line, int column) implements Statement {}

    /** {@code if (creg == value) statement}. */
    record If(String creg, long value, Statement body, int line, int column) implements Statement {}
}
