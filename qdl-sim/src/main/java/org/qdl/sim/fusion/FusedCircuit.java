package org.qdl.sim.fusion;

import java.util.ArrayList;
import java.util.List;
import org.qdl.sim.gate.Circuit;
import org.qdl.sim.gate.Gate;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.kernel.Kernels32;
import org.qdl.sim.state.StateVector;
import org.qdl.sim.state.StateVector32;

/**
 * A circuit compiled for cache blocking: consecutive gates are grouped into passes, each of which
 * makes one sweep over the state in L2-sized blocks and applies all its gates to a block while it is
 * in cache. A block holds the low qubits plus a chosen set of high ones (gathered in contiguous
 * runs); dense gates must act within the block, diagonal gates and controls may touch any qubit
 * (their outside bits are constant over a block). Gates that cannot be fused (wide dense gates,
 * Pauli rotations on many qubits, unknown kinds) run on their own between passes. The result equals
 * {@link Circuit#apply} up to rounding; it never needs more than one block buffer per thread.
 *
 * <pre>FusedCircuit.compile(circuit).apply(state);</pre>
 */
public final class FusedCircuit {
    private final int numQubits;
    private final int gateCount;
    private final List<Object> passes; // BlockPass, or a Gate applied on its own

    private FusedCircuit(int numQubits, int gateCount, List<Object> passes) {
        this.numQubits = numQubits;
        this.gateCount = gateCount;
        this.passes = passes;
    }

    public static FusedCircuit compile(Circuit c) {
        return compile(c, FusionOptions.DEFAULT);
    }

    public static FusedCircuit compile(Circuit c, FusionOptions o) {
        int n = c.numQubits();
        // Keep at least 4 blocks so that two threads share the work.
        int bits = n <= 4 ? n : Math.min(o.blockBits(), n - 2);
        int low = Math.min(o.lowBits(), bits / 2);
        List<FusionItem> rem = new ArrayList<>();
        for (Gate g : SingleQubitMerge.apply(c.gates())) rem.add(FusionItem.of(g, bits - low));
        List<Object> passes = new ArrayList<>();
        while (!rem.isEmpty()) {
            PassScheduler.Split s = PassScheduler.best(rem, n, bits, low);
            if (s.scheduled().isEmpty()) { // the first gate cannot be fused
                passes.add(rem.remove(0).gate);
                continue;
            }
            int mask = s.blockMask();
            for (int q = 0; Integer.bitCount(mask) < bits; q++) mask |= 1 << q; // pad with low qubits: longer runs
            int[] bq = new int[bits];
            for (int k = 0, m = mask; m != 0; m &= m - 1) bq[k++] = Integer.numberOfTrailingZeros(m);
            List<BlockOp> ops = new ArrayList<>();
            for (FusionItem it : FusionItem.mergeDiagonals(s.scheduled())) ops.add(it.toBlockOp(bq));
            passes.add(new BlockPass(n, mask, List.copyOf(ops)));
            rem = s.deferred();
        }
        return new FusedCircuit(n, c.size(), List.copyOf(passes));
    }

    /** Applies the circuit in place. */
    public void apply(StateVector s) {
        if (s.numQubits() != numQubits) {
            throw new InvalidInputException("a " + numQubits + "-qubit circuit cannot run on a " + s.numQubits() + "-qubit state");
        }
        for (Object p : passes) {
            if (p instanceof BlockPass bp) bp.apply(s);
            else ((Gate) p).apply(s);
        }
    }

    /**
     * Applies the circuit in place to a complex64 state: the same passes with single-precision
     * block kernels; gates applied on their own use {@link Kernels32}.
     */
    public void apply(StateVector32 s) {
        if (s.numQubits() != numQubits) {
            throw new InvalidInputException("a " + numQubits + "-qubit circuit cannot run on a " + s.numQubits() + "-qubit state");
        }
        for (Object p : passes) {
            if (p instanceof BlockPass bp) bp.apply(s);
            else Kernels32.apply(s, (Gate) p);
        }
    }

    /** Runs the circuit on |0…0⟩. */
    public StateVector run() {
        StateVector s = StateVector.zero(numQubits);
        apply(s);
        return s;
    }

    public int numQubits() {
        return numQubits;
    }

    /** Number of sweeps over the state: block passes plus gates applied on their own. */
    public int passCount() {
        return passes.size();
    }

    /** Number of gates applied on their own (not fused). */
    public int unfusedCount() {
        return (int) passes.stream().filter(p -> p instanceof Gate).count();
    }

    /** Operations applied inside the block passes (merged diagonals count once). */
    public int blockOpCount() {
        return passes.stream().mapToInt(p -> p instanceof BlockPass bp ? bp.ops.size() : 0).sum();
    }

    public int gateCount() {
        return gateCount;
    }

    @Override
    public String toString() {
        return "FusedCircuit[" + numQubits + " qubits, " + gateCount + " gates in " + passes.size() + " passes, "
                + unfusedCount() + " unfused, " + blockOpCount() + " block ops]";
    }
}
