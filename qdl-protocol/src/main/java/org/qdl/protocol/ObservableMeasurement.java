package org.qdl.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.qdl.sim.state.ComplexMatrix;
import org.qdl.sim.observable.DiagonalObservable;
import org.qdl.sim.gate.Gates;
import org.qdl.sim.observable.HermitianObservable;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.measurement.Measurement;
import org.qdl.sim.gate.MatrixGate;
import org.qdl.sim.observable.Observable;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.observable.PauliSum;
import org.qdl.sim.state.StateVector;

/**
 * Single-shot measurements of an observable: each shot yields a random value whose mean is ⟨O⟩.
 * <ul>
 *   <li>Pauli string: rotate each support qubit to the Z basis, measure, outcome ±1 (parity).</li>
 *   <li>Diagonal observable: measure in the computational basis, outcome values[m].</li>
 *   <li>Pauli sum Σc_k P_k: the identity part is added exactly; each shot picks a term with
 *       probability |c_k|/Σ|c| and returns sign(c_k)·Σ|c|·(±1), an unbiased estimate.</li>
 *   <li>Hermitian matrix on k qubits: expanded in the Pauli basis (c_P = Tr(PH)/2^k), then as a sum.</li>
 * </ul>
 * Shots of one measurement setting are sampled from one copy of the final state.
 */
public final class ObservableMeasurement {
    private ObservableMeasurement() {}

