package org.qdl.claims.expressivity;

import java.util.List;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.observable.PauliString;

/**
 * Eigenvalues of one encoding block's Hamiltonian H = Σ_j s_j P_j / 2, for mutually commuting Pauli
 * strings P_j, so that the block exp(−i x H) is the product of the rotations exp(−i x s_j P_j / 2).
 *
 * <p>Commuting Paulis share an eigenbasis; their joint eigenvalues ε ∈ {±1}^J are exactly the sign
 * patterns consistent with every relation ∏_{j∈T} P_j = ±I (a character of the abelian group they
 * generate), so the spectrum is {Σ_j s_j ε_j / 2 : ε consistent}, computed without diagonalising.
 */
public final class EncodingSpectrum {
    /** Beyond this many generators per block the 4^J enumeration gets slow. */
    public static final int MAX_GENERATORS = 10;

    private EncodingSpectrum() {}

    /** Distinct eigenvalues of Σ_j scales[j]·generators[j]/2, ascending. */
    public static double[] eigenvalues(List<PauliString> generators, double[] scales) {
        int J = generators.size();
        if (J != scales.length) throw new InvalidInputException(J + " generators but " + scales.length + " scales");
        if (J > MAX_GENERATORS) throw new InvalidInputException("an encoding block may have at most " + MAX_GENERATORS + " generators, got " + J);
        for (int a = 0; a < J; a++) {
            for (int b = a + 1; b < J; b++) {
                if (!generators.get(a).commutesWith(generators.get(b))) {
                    throw new InvalidInputException("encoding generators " + generators.get(a) + " and " + generators.get(b)
                            + " do not commute: the block is then not exp(−ixH) for one H, and its spectrum is not a sum of theirs");
                }
            }
        }
        // Relations: subsets T whose product is ±I, with that sign.
        int subsets = 1 << J;
        int[] relMask = new int[subsets];
        int[] relSign = new int[subsets];
        int relations = 0;
        for (int t = 1; t < subsets; t++) {
            int[] prod = product(generators, t); // {phase power mod 4, x, z}
            if (prod[1] == 0 && prod[2] == 0) {
                if ((prod[0] & 1) != 0) throw new IllegalStateException("product of commuting Hermitian Paulis has phase ±i");
                relMask[relations] = t;
                relSign[relations] = prod[0] == 0 ? 1 : -1;
                relations++;
            }
        }
        double[] values = new double[subsets];
        int count = 0;
        for (int e = 0; e < subsets; e++) { // bit j set ⇔ ε_j = −1
            boolean ok = true;
            for (int r = 0; r < relations && ok; r++) {
                int sign = (Integer.bitCount(e & relMask[r]) & 1) == 0 ? 1 : -1;
                ok = sign == relSign[r];
            }
            if (!ok) continue;
            double v = 0;
            for (int j = 0; j < J; j++) v += ((e >>> j & 1) == 0 ? 1 : -1) * scales[j] / 2;
            values[count++] = v;
        }
        return FrequencySpectrum.distinctSorted(java.util.Arrays.copyOf(values, count));
    }

    /** ∏_{j∈t} P_j (in index order) as i^k X^x Z^z: returns {k mod 4, x, z}. */
    static int[] product(List<PauliString> ps, int t) {
        int k = 0, x = 0, z = 0;
        for (int j = 0; j < ps.size(); j++) {
            if ((t >>> j & 1) == 0) continue;
            PauliString p = ps.get(j);
            int px = p.xMask(), pz = p.zMask();
            int pk = Integer.bitCount(px & pz); // P = i^{nY} X^x Z^z
            // (X^x Z^z)(X^px Z^pz) = (−1)^{|z ∧ px|} X^{x⊕px} Z^{z⊕pz}
            k += pk + 2 * (Integer.bitCount(z & px) & 1);
            x ^= px;
            z ^= pz;
        }
        return new int[] {k & 3, x, z};
    }
}
