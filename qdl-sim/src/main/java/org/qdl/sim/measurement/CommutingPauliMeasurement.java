package org.qdl.sim.measurement;

import java.util.List;
import java.util.SplittableRandom;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.state.StateVector;

/**
 * Qubit-wise commuting Pauli strings measured together: one product basis diagonalises them all, so
 * every shot gives a ±1 outcome of each (the parity of its support's bits). P observables cost the
 * copies of one.
 */
public final class CommutingPauliMeasurement {
    private CommutingPauliMeasurement() {}

    /**
     * Measures every P_j on {@code shots} copies of {@code s} (the state is rotated in place and is
     * then spent) and returns the group means [group][j] of the ±1 outcomes.
     */
    public static double[][] groupMeans(List<PauliString> paulis, StateVector s, int shots, int groups, long seed) {
        ShotGroups.check(shots, groups);
        int x = 0, z = 0, seen = 0;
        for (PauliString p : paulis) {
            int sup = p.xMask() | p.zMask(), overlap = sup & seen;
            if (((p.xMask() ^ x) & overlap) != 0 || ((p.zMask() ^ z) & overlap) != 0) {
                throw new InvalidInputException("Pauli strings measured jointly must be qubit-wise commuting; " + p + " is not with the ones before it");
            }
            x |= p.xMask();
            z |= p.zMask();
            seen |= sup;
        }
        s.checkQubits("measured Pauli", PauliString.ofMasks(x, z).support());
        PauliBasisChange.toZ(s, x, z);
        int[] out = Measurement.sample(s, shots, new SplittableRandom(seed)).outcomes();
        double[][] sums = new double[groups][paulis.size()];
        for (int shot = 0; shot < shots; shot++) {
            double[] row = sums[ShotGroups.of(shot, shots, groups)];
            for (int j = 0; j < paulis.size(); j++) row[j] += PauliBasisChange.parity(out[shot], paulis.get(j).xMask() | paulis.get(j).zMask());
        }
        return ShotGroups.toMeans(sums, shots);
    }
}
