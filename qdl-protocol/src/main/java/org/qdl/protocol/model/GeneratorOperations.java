package org.qdl.protocol.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.qdl.protocol.GeneratorStructure;
import org.qdl.protocol.ProtocolException;
import org.qdl.sim.gate.DiagonalGate;
import org.qdl.sim.gate.Gates;
import org.qdl.sim.gate.MatrixGate;
import org.qdl.sim.measurement.Measurement;
import org.qdl.sim.gate.PauliRotation;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.state.StateVector;

/**
 * What a layer's holder does with its own generators for gradient protocols: shifted and
 * generator-inserted applications, and joint or randomised measurements of the derivative
 * observables Y_a ⊗ G_j (a = the ancilla). Runs inside the holder; generators never leave it.
 */
public final class GeneratorOperations {
    private GeneratorOperations() {}

    /** Rotation steps of a layer (empty for layers without Pauli rotations). */
    static List<PauliLayer.Step> rotations(Layer layer) {
        List<PauliLayer.Step> r = new ArrayList<>();
        if (layer instanceof PauliLayer p) for (PauliLayer.Step s : p.steps()) if (s.isRotation()) r.add(s);
        return r;
    }

    public static GeneratorStructure structure(Layer layer) {
        if (!(layer instanceof PauliLayer p)) return new GeneratorStructure(new int[0], 0, true, true);
        List<PauliLayer.Step> steps = p.steps();
        List<Integer> params = new ArrayList<>();
        int k = 0;
        boolean invariant = true;
        int xLetters = 0, zLetters = 0, seen = 0; // per-qubit letter, to test qubit-wise commutation
        boolean qwc = true;
        for (int i = 0; i < steps.size(); i++) {
            PauliLayer.Step s = steps.get(i);
            if (!s.isRotation()) continue;
            PauliString g = s.generator();
            params.add(s.parameter());
            k = Math.max(k, g.weight());
            for (int later = i + 1; later < steps.size(); later++) invariant &= commutes(g, steps.get(later));
            int sup = g.xMask() | g.zMask();
            int overlap = sup & seen;
            if (((g.xMask() ^ xLetters) & overlap) != 0 || ((g.zMask() ^ zLetters) & overlap) != 0) qwc = false;
            xLetters |= g.xMask();
            zLetters |= g.zMask();
            seen |= sup;
        }
        int[] sp = params.stream().mapToInt(Integer::intValue).toArray();
        return new GeneratorStructure(sp, k, invariant, qwc && invariant);
    }

    /** Does G commute with this step (a rotation, or a fixed gate we can decide for)? */
    private static boolean commutes(PauliString g, PauliLayer.Step s) {
        if (s.isRotation()) return g.commutesWith(s.generator());
        int gateMask = 0;
        for (int q : s.fixed().qubits()) gateMask |= 1 << q;
        int sup = g.xMask() | g.zMask();
        if ((sup & gateMask) == 0) return true;
        return s.fixed() instanceof DiagonalGate && (g.xMask() & gateMask) == 0;
    }

    /** The layer with rotation step {@code step}'s angle moved by {@code shift}. */
    public static void applyShifted(Layer layer, StateVector s, int step, double shift) {
        PauliLayer p = pauliLayer(layer, step);
        double[] theta = p.parameters();
        int r = 0;
        for (PauliLayer.Step st : p.steps()) {
            if (!st.isRotation()) {
                st.fixed().apply(s);
                continue;
            }
            double angle = theta[st.parameter()] + (r++ == step ? shift : 0);
            new PauliRotation(st.generator(), angle).apply(s);
        }
    }

    /**
     * The layer with, right after rotation step {@code step}, a Hadamard on {@code control} and the
     * generator G_step controlled on it: the holder's half of the Hadamard test.
     */
    public static void applyWithControlledGenerator(Layer layer, StateVector s, int step, int control) {
        PauliLayer p = pauliLayer(layer, step);
        double[] theta = p.parameters();
        int r = 0;
        for (PauliLayer.Step st : p.steps()) {
            if (!st.isRotation()) {
                st.fixed().apply(s);
                continue;
            }
            new PauliRotation(st.generator(), theta[st.parameter()]).apply(s);
            if (r++ == step) {
                MatrixGate.of("h", Gates.H, control).apply(s);
                applyControlledPauli(s, st.generator(), control);
            }
        }
    }

    private static PauliLayer pauliLayer(Layer layer, int step) {
        int count = rotations(layer).size();
        if (step < 0 || step >= count) throw new ProtocolException("rotation step " + step + " does not exist; the layer has " + count);
        return (PauliLayer) layer;
    }

