package org.qdl.sim.kernel;

/**
 * How a dense 2^k×2^k gate (targets, controls) maps onto SIMD vectors of L consecutive amplitudes.
 * Targets below log2 L ("low") vary inside a vector: their partners are reached by a lane
 * permutation. The others ("high") select which vector to load. So every output vector is
 * Σ_c coef[h][c] ⊙ Y_c, where Y_c is the input vector holding column c's amplitude in each lane and
 * the coefficients are per lane: M[row][c] where the lane's controls are 1, the identity elsewhere.
 * Pure index arithmetic; {@link VectorKernels} (and the generated VectorKernels32) run it.
 */
final class LanePlan {
    final int k, lanes;
    /** Per column c: offset of the vector holding it (high target bits of c), and the lane permutation (null: none). */
    final int[] columnOffset;
    final int[][] columnShuffle;
    /** Per output vector h (a combination of the high targets): its offset from the group's base index. */
    final int[] outputOffset;
    /** coefRe/coefIm/coefImNeg[((h·2^k) + c)·L + lane] (null in a single-precision plan). */
    final double[] coefRe, coefIm, coefImNeg;
    /** The same coefficients rounded for the complex64 kernels (null in a double-precision plan). */
    final float[] coefRe32, coefIm32, coefImNeg32;
    /** A group is a set of vectors sharing a base index g | orMask, g having zeros at zeroMask. */
    final int zeroMask, orMask, fixedHighBits;
    /** For k = 1, the scalar kernel's matrix classes: real (RY, H) and RX-like take half the multiplies. */
    final boolean real, realImag;
    /**
     * For a 2-qubit gate with one target inside a vector and one outside: coefficients by "own" and
     * "partner" value instead of by column, mix*[((h·2 + ch)·2 + partner)·L + lane], so that only the
     * partner values need a lane permutation (swap, by {@link #mixSwap}); null otherwise.
     */
    final double[] mixRe, mixIm;
    /** The mix tables rounded for the complex64 kernels (null in a double-precision plan). */
    final float[] mixRe32, mixIm32;
    final int[] mixSwap;
    /** No control inside a vector: every lane has the same coefficients. */
    final boolean uniform;

    /** A plan for the complex128 kernels. */
    LanePlan(int[] targets, int cmask, double[] mr, double[] mi, int lanes) {
        this(targets, cmask, mr, mi, lanes, false);
    }

