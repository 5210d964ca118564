package org.qdl.sim.measurement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.state.StateVector;

/**
 * Classical shadows of P_j ⊗ F: each copy is measured in a uniformly random Pauli basis on the union
 * of the P_j's supports, and in F's own basis on F's qubits (F is measured on every copy). A
 * snapshot estimates ⟨P_j ⊗ F⟩ by 3^{|P_j|}·(±1) when the random basis matches P_j on its support,
 * else by 0: unbiased, and all P_j share the same copies.
 *
 * <p>Simulation: when the distinct bases times the state size stay under
 * {@value #JOINT_BUDGET} amplitude updates, every copy is simulated (rotate, sample); otherwise each
 * observable's snapshots are drawn from their exact marginal law (the basis matches P_j with
 * probability 3^{−|P_j|}, and then the ±1 outcome has mean ⟨P_j ⊗ F⟩), so each component has exactly
 * the protocol's distribution but correlations between components are not reproduced.
 */
public final class PauliShadows {
    /** Amplitude updates above which snapshots are drawn per observable from the exact marginals. */
    public static final double JOINT_BUDGET = 2e8;

    private PauliShadows() {}

    /** Group means [group][j] of the snapshot estimates of P_j ⊗ F on {@code shots} copies of {@code psi} (left unchanged). */
    public static double[][] groupMeans(List<PauliString> paulis, PauliString fixed, StateVector psi, int shots, int groups, long seed) {
        ShotGroups.check(shots, groups);
        int union = 0;
        for (PauliString p : paulis) union |= p.xMask() | p.zMask();
        int fixedSupport = fixed.xMask() | fixed.zMask();
        if ((union & fixedSupport) != 0) throw new InvalidInputException("the fixed factor " + fixed + " overlaps the randomised qubits");
        int[] qs = PauliString.ofMasks(union, 0).support();
        psi.checkQubits("shadow qubit", PauliString.ofMasks(union | fixedSupport, 0).support());
        double distinct = Math.min(shots, Math.pow(3, qs.length));
        if (distinct * psi.dimension() * (qs.length + 2) > JOINT_BUDGET) return marginal(paulis, fixed, psi, shots, groups, seed);
        SplittableRandom rng = new SplittableRandom(seed);
        Map<Long, List<Integer>> byBasis = new LinkedHashMap<>(); // x and z masks of each shot's basis → its shots
        for (int shot = 0; shot < shots; shot++) {
            int bx = 0, bz = 0;
            for (int q : qs) {
                int b = rng.nextInt(3);
                if (b == 0 || b == 1) bx |= 1 << q; // X or Y
                if (b == 1 || b == 2) bz |= 1 << q; // Y or Z
            }
            byBasis.computeIfAbsent(((long) bx << 32) | (bz & 0xffffffffL), k -> new ArrayList<>()).add(shot);
        }
        double[][] sums = new double[groups][paulis.size()];
        for (Map.Entry<Long, List<Integer>> e : byBasis.entrySet()) {
            int bx = (int) (e.getKey() >>> 32), bz = (int) (long) e.getKey();
            List<Integer> which = e.getValue();
            StateVector s = psi.copy();
            PauliBasisChange.toZ(s, bx | fixed.xMask(), bz | fixed.zMask());
            int[] out = Measurement.sample(s, which.size(), rng).outcomes();
            for (int j = 0; j < paulis.size(); j++) {
                PauliString p = paulis.get(j);
                int sup = p.xMask() | p.zMask();
                if ((bx & sup) != p.xMask() || (bz & sup) != p.zMask()) continue; // the basis misses P_j
                double w = Math.pow(3, p.weight());
                int mask = sup | fixedSupport;
                for (int t = 0; t < which.size(); t++) sums[ShotGroups.of(which.get(t), shots, groups)][j] += w * PauliBasisChange.parity(out[t], mask);
            }
        }
        return ShotGroups.toMeans(sums, shots);
    }

    private static double[][] marginal(List<PauliString> paulis, PauliString fixed, StateVector psi, int shots, int groups, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] sums = new double[groups][paulis.size()];
        for (int j = 0; j < paulis.size(); j++) {
            PauliString p = paulis.get(j);
            double mean = PauliString.ofMasks(p.xMask() | fixed.xMask(), p.zMask() | fixed.zMask()).expectation(psi);
            double match = Math.pow(3, -p.weight()), w = Math.pow(3, p.weight()), pPlus = (1 + mean) / 2;
            // the copies whose basis matches P_j: geometric gaps between successes of probability 3^{−w}
            double logMiss = Math.log1p(-match);
            long shot = match >= 1 ? 0 : (long) Math.floor(Math.log(1 - rng.nextDouble()) / logMiss);
            while (shot < shots) {
                sums[ShotGroups.of((int) shot, shots, groups)][j] += rng.nextDouble() < pPlus ? w : -w;
                shot += 1 + (match >= 1 ? 0 : (long) Math.floor(Math.log(1 - rng.nextDouble()) / logMiss));
            }
        }
        return ShotGroups.toMeans(sums, shots);
    }
}
