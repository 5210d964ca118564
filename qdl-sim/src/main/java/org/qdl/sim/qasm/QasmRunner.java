package org.qdl.sim.qasm;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.qdl.sim.gate.Circuit;
import org.qdl.sim.gate.Gates;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.measurement.Measurement;
import org.qdl.sim.gate.MatrixGate;
import org.qdl.sim.Memory;
import org.qdl.sim.state.StateVector;
import org.qdl.sim.state.StateVector32;
import org.qdl.sim.fusion.FusedCircuit;

/**
 * Executes a {@link QasmProgram}. A static program (measurements only at the end of each qubit's
 * life, no reset or if) runs its gates once and draws every shot from the final state, which stays
 * unmeasured so that expectation values are exact. A dynamic program is simulated shot by shot with
 * collapse; the gates before its first measure/reset/if run once and are reused.
 * All randomness comes from one {@link SplittableRandom} seeded by the caller, consumed in a fixed
 * order, so the same seed gives the same counts whatever the thread count.
 */
public final class QasmRunner {
    private QasmRunner() {}

    /**
     * The outcome of a run. {@code counts} keys are classical registers as bitstrings (bit size−1
     * first), the last-declared register leftmost and registers separated by a space (the Qiskit
     * convention); a program that never measures is counted on full-register bitstrings (qubit n−1
     * first). {@code state} is the pre-measurement final state when {@code stateIsExact}, else the
     * state at the end of the last shot.
     */
    public record Result(QasmProgram program, int shots, long seed, Map<String, Integer> counts, StateVector state,
            boolean stateIsExact) {
        public Result {
            counts = Collections.unmodifiableMap(new TreeMap<>(counts));
        }
    }

    /** How a static program's gates run: one by one, fused into cache-blocked passes, or fused in complex64. */
    public enum Mode { GATES, FUSED, FUSED_COMPLEX64 }

    public static Result run(QasmProgram p, int shots, long seed) {
        return run(p, shots, seed, Mode.GATES);
    }

    /**
     * As {@link #run(QasmProgram, int, long)}; {@code mode} applies to static programs (a dynamic
     * one, simulated shot by shot with collapse, is refused in complex64 and runs gate by gate otherwise).
     */
    public static Result run(QasmProgram p, int shots, long seed, Mode mode) {
        if (shots < 0) throw new InvalidInputException("number of shots must be non-negative, got " + shots);
        if (p.isDynamic() && mode == Mode.FUSED_COMPLEX64) {
            throw new InvalidInputException("complex64 runs only programs without mid-circuit measure, reset or if; run this one in double precision");
        }
        if (p.isDynamic() && shots > MAX_DYNAMIC_SHOTS) {
            throw new InvalidInputException("this program measures mid-circuit, resets or branches, so every shot is simulated on its own:"
                    + " at most " + MAX_DYNAMIC_SHOTS + " shots, got " + shots);
        }
        return p.isDynamic() ? runDynamic(p, shots, seed) : runStatic(p, shots, seed, mode);
    }

    /**
     * Above this many shots a static program's counts are drawn as multinomial counts
     * ({@link org.qdl.sim.measurement.CountSampler}: no per-shot array, one pass over the state) rather than shot by
     * shot; at or below it the shots, and so the counts for a seed, are those of {@link Measurement#sample}.
     */
    public static final int COUNTS_ABOVE = 1 << 20;

    /** Most shots of a dynamic program, which is simulated shot by shot (~10^6 shots take seconds on a few qubits). */
    public static final int MAX_DYNAMIC_SHOTS = 1 << 20;