    /** Range [lo, hi] that every single-shot outcome lies in (for Hoeffding bounds). */
    public static double[] outcomeRange(Observable o) {
        if (o instanceof SampledObservable so) return so.outcomeRange();
        if (o instanceof PauliString) return new double[] {-1, 1};
        if (o instanceof DiagonalObservable d) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double v : d.values()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            return new double[] {lo, hi};
        }
        PauliSum s = asPauliSum(o);
        double id = 0, l1 = 0;
        for (PauliSum.Term t : s.terms()) {
            if (t.pauli().weight() == 0) id += t.coefficient();
            else l1 += Math.abs(t.coefficient());
        }
        return new double[] {id - l1, id + l1};
    }

    /** Draws {@code shots} single-shot outcomes of O on ψ. ψ is not modified. */
    public static double[] sample(Observable o, StateVector psi, int shots, long seed) {
        o.requireFits(psi.numQubits());
        if (shots < 1) throw new InvalidInputException("need at least one shot, got " + shots);
        // per-shot values, term choices and the sampler's arrays: refuse up front what cannot fit
        org.qdl.sim.Memory.require(shots + " single-shot outcomes of an observable (48 bytes each)", 48L * shots);
        SplittableRandom rng = new SplittableRandom(seed);
        if (o instanceof SampledObservable so) return so.sample(psi, shots, rng);
        if (o instanceof PauliString p) return samplePauli(p, psi, shots, rng, 1);
        if (o instanceof DiagonalObservable d) {
            Measurement.Shots s = Measurement.sample(psi, shots, rng);
            double[] out = new double[shots];
            int[] q = d.qubits();
            for (int k = 0; k < shots; k++) {
                int m = 0;
                for (int b = 0; b < q.length; b++) m |= ((s.outcomes()[k] >>> q[b]) & 1) << b;
                out[k] = d.values()[m];
            }
            return out;
        }
        return sampleSum(asPauliSum(o), psi, shots, rng);
    }

    private static double[] sampleSum(PauliSum sum, StateVector psi, int shots, SplittableRandom rng) {
        double id = 0, l1 = 0;
        List<PauliSum.Term> terms = new ArrayList<>();
        for (PauliSum.Term t : sum.terms()) {
            if (t.pauli().weight() == 0) id += t.coefficient();
            else if (t.coefficient() != 0) {
                terms.add(t);
                l1 += Math.abs(t.coefficient());
            }
        }
        double[] out = new double[shots];
        if (terms.isEmpty()) {
            java.util.Arrays.fill(out, id);
            return out;
        }
        // Which term each shot measures, drawn up front so the shot order is reproducible.
        int[] pick = new int[shots];
        int[] count = new int[terms.size()];
        for (int k = 0; k < shots; k++) {
            double u = rng.nextDouble() * l1, acc = 0;
            int j = terms.size() - 1;
            for (int t = 0; t < terms.size(); t++) {
                acc += Math.abs(terms.get(t).coefficient());
                if (u < acc) {
                    j = t;
                    break;
                }
            }
            pick[k] = j;
            count[j]++;
        }
        double[][] perTerm = new double[terms.size()][];
        for (int t = 0; t < terms.size(); t++) {
            if (count[t] > 0) perTerm[t] = samplePauli(terms.get(t).pauli(), psi, count[t], rng, 1);
        }
        int[] used = new int[terms.size()];
        for (int k = 0; k < shots; k++) {
            int t = pick[k];
            out[k] = id + Math.signum(terms.get(t).coefficient()) * l1 * perTerm[t][used[t]++];
        }
        return out;
    }

    /** ±scale per shot: rotate the support to the Z basis on a copy, sample, take the parity. */
    private static double[] samplePauli(PauliString p, StateVector psi, int shots, SplittableRandom rng, double scale) {
        double[] out = new double[shots];
        if (p.weight() == 0) {
            java.util.Arrays.fill(out, scale);
            return out;
        }
        StateVector s = psi.copy();
        for (int q : p.support()) {
            char c = p.letter(q);
            if (c == 'X') MatrixGate.of("h", Gates.H, q).apply(s);
            else if (c == 'Y') MatrixGate.of("sdg·h", Gates.H.times(Gates.SDG), q).apply(s);
        }
        int mask = p.xMask() | p.zMask();
        Measurement.Shots shotsDrawn = Measurement.sample(s, shots, rng);
        for (int k = 0; k < shots; k++) {
            out[k] = (Integer.bitCount(shotsDrawn.outcomes()[k] & mask) & 1) == 0 ? scale : -scale;
        }
        return out;
    }

    /** Pauli expansion of an observable (exact). */
    public static PauliSum asPauliSum(Observable o) {
        if (o instanceof PauliSum s) return s;
        if (o instanceof PauliString p) return new PauliSum(List.of(new PauliSum.Term(1, p)));
        if (o instanceof HermitianObservable h) return pauliExpansion(h.qubits(), h.matrix());
        if (o instanceof DiagonalObservable d) {
            double[] re = d.values(), im = new double[re.length];
            return pauliExpansion(d.qubits(), ComplexMatrix.diagonal(re, im));
        }
        throw new InvalidInputException("cannot measure observable of type " + o.getClass().getSimpleName());
    }

    /** c_P = Tr(P H)/2^k for every Pauli string P on the k qubits (terms with |c_P| ≤ 1e-14 dropped). */
    static PauliSum pauliExpansion(int[] qubits, ComplexMatrix h) {
        int k = qubits.length;
        if (k > 8) throw new InvalidInputException("Hermitian observables are limited to 8 qubits, got " + k);
        int d = 1 << k;
        List<PauliSum.Term> terms = new ArrayList<>();
        for (int x = 0; x < d; x++) {
            for (int z = 0; z < d; z++) {
                PauliString local = PauliString.ofMasks(x, z);
                // Tr(P H) = Σ_j (P H)_{jj} = Σ_j Σ_i P_{ji} H_{ij}; P|i⟩ = ω(−1)^{|i∧z|}|i⊕x⟩.
                org.qdl.sim.state.Complex w = local.phase();
                double tr = 0, tri = 0;
                for (int i = 0; i < d; i++) {
                    int j = i ^ x;
                    double sg = (Integer.bitCount(i & z) & 1) == 0 ? 1 : -1;
                    double pr = sg * w.re(), pi = sg * w.im();
                    double hr = h.re(i, j), hi = h.im(i, j);
                    tr += pr * hr - pi * hi;
                    tri += pr * hi + pi * hr;
                }
                double c = tr / d;
                if (Math.abs(c) > 1e-14) {
                    int gx = 0, gz = 0;
                    for (int b = 0; b < k; b++) {
                        if ((x >>> b & 1) != 0) gx |= 1 << qubits[b];
                        if ((z >>> b & 1) != 0) gz |= 1 << qubits[b];
                    }
                    terms.add(new PauliSum.Term(c, PauliString.ofMasks(gx, gz)));
                }
            }
        }
        if (terms.isEmpty()) terms.add(new PauliSum.Term(0, PauliString.identity()));
        return new PauliSum(terms);
    }
}
