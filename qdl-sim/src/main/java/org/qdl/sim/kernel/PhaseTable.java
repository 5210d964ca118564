package org.qdl.sim.kernel;

import org.qdl.sim.Bits;
import org.qdl.sim.gate.Gate;

/**
 * A diagonal unitary on some qubits, laid out for a bandwidth-bound pass: index bits below
 * {@link #lowBits} (at least 4) form a repeating pattern of phases, higher bits select which pattern
 * (constant over long aligned spans), so the inner loop is a plain pattern-wide multiply with no
 * per-index bit extraction. Patterns that are all 1 are skipped (CZ touches a quarter of the state).
 * Gate qubits just above 4 are taken into the pattern (up to {@link #MAX_LOW_BITS}) rather than
 * left to make spans of a few amplitudes each (CZ on qubits 3 and 4: spans of 16 without this).
 */
public final class PhaseTable {
    static final int LOW_BITS = 4;
    static final int MAX_LOW_BITS = 7;
    /** Above this many high qubits the tables would be too large; such gates use a per-index loop. */
    static final int MAX_HIGH = 12;

    private final int[] qubits;
    private final double[] phaseRe, phaseIm;
    private final int[] high;
    private final int span;
    private final boolean hasLow;
    private final double[] tabRe, tabIm;
    /** The phases and the tables rounded for complex64 states. */
    private final float[] phaseRe32, phaseIm32, tabRe32, tabIm32;
    private final boolean[] identity;
    private final boolean tabulated;
    /** Pattern length 2^lowBits: ranges given to {@link #apply} should be aligned to it. */
    private final int lowBits, run;

    /** Phases diag(phaseRe + i phaseIm)[extract(i, qubits)]. */
    public PhaseTable(int[] qubits, double[] phaseRe, double[] phaseIm) {
        this.qubits = qubits.clone();
        this.phaseRe = phaseRe;
        this.phaseIm = phaseIm;
        int lb = LOW_BITS;
        boolean straddles = false;
        for (int q : qubits) straddles |= q < LOW_BITS;
        // Only when the pattern exists anyway: an all-high diagonal keeps its skipping of identity spans.
        if (straddles) for (int q : qubits) if (q >= LOW_BITS && q < MAX_LOW_BITS) lb = Math.max(lb, q + 1);
        this.lowBits = lb;
        this.run = 1 << lb;
        final int RUN = run, LOW_BITS = lb;
        int nh = 0, minHigh = 31;
        boolean low = false;
        for (int q : qubits) {
            if (q < LOW_BITS) low = true;
            else {
                nh++;
                minHigh = Math.min(minHigh, q);
            }
        }
        hasLow = low;
        span = minHigh >= 31 ? Integer.MAX_VALUE : 1 << minHigh;
        high = new int[nh];
        int[] highPos = new int[nh];
        for (int b = 0, h = 0; b < qubits.length; b++) {
            if (qubits[b] >= LOW_BITS) {
                high[h] = qubits[b];
                highPos[h++] = b;
            }
        }
        tabulated = nh <= MAX_HIGH;
        phaseRe32 = Kernels32.toFloat(phaseRe);
        phaseIm32 = Kernels32.toFloat(phaseIm);
        if (!tabulated) {
            tabRe = tabIm = null;
            identity = null;
            tabRe32 = tabIm32 = null;
            return;
        }
        int patterns = 1 << nh;
        tabRe = new double[patterns * RUN];
        tabIm = new double[patterns * RUN];
        identity = new boolean[patterns];
        for (int h = 0; h < patterns; h++) {
            int mh = 0;
            for (int t = 0; t < nh; t++) mh |= (h >>> t & 1) << highPos[t];
            boolean one = true;
            for (int r = 0; r < RUN; r++) {
                int m = mh;
                for (int b = 0; b < qubits.length; b++) if (qubits[b] < LOW_BITS) m |= (r >>> qubits[b] & 1) << b;
                tabRe[h * RUN + r] = phaseRe[m];
                tabIm[h * RUN + r] = phaseIm[m];
                one &= phaseRe[m] == 1 && phaseIm[m] == 0;
            }
            identity[h] = one;
        }
        tabRe32 = Kernels32.toFloat(tabRe);
        tabIm32 = Kernels32.toFloat(tabIm);
    }

