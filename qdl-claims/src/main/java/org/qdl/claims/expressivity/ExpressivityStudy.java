package org.qdl.claims.expressivity;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.qdl.sim.InvalidInputException;

/**
 * Frequency spectrum against depth, analytically and numerically, and a fit at each depth to a
 * target with many frequencies: a teacher model of the exponential design at depth L* (random
 * parameters), whose spectrum fills all |k| ≤ (3^{nL*} − 1)/2. A student reaches it only once its
 * own spectrum covers the teacher's.
 */
public final class ExpressivityStudy {
    /** Settings; {@code relativeThreshold} decides which DFT coefficients count as non-zero. */
    public record Settings(int qubits, int maxDepth, int teacherDepth, int trainPoints,
                           FourierFit.Settings fit, double relativeThreshold, long seed) {
        public Settings {
            if (maxDepth < 1) throw new InvalidInputException("maximum depth must be at least 1, got " + maxDepth);
            if (teacherDepth < 1) throw new InvalidInputException("teacher depth must be at least 1, got " + teacherDepth);
            if (trainPoints < 2) throw new InvalidInputException("need at least 2 training points, got " + trainPoints);
        }
    }

    /**
     * One (design, depth) row. {@code numericFrequencies}: DFT coefficients of a random model above
     * the threshold; {@code outsideAnalytic}: how many of those are not in Ω (0 when the theory
     * holds); {@code fitRelativeError}: ‖f − g‖/‖g‖ on a test grid interleaved with the training
     * grid; {@code frequenciesUsed}: |c_k| > 1e−3 in the fitted model.
     */
    public record Row(EncodingDesign design, int depth, int analyticFrequencies, double maxFrequency,
                      int numericFrequencies, int outsideAnalytic, double fitRelativeError, int frequenciesUsed,
                      int parameters) {}

    /** Teacher spectrum size (|Ω| and how many |c_k| > {@link #USED_THRESHOLD}), and the rows. */
    public record Result(int teacherFrequencies, int teacherUsed, double teacherMaxFrequency, List<Row> rows) {}

    /** A fitted coefficient counts as used above this magnitude (targets are O(1)). */
    public static final double USED_THRESHOLD = 1e-3;

    private ExpressivityStudy() {}

    public static Result run(Settings s, IntConsumer progress) {
        SplittableRandom rng = new SplittableRandom(s.seed());
        ReuploadingModel teacher = ReuploadingModel.random(s.qubits(), s.teacherDepth(), EncodingDesign.EXPONENTIAL, rng);
        FrequencySpectrum teacherOmega = teacher.analyticSpectrum();
        if (s.trainPoints() <= 2 * teacherOmega.maxFrequency()) {
            throw new InvalidInputException("the teacher has frequencies up to " + (long) teacherOmega.maxFrequency()
                    + ": a fit needs more than " + (long) (2 * teacherOmega.maxFrequency()) + " training points, got " + s.trainPoints());
        }
        double[] xTrain = SampledSpectrum.grid(s.trainPoints());
        double[] yTrain = teacher.outputs(xTrain);
        double[] xTest = new double[s.trainPoints()];
        for (int i = 0; i < xTest.length; i++) xTest[i] = xTrain[i] + Math.PI / s.trainPoints();
        double[] yTest = teacher.outputs(xTest);
        List<Row> rows = new ArrayList<>();
        int done = 0;
        for (EncodingDesign d : EncodingDesign.values()) {
            for (int L = 1; L <= s.maxDepth(); L++) {
                ReuploadingModel m = ReuploadingModel.random(s.qubits(), L, d, rng);
                FrequencySpectrum omega = m.analyticSpectrum();
                int[] support = numericSupport(m, omega, s.relativeThreshold());
                int outside = countOutside(support, omega.integers());
                FourierFit.fit(m, xTrain, yTrain, s.fit(), rng.nextLong());
                double err = relativeError(m.outputs(xTest), yTest);
                int used = spectrum(m, omega).support(USED_THRESHOLD).length;
                rows.add(new Row(d, L, omega.size(), omega.maxFrequency(), support.length, outside, err, used, m.numParameters()));
                progress.accept(++done);
            }
        }
        int teacherUsed = spectrum(teacher, teacherOmega).support(USED_THRESHOLD).length;
        return new Result(teacherOmega.size(), teacherUsed, teacherOmega.maxFrequency(), rows);
    }

    /** Frequencies of the model's DFT with |c_k| > relativeThreshold · max|c|, on a grid that resolves Ω. */
    public static int[] numericSupport(ReuploadingModel m, FrequencySpectrum omega, double relativeThreshold) {
        SampledSpectrum sp = spectrum(m, omega);
        return sp.support(relativeThreshold * sp.maxMagnitude());
    }

    /** The model's DFT on a grid of M = 2·(next power of two above the top frequency) points. */
    public static SampledSpectrum spectrum(ReuploadingModel m, FrequencySpectrum omega) {
        int grid = 2 * SampledSpectrum.gridSizeFor(omega.maxFrequency());
        return SampledSpectrum.of(m.outputs(SampledSpectrum.grid(grid)));
    }

    static int countOutside(int[] support, int[] omega) {
        java.util.Set<Integer> in = new java.util.HashSet<>();
        for (int k : omega) in.add(k);
        int c = 0;
        for (int k : support) if (!in.contains(k)) c++;
        return c;
    }

    static double relativeError(double[] f, double[] g) {
        double num = 0, den = 0;
        for (int i = 0; i < f.length; i++) {
            num += (f[i] - g[i]) * (f[i] - g[i]);
            den += g[i] * g[i];
        }
        return Math.sqrt(num / den);
    }
}
