package org.qdl.sim.qasm;

import java.util.List;
import org.qdl.sim.gate.Gate;

/** One executable step of a compiled program, on global qubit and classical-bit indices. */
public sealed interface Op {
    /** A unitary gate (user gates are already expanded into these). */
    record Apply(Gate gate) implements Op {}

    /**
     * A rotation exp(−iθG/2) by the named free parameter θ of a layer template
     * ({@link QasmTemplate}); ordinary programs never contain it. {@code line}: where the gate is.
     */
    record Rotation(org.qdl.sim.observable.PauliString generator, String parameter, int line) implements Op {}

    /** Measures {@code qubit} in the computational basis (with collapse) into classical bit {@code clbit}. */
    record Measure(int qubit, int clbit) implements Op {}

    /** Returns {@code qubit} to |0⟩ (measure, then flip if 1). */
    record Reset(int qubit) implements Op {}

    /** Runs {@code body} when the classical register at bits [offset, offset+size) holds {@code value}. */
    record Conditional(String register, int offset, int size, long value, List<Op> body) implements Op {
        public Conditional {
            body = List.copyOf(body);
        }
    }
}