    /** The pattern length: ranges passed to {@link #apply} aligned to it take the fast path. */
    public int run() {
        return run;
    }

    /** Multiplies amplitudes [from, to) (array index = basis index) by their phases. */
    public void apply(double[] re, double[] im, int from, int to) {
        final int RUN = run;
        if (!tabulated || (hasLow && ((from | to) & (RUN - 1)) != 0)) {
            for (int i = from; i < to; i++) {
                int m = Bits.extract(i, qubits);
                mul(re, im, i, phaseRe[m], phaseIm[m]);
            }
            return;
        }
        final boolean simd = Simd.enabled() && RUN % Simd.lanes() == 0;
        for (int i = from; i < to; ) {
            int end = (int) Math.min(to, ((long) i | (span - 1)) + 1);
            int h = 0;
            for (int t = 0; t < high.length; t++) h |= (i >>> high[t] & 1) << t;
            if (!identity[h]) {
                int o = h * RUN;
                if (simd) {
                    if (hasLow) Simd.phasePattern(re, im, i, end, tabRe, tabIm, o, RUN);
                    else Simd.phase(re, im, i, end, tabRe[o], tabIm[o]);
                } else if (!hasLow) {
                    double pr = tabRe[o], pi = tabIm[o];
                    for (int k = i; k < end; k++) {
                        double xr = re[k], xi = im[k];
                        re[k] = pr * xr - pi * xi;
                        im[k] = pr * xi + pi * xr;
                    }
                } else {
                    for (int blk = i; blk < end; blk += RUN) {
                        for (int r = 0; r < RUN; r++) {
                            double pr = tabRe[o + r], pi = tabIm[o + r];
                            double xr = re[blk + r], xi = im[blk + r];
                            re[blk + r] = pr * xr - pi * xi;
                            im[blk + r] = pr * xi + pi * xr;
                        }
                    }
                }
            }
            i = end;
        }
    }

    private static void mul(double[] re, double[] im, int i, double pr, double pi) {
        double xr = re[i], xi = im[i];
        re[i] = pr * xr - pi * xi;
        im[i] = pr * xi + pi * xr;
    }

    /** {@link #apply(double[], double[], int, int)} on complex64 amplitudes. */
    public void apply(float[] re, float[] im, int from, int to) {
        final int RUN = run;
        if (!tabulated || (hasLow && ((from | to) & (RUN - 1)) != 0)) {
            for (int i = from; i < to; i++) {
                int m = Bits.extract(i, qubits);
                float pr = phaseRe32[m], pi = phaseIm32[m], xr = re[i], xi = im[i];
                re[i] = pr * xr - pi * xi;
                im[i] = pr * xi + pi * xr;
            }
            return;
        }
        final int lanes = Simd.lanes32(); // read once: another thread may switch SIMD off meanwhile
        final boolean simd = lanes > 1 && RUN % lanes == 0 && ((from | to) & (lanes - 1)) == 0;
        for (int i = from; i < to; ) {
            int end = (int) Math.min(to, ((long) i | (span - 1)) + 1);
            int h = 0;
            for (int t = 0; t < high.length; t++) h |= (i >>> high[t] & 1) << t;
            if (!identity[h]) {
                int o = h * RUN;
                if (simd) {
                    if (hasLow) Simd.phasePattern32(re, im, i, end, tabRe32, tabIm32, o, RUN);
                    else Simd.phase32(re, im, i, end, tabRe32[o], tabIm32[o]);
                } else {
                    for (int k = i; k < end; k++) {
                        int r = hasLow ? o + (k & (RUN - 1)) : o;
                        float pr = tabRe32[r], pi = tabIm32[r], xr = re[k], xi = im[k];
                        re[k] = pr * xr - pi * xi;
                        im[k] = pr * xi + pi * xr;
                    }
                }
            }
            i = end;
        }
    }
}
