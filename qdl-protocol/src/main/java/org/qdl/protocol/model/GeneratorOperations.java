package org.qdl.protocol.model;

import java.util.ArrayList;
import java.util.List;
import org.qdl.protocol.GeneratorStructure;
import org.qdl.protocol.ProtocolException;
import org.qdl.sim.gate.DiagonalGate;
import org.qdl.sim.gate.Gates;
import org.qdl.sim.gate.MatrixGate;
import org.qdl.sim.gate.PauliRotation;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.state.StateVector;

/**
 * What a layer's holder does with its own generators for gradient protocols: the public structure
 * of its rotations, shifted and generator-inserted applications, and the generators themselves as
 * the derivative observables it measures. Runs inside the holder; generators never leave it.
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

    /** G_step of a layer: the holder resolves a derivative observable with it. */
    public static PauliString generator(Layer layer, int step) {
        return rotations(pauliLayer(layer, step)).get(step).generator();
    }

    static List<PauliString> generators(Layer layer) {
        List<PauliString> g = new ArrayList<>();
        for (PauliLayer.Step s : rotations(layer)) g.add(s.generator());
        return g;
    }
}
