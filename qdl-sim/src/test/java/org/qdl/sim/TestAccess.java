package org.qdl.sim;

import java.util.SplittableRandom;

/** Opens the package-private test helpers of org.qdl.sim to tests in sub-packages. */
public final class TestAccess {
    private TestAccess() {}

    public static double[][][] embed(int n, int[] qubits, ComplexMatrix local) {
        return DenseReference.embed(n, qubits, local);
    }

    public static void apply(double[][][] m, double[] vr, double[] vi) {
        DenseReference.apply(m, vr, vi);
    }

    public static int[] distinctQubits(int n, int k, SplittableRandom rnd) {
        return KernelReferenceTest.distinctQubits(n, k, rnd);
    }

    public static ComplexMatrix randomUnitary(int dim, SplittableRandom rnd) {
        return KernelReferenceTest.randomUnitary(dim, rnd);
    }
}