    /** single: for the complex64 kernels (float coefficient tables only). */
    LanePlan(int[] targets, int cmask, double[] mr, double[] mi, int lanes, boolean single) {
        this.k = targets.length;
        this.lanes = lanes;
        int lowMask = lanes - 1, d = 1 << k;
        int lowCmask = cmask & lowMask, highCmask = cmask & ~lowMask;
        int[] highTargets = java.util.Arrays.stream(targets).filter(t -> t >= Integer.numberOfTrailingZeros(lanes)).toArray();
        boolean anyLow = highTargets.length < k;
        columnOffset = new int[d];
        columnShuffle = new int[d][];
        for (int c = 0; c < d; c++) {
            int[] shuffle = new int[lanes];
            for (int l = 0; l < lanes; l++) {
                int src = l;
                for (int t = 0; t < k; t++) {
                    int bit = 1 << targets[t];
                    if ((bit & lowMask) != 0) src = (c >>> t & 1) != 0 ? src | bit : src & ~bit;
                }
                shuffle[l] = src;
            }
            columnShuffle[c] = anyLow ? shuffle : null;
            for (int t = 0; t < k; t++) {
                if ((c >>> t & 1) != 0 && (1 << targets[t] & lowMask) == 0) columnOffset[c] += 1 << targets[t];
            }
        }
        int outputs = 1 << highTargets.length;
        outputOffset = new int[outputs];
        for (int h = 0; h < outputs; h++) for (int t = 0; t < highTargets.length; t++) if ((h >>> t & 1) != 0) outputOffset[h] += 1 << highTargets[t];
        double[] coefRe = new double[outputs * d * lanes], coefIm = new double[coefRe.length], coefImNeg = new double[coefRe.length];
        for (int h = 0; h < outputs; h++) {
            for (int l = 0; l < lanes; l++) {
                int row = 0; // the lane's row of the matrix: low target bits from l, high ones from h
                for (int t = 0, ht = 0; t < k; t++) {
                    int bit = 1 << targets[t];
                    int set = (bit & lowMask) != 0 ? (l & bit) != 0 ? 1 : 0 : h >>> ht++ & 1;
                    row |= set << t;
                }
                boolean active = (l & lowCmask) == lowCmask;
                for (int c = 0; c < d; c++) {
                    int at = (h * d + c) * lanes + l;
                    coefRe[at] = active ? mr[row * d + c] : c == row ? 1 : 0;
                    coefIm[at] = active ? mi[row * d + c] : 0;
                    coefImNeg[at] = -coefIm[at];
                }
            }
        }
        this.coefRe = single ? null : coefRe;
        this.coefIm = single ? null : coefIm;
        this.coefImNeg = single ? null : coefImNeg;
        coefRe32 = single ? Kernels32.toFloat(coefRe) : null;
        coefIm32 = single ? Kernels32.toFloat(coefIm) : null;
        coefImNeg32 = single ? Kernels32.toFloat(coefImNeg) : null;
        uniform = lowCmask == 0;
        if (k == 2 && highTargets.length == 1) {
            int tl = (1 << targets[0] & lowMask) != 0 ? 0 : 1, th = 1 - tl, lbit = 1 << targets[tl];
            double[] mixRe = new double[8 * lanes], mixIm = new double[8 * lanes];
            mixSwap = new int[lanes];
            for (int l = 0; l < lanes; l++) {
                mixSwap[l] = l ^ lbit;
                int b = (l & lbit) != 0 ? 1 : 0;
                boolean active = (l & lowCmask) == lowCmask;
                for (int h = 0; h < 2; h++) {
                    int row = b << tl | h << th;
                    for (int ch = 0; ch < 2; ch++) {
                        for (int partner = 0; partner < 2; partner++) {
                            int col = (partner == 0 ? b : 1 - b) << tl | ch << th;
                            int at = ((h * 2 + ch) * 2 + partner) * lanes + l;
                            mixRe[at] = active ? mr[row * 4 + col] : col == row ? 1 : 0;
                            mixIm[at] = active ? mi[row * 4 + col] : 0;
                        }
                    }
                }
            }
            this.mixRe = single ? null : mixRe;
            this.mixIm = single ? null : mixIm;
            mixRe32 = single ? Kernels32.toFloat(mixRe) : null;
            mixIm32 = single ? Kernels32.toFloat(mixIm) : null;
        } else {
            mixRe = mixIm = null;
            mixRe32 = mixIm32 = null;
            mixSwap = null;
        }
        // The scalar kernels' own classification, so that both paths pick the same special form.
        double[] u = k == 1 ? new double[] {mr[0], mi[0], mr[1], mi[1], mr[2], mi[2], mr[3], mi[3]} : null;
        real = k == 1 && BlockLoops.isReal(u);
        realImag = k == 1 && !real && BlockLoops.isRealImag(u);
        fixedHighBits = Integer.bitCount(highCmask) + highTargets.length;
        int highTargetMask = 0;
        for (int t : highTargets) highTargetMask |= 1 << t;
        zeroMask = highTargetMask | highCmask | lowMask;
        orMask = highCmask;
    }

    /** Number of groups in an aligned range of {@code size} amplitudes (size ≥ every fixed bit). */
    int groups(int size) {
        return size >>> (fixedHighBits + Integer.numberOfTrailingZeros(lanes));
    }

    /** Whether a range of 2^bits amplitudes holds every target and control of this plan. */
    static boolean fits(int[] targets, int cmask, int bits, int lanes) {
        if (1 << bits < lanes) return false;
        for (int t : targets) if (t >= bits) return false;
        return cmask >>> bits == 0;
    }
}