    /** Applies the Pauli string P on the subspace where {@code control} is 1 (any weight). */
    public static void applyControlledPauli(StateVector s, PauliString p, int control) {
        int cbit = 1 << control;
        if (((p.xMask() | p.zMask()) & cbit) != 0) throw new ProtocolException("control qubit " + control + " lies in the support of " + p);
        double[] re = s.realArray(), im = s.imagArray();
        int x = p.xMask(), z = p.zMask();
        double wr = p.phase().re(), wi = p.phase().im();
        for (int j = 0; j < re.length; j++) {
            if ((j & cbit) == 0) continue;
            int k = j ^ x;
            double sj = (Integer.bitCount(j & z) & 1) == 0 ? 1 : -1;
            if (x == 0) {
                re[j] *= sj;
                im[j] *= sj;
                continue;
            }
            if (k < j) continue; // each pair once
            double sk = (Integer.bitCount(k & z) & 1) == 0 ? 1 : -1;
            double jr = re[j], ji = im[j], kr = re[k], ki = im[k];
            re[k] = sj * (wr * jr - wi * ji);
            im[k] = sj * (wr * ji + wi * jr);
            re[j] = sk * (wr * kr - wi * ki);
            im[j] = sk * (wr * ki + wi * kr);
        }
    }

    /**
     * Measures every Y_a ⊗ G_j jointly in the generators' shared product eigenbasis (they must be
     * qubit-wise commuting and commute with the rest of the layer) on {@code shots} copies. Returns
     * group means [group][step] of the ±1 outcomes, the shots split into {@code groups} consecutive groups.
     */
    public static double[][] measureCommuting(Layer layer, StateVector psi, int ancilla, int shots, int groups, long seed) {
        GeneratorStructure st = structure(layer);
        if (!st.qubitWiseCommuting()) {
            throw new ProtocolException("simultaneous estimation needs qubit-wise commuting generators that commute with the rest of their layer");
        }
        List<PauliString> gens = generators(layer);
        StateVector s = psi.copy();
        int x = 0, z = 0;
        for (PauliString g : gens) {
            x |= g.xMask();
            z |= g.zMask();
        }
        rotateToZ(s, x, z, ancilla);
        int[] out = Measurement.sample(s, shots, new SplittableRandom(seed)).outcomes();
        int[] masks = new int[gens.size()];
        for (int j = 0; j < masks.length; j++) masks[j] = gens.get(j).xMask() | gens.get(j).zMask() | (1 << ancilla);
        double[][] means = new double[groups][gens.size()];
        for (int shot = 0; shot < shots; shot++) {
            double[] row = means[group(shot, shots, groups)];
            int o = out[shot];
            for (int j = 0; j < masks.length; j++) row[j] += (Integer.bitCount(o & masks[j]) & 1) == 0 ? 1 : -1;
        }
        divideByGroupSizes(means, shots);
        return means;
    }

