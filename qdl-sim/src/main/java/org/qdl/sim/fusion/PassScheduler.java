package org.qdl.sim.fusion;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses which gates go into one block pass. A gate may move ahead of gates it was after only
 * when it commutes with each of them: disjoint qubits, or both diagonal. So a deferred dense gate
 * blocks every later gate on its qubits, a deferred diagonal blocks later dense gates on its qubits.
 * Dense gates need their targets in the block; diagonals and controls may lie anywhere.
 */
final class PassScheduler {
    private PassScheduler() {}

    /** Gates of one pass and the rest, both in program order. */
    record Split(int blockMask, List<FusionItem> scheduled, List<FusionItem> deferred, double score) {}

    /**
     * Splits {@code remaining} for a block on {@code blockMask}; with {@code grow}, a dense gate whose
     * targets do not fit is admitted while the block has fewer than {@code bits} qubits.
     */
    static Split split(List<FusionItem> remaining, int blockMask, int bits, boolean grow, int allQubits) {
        List<FusionItem> sched = new ArrayList<>(), def = new ArrayList<>();
        int blockedAll = 0, blockedDense = 0, b = blockMask;
        double score = 0;
        for (int i = 0; i < remaining.size(); i++) {
            FusionItem it = remaining.get(i);
            if (blockedAll == allQubits) { // nothing further can move ahead
                def.addAll(remaining.subList(i, remaining.size()));
                break;
            }
            boolean ok;
            if (!it.fusable) ok = false;
            else if (it.diagonal) ok = (it.touched & blockedAll) == 0;
            else {
                ok = (it.touched & (blockedAll | blockedDense)) == 0;
                if (ok && (it.targetMask & ~b) != 0) {
                    ok = grow && Integer.bitCount(b | it.targetMask) <= bits;
                    if (ok) b |= it.targetMask;
                }
            }
            if (ok) {
                sched.add(it);
                score += it.diagonal ? 0.25 : 1;
            } else {
                def.add(it);
                if (it.fusable && it.diagonal) blockedDense |= it.touched;
                else blockedAll |= it.touched;
            }
        }
        return new Split(b, sched, def, score);
    }

    /**
     * The best block for the next pass among: the one grown greedily in program order, and every
     * window of consecutive qubits above the always-present low qubits.
     */
    static Split best(List<FusionItem> remaining, int numQubits, int bits, int lowBits) {
        int all = numQubits == 32 ? -1 : (1 << numQubits) - 1;
        int low = (1 << lowBits) - 1;
        Split best = split(remaining, low, bits, true, all);
        int width = bits - lowBits;
        for (int w = lowBits; w + width <= numQubits; w++) {
            int mask = low | (((1 << width) - 1) << w);
            Split s = split(remaining, mask, bits, false, all);
            if (s.score > best.score || (s.score == best.score && mask == (1 << bits) - 1)) best = s;
        }
        return best;
    }
}
