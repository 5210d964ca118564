package org.qdl.sim.kernel;

/**
 * Whether the explicit-SIMD kernels ({@link VectorKernels}, the incubating Vector API) run. They need
 * the module jdk.incubator.vector in the boot layer (the launcher and the test runner add it with
 * {@code --add-modules jdk.incubator.vector}); without it, or with {@code -Dqdl.simd=false}, the
 * scalar kernels run. Results agree to rounding (bit for bit for 1-qubit gates, phases, and
 * 2-qubit gates with both targets inside a vector).
 */
public final class Simd {
    private Simd() {}

    private static final int LANES = detectLanes();
    private static final int LANES32 = LANES > 1 ? VectorKernels32.LANES : 1;
    private static volatile boolean enabled = LANES > 1 && !"false".equalsIgnoreCase(System.getProperty("qdl.simd"));

    private static int detectLanes() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return 1;
        int lanes = VectorKernels.LANES;
        return lanes >= 4 ? lanes : 1; // 128-bit vectors (2 doubles) do not pay for the permutations
    }

    /** Whether the Vector API is present and the hardware has at least 4 doubles per vector. */
    public static boolean available() {
        return LANES > 1;
    }

    public static boolean enabled() {
        return enabled;
    }

    /** Switches the SIMD kernels on or off (benchmarks compare both); returns the previous setting. */
    public static boolean setEnabled(boolean on) {
        boolean was = enabled;
        enabled = on && available();
        return was;
    }

    /** Doubles per vector when enabled, else 1. */
    public static int lanes() {
        return enabled ? LANES : 1;
    }

    /** Floats per vector (complex64 kernels) when enabled, else 1. */
    public static int lanes32() {
        return enabled ? LANES32 : 1;
    }

    public static String describe() {
        if (!available()) {
            return ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()
                    ? "scalar (jdk.incubator.vector not added; the ./qdl launcher adds it)"
                    : "scalar (vectors shorter than 4 doubles on this CPU)";
        }
        return (enabled ? "SIMD, " : "scalar (SIMD switched off), ") + LANES * 64 + "-bit vectors (" + LANES + " doubles or " + LANES32 + " floats, jdk.incubator.vector)";
    }

    /** The dense gate (row-major mr/mi on targets, targets[0] least significant) on the whole state. */
    static void applyGlobal(double[] re, double[] im, int[] targets, int cmask, double[] mr, double[] mi) {
        if (VectorKernels.farQuads(re.length, targets, cmask)) {
            // the four columns go through a buffer in which the targets are bits b and b + 1
            int b = VectorKernels.FAR_QUAD_BITS;
            VectorKernels.applyFarQuads(re, im, targets, new LanePlan(new int[] {b, b + 1}, 0, mr, mi, LANES));
            return;
        }
        VectorKernels.applyGlobal(re, im, new LanePlan(targets, cmask, mr, mi, LANES));
    }

    static void phase(double[] re, double[] im, int from, int to, double pr, double pi) {
        VectorKernels.phase(re, im, from, to, pr, pi);
    }

    static void phasePattern(double[] re, double[] im, int from, int to, double[] tabRe, double[] tabIm, int o, int run) {
        VectorKernels.phasePattern(re, im, from, to, tabRe, tabIm, o, run);
    }

    static void phase32(float[] re, float[] im, int from, int to, float pr, float pi) {
        VectorKernels32.phase(re, im, from, to, pr, pi);
    }

    static void phasePattern32(float[] re, float[] im, int from, int to, float[] tabRe, float[] tabIm, int o, int run) {
        VectorKernels32.phasePattern(re, im, from, to, tabRe, tabIm, o, run);
    }

    /**
     * A dense gate prepared for repeated application to aligned blocks (gate fusion), or null when
     * SIMD is unavailable.
     */
    public static BlockKernel blockKernel(int[] targets, int cmask, double[] mr, double[] mi) {
        return available() ? new BlockKernel(targets, cmask, mr, mi) : null;
    }

    /** See {@link #blockKernel}. */
    public static final class BlockKernel {
        private final int[] targets;
        private final int cmask;
        private final double[] mr, mi;
        /** Built on first use, per precision: a circuit usually runs in one of them only. */
        private volatile LanePlan plan, plan32;

        private BlockKernel(int[] targets, int cmask, double[] mr, double[] mi) {
            this.targets = targets.clone();
            this.cmask = cmask;
            this.mr = mr;
            this.mi = mi;
        }

        private LanePlan plan() {
            LanePlan p = plan;
            if (p == null) plan = p = new LanePlan(targets, cmask, mr, mi, LANES); // a race builds it twice, harmlessly
            return p;
        }

        private LanePlan plan32() {
            LanePlan p = plan32;
            if (p == null) plan32 = p = new LanePlan(targets, cmask, mr, mi, LANES32, true);
            return p;
        }

        /**
         * Applies the gate to the aligned block [from, from + size) (size a power of two) and returns
         * true, or returns false (nothing done) when SIMD is off or the block is too small for it.
         */
        public boolean apply(double[] re, double[] im, int from, int size) {
            if (!enabled || !LanePlan.fits(targets, cmask, Integer.numberOfTrailingZeros(size), LANES)) return false;
            VectorKernels.applyBlock(re, im, plan(), from, size);
            return true;
        }

        /** {@link #apply(double[], double[], int, int)} on complex64 amplitudes. */
        public boolean apply(float[] re, float[] im, int from, int size) {
            if (!enabled || !LanePlan.fits(targets, cmask, Integer.numberOfTrailingZeros(size), LANES32)) return false;
            VectorKernels32.applyBlock(re, im, plan32(), from, size);
            return true;
        }
    }
}