    /**
     * Classical shadows of Y_a ⊗ G_j: each copy is measured in a uniformly random Pauli basis on the
     * generators' qubits (the ancilla always in Y, since only Y_a is needed). A snapshot estimates
     * ⟨Y_a⊗G_j⟩ by 3^{|G_j|}·(±1) when the bases match G_j on its support, else 0 (unbiased).
     * Returns group means [group][step].
     *
     * <p>Simulation: when the distinct bases times the state size stay under
     * {@value #JOINT_SHADOW_BUDGET} amplitude updates, every copy is simulated jointly (rotate, sample);
     * otherwise each observable's snapshots are drawn from their exact marginal law (the basis matches
     * G_j with probability 3^{−|G_j|}, and then the ±1 outcome has mean ⟨Y_a⊗G_j⟩), so each component
     * has exactly the protocol's distribution but correlations between components are not reproduced.
     */
    public static double[][] measureShadows(Layer layer, StateVector psi, int ancilla, int shots, int groups, long seed) {
        if (!structure(layer).derivativesArePauli()) {
            throw new ProtocolException("shadow estimation of the derivatives needs generators that commute with the rest of their layer");
        }
        List<PauliString> gens = generators(layer);
        int union = 0;
        for (PauliString g : gens) union |= g.xMask() | g.zMask();
        int[] qs = PauliString.ofMasks(union, 0).support();
        double distinct = Math.min(shots, Math.pow(3, qs.length));
        if (distinct * psi.dimension() * (qs.length + 2) > JOINT_SHADOW_BUDGET) return marginalShadows(gens, psi, ancilla, shots, groups, seed);
        SplittableRandom rng = new SplittableRandom(seed);
        // basis per shot: x and z masks of the measured Pauli on the union support
        Map<Long, List<Integer>> byBasis = new LinkedHashMap<>();
        for (int shot = 0; shot < shots; shot++) {
            int bx = 0, bz = 0;
            for (int q : qs) {
                int b = rng.nextInt(3);
                if (b == 0 || b == 1) bx |= 1 << q; // X or Y
                if (b == 1 || b == 2) bz |= 1 << q; // Y or Z
            }
            byBasis.computeIfAbsent(((long) bx << 32) | (bz & 0xffffffffL), kk -> new ArrayList<>()).add(shot);
        }
        double[][] means = new double[groups][gens.size()];
        for (Map.Entry<Long, List<Integer>> e : byBasis.entrySet()) {
            int bx = (int) (e.getKey() >>> 32), bz = (int) (long) e.getKey();
            List<Integer> which = e.getValue();
            StateVector s = psi.copy();
            rotateToZ(s, bx, bz, ancilla);
            int[] out = Measurement.sample(s, which.size(), rng).outcomes();
            for (int j = 0; j < gens.size(); j++) {
                PauliString g = gens.get(j);
                int sup = g.xMask() | g.zMask();
                if ((bx & sup) != g.xMask() || (bz & sup) != g.zMask()) continue; // basis misses G_j
                double w = Math.pow(3, g.weight());
                int mask = sup | (1 << ancilla);
                for (int t = 0; t < which.size(); t++) {
                    int shot = which.get(t);
                    means[group(shot, shots, groups)][j] += (Integer.bitCount(out[t] & mask) & 1) == 0 ? w : -w;
                }
            }
        }
        divideByGroupSizes(means, shots);
        return means;
    }

    /** Amplitude updates above which shadows are drawn per observable from the exact marginals. */
    public static final double JOINT_SHADOW_BUDGET = 2e8;

    private static double[][] marginalShadows(List<PauliString> gens, StateVector psi, int ancilla, int shots, int groups, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        PauliString ya = PauliString.single('Y', ancilla);
        double[][] means = new double[groups][gens.size()];
        for (int j = 0; j < gens.size(); j++) {
            PauliString g = gens.get(j);
            PauliString joint = PauliString.ofMasks(g.xMask() | ya.xMask(), g.zMask() | ya.zMask());
            double mean = joint.expectation(psi);
            double match = Math.pow(3, -g.weight()), w = Math.pow(3, g.weight()), pPlus = (1 + mean) / 2;
            // the copies whose basis matches G_j: geometric gaps between successes of probability 3^{−w}
            double logMiss = Math.log1p(-match);
            long shot = match >= 1 ? 0 : (long) Math.floor(Math.log(1 - rng.nextDouble()) / logMiss);
            while (shot < shots) {
                means[group((int) shot, shots, groups)][j] += rng.nextDouble() < pPlus ? w : -w;
                shot += 1 + (match >= 1 ? 0 : (long) Math.floor(Math.log(1 - rng.nextDouble()) / logMiss));
            }
        }
        divideByGroupSizes(means, shots);
        return means;
    }

    static List<PauliString> generators(Layer layer) {
        List<PauliString> g = new ArrayList<>();
        for (PauliLayer.Step s : rotations(layer)) g.add(s.generator());
        return g;
    }

    /** Rotates each qubit of the product basis (x, z masks) to Z, and the ancilla from Y to Z. */
    private static void rotateToZ(StateVector s, int x, int z, int ancilla) {
        for (int q = 0; q < s.numQubits(); q++) {
            boolean xb = (x >>> q & 1) != 0, zb = (z >>> q & 1) != 0;
            if (q == ancilla) xb = zb = true;
            if (xb && !zb) MatrixGate.of("h", Gates.H, q).apply(s);
            else if (xb) MatrixGate.of("sdg·h", Gates.H.times(Gates.SDG), q).apply(s);
        }
    }

    static int group(int shot, int shots, int groups) {
        return (int) ((long) shot * groups / shots);
    }

    private static void divideByGroupSizes(double[][] means, int shots) {
        int groups = means.length;
        int[] size = new int[groups];
        for (int shot = 0; shot < shots; shot++) size[group(shot, shots, groups)]++;
        for (int g = 0; g < groups; g++) {
            if (size[g] == 0) throw new ProtocolException(shots + " shots cannot fill " + groups + " groups");
            for (int j = 0; j < means[g].length; j++) means[g][j] /= size[g];
        }
    }
}