    private static Result runStatic(QasmProgram p, int shots, long seed, Mode mode) {
        int[] source = new int[p.numClbits()]; // the qubit each classical bit last measured, or −1
        java.util.Arrays.fill(source, -1);
        Circuit gates = new Circuit(p.numQubits());
        for (Op o : p.ops()) {
            if (o instanceof Op.Apply a) gates.add(a.gate());
            else if (o instanceof Op.Measure m) source[m.clbit()] = m.qubit();
        }
        StateVector s;
        if (mode == Mode.FUSED_COMPLEX64) {
            // sampling and observables run on a complex128 copy of the final state: both coexist once
            int n = p.numQubits();
            Memory.require("a complex64 run of " + n + " qubits with a complex128 copy of its final state for sampling",
                    StateVector32.bytesFor(n) + StateVector.bytesFor(n));
            StateVector32 s32 = StateVector32.zero(n);
            FusedCircuit.compile(gates).apply(s32);
            s = s32.toDouble();
            s32 = null;
            s.normalize(); // single-precision rounding drifts the norm by ~1e-7 per gate
        } else if (mode == Mode.FUSED) {
            s = FusedCircuit.compile(gates).run();
        } else {
            s = StateVector.zero(p.numQubits());
            gates.apply(s);
        }
        Map<String, Integer> counts = new TreeMap<>();
        if (shots > COUNTS_ABOVE) {
            boolean measures = p.measures();
            for (Map.Entry<Integer, Long> e : org.qdl.sim.measurement.CountSampler.counts(s, shots, new SplittableRandom(seed)).entrySet()) {
                counts.merge(key(p, source, measures, e.getKey()), (int) (long) e.getValue(), Integer::sum);
            }
        } else if (shots > 0) {
            Measurement.Shots sh = Measurement.sample(s, shots, new SplittableRandom(seed));
            boolean measures = p.measures();
            for (int outcome : sh.outcomes()) {
                String key;
                if (measures) {
                    long bits = 0;
                    for (int c = 0; c < source.length; c++) if (source[c] >= 0 && (outcome >>> source[c] & 1) != 0) bits |= 1L << c;
                    key = classicalKey(p, bits);
                } else {
                    key = Measurement.Shots.bitstring(outcome, p.numQubits());
                }
                counts.merge(key, 1, Integer::sum);
            }
        }
        return new Result(p, shots, seed, counts, s, true);
    }

    /** The counts key of a full-register outcome: its classical registers, or the bitstring if nothing is measured. */
    private static String key(QasmProgram p, int[] source, boolean measures, int outcome) {
        if (!measures) return Measurement.Shots.bitstring(outcome, p.numQubits());
        long bits = 0;
        for (int c = 0; c < source.length; c++) if (source[c] >= 0 && (outcome >>> source[c] & 1) != 0) bits |= 1L << c;
        return classicalKey(p, bits);
    }

    private static Result runDynamic(QasmProgram p, int shots, long seed) {
        List<Op> ops = p.ops();
        int first = 0;
        StateVector prefix = StateVector.zero(p.numQubits());
        while (first < ops.size() && ops.get(first) instanceof Op.Apply a) {
            a.gate().apply(prefix);
            first++;
        }
        StateVector s = prefix.copy();
        RandomGenerator rng = new SplittableRandom(seed);
        Map<String, Integer> counts = new TreeMap<>();
        boolean measures = p.measures();
        List<Op> rest = ops.subList(first, ops.size());
        for (int shot = 0; shot < Math.max(1, shots); shot++) {
            if (shot > 0) s.copyFrom(prefix);
            long bits = execute(rest, s, 0L, rng);
            if (shots == 0) break;
            String key = measures ? classicalKey(p, bits)
                    : Measurement.Shots.bitstring(Measurement.sample(s, 1, rng).outcomes()[0], p.numQubits());
            counts.merge(key, 1, Integer::sum);
        }
        return new Result(p, shots, seed, counts, s, false);
    }

    /** Runs ops on s with collapse; returns the classical bits afterwards. */
    private static long execute(List<Op> ops, StateVector s, long bits, RandomGenerator rng) {
        for (Op o : ops) {
            if (o instanceof Op.Apply a) {
                a.gate().apply(s);
            } else if (o instanceof Op.Measure m) {
                int v = Measurement.measure(s, rng, m.qubit());
                bits = v == 1 ? bits | 1L << m.clbit() : bits & ~(1L << m.clbit());
            } else if (o instanceof Op.Reset r) {
                if (Measurement.measure(s, rng, r.qubit()) == 1) MatrixGate.of("x", Gates.X, r.qubit()).apply(s);
            } else if (o instanceof Op.Conditional c) {
                long mask = c.size() >= 64 ? -1L : (1L << c.size()) - 1;
                if ((bits >>> c.offset() & mask) == c.value()) bits = execute(c.body(), s, bits, rng);
            }
        }
        return bits;
    }

    /** The classical bits as "creg_last … creg_first", each register written bit size−1 first. */
    static String classicalKey(QasmProgram p, long bits) {
        StringBuilder sb = new StringBuilder();
        List<Register> cregs = p.cregs();
        for (int r = cregs.size() - 1; r >= 0; r--) {
            Register reg = cregs.get(r);
            if (sb.length() > 0) sb.append(' ');
            for (int b = reg.size() - 1; b >= 0; b--) sb.append((bits >>> (reg.offset() + b) & 1) != 0 ? '1' : '0');
        }
        return sb.toString();
    }
}
