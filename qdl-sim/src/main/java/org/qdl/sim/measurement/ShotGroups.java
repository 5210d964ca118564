package org.qdl.sim.measurement;

import org.qdl.sim.InvalidInputException;

/**
 * Shots split into consecutive groups (shot s of S goes to group ⌊s·G/S⌋), the way estimators that
 * need a spread (median of means, jackknife) receive per-group means instead of every outcome.
 */
public final class ShotGroups {
    private ShotGroups() {}

    /** Group of shot {@code shot} among {@code shots} split into {@code groups}. */
    public static int of(int shot, int shots, int groups) {
        return (int) ((long) shot * groups / shots);
    }

    /** Sizes of the groups. */
    public static int[] sizes(int shots, int groups) {
        int[] size = new int[groups];
        for (int shot = 0; shot < shots; shot++) size[of(shot, shots, groups)]++;
        return size;
    }

    /** Checks 1 ≤ groups ≤ shots (every group gets at least one shot). */
    public static void check(int shots, int groups) {
        if (shots < 1) throw new InvalidInputException("shots must be at least 1, got " + shots);
        if (groups < 1 || groups > shots) throw new InvalidInputException(shots + " shots cannot fill " + groups + " groups");
    }

    /** Divides each group's sums (rows of {@code sums}) by its size, in place. */
    public static double[][] toMeans(double[][] sums, int shots) {
        int[] size = sizes(shots, sums.length);
        for (int g = 0; g < sums.length; g++) for (int j = 0; j < sums[g].length; j++) sums[g][j] /= size[g];
        return sums;
    }

    /** Group means of per-shot values (one column). */
    public static double[][] means(double[] perShot, int groups) {
        check(perShot.length, groups);
        double[][] sums = new double[groups][1];
        for (int shot = 0; shot < perShot.length; shot++) sums[of(shot, perShot.length, groups)][0] += perShot[shot];
        return toMeans(sums, perShot.length);
    }
}
