package org.qdl.claims.expressivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReuploadingModelTest {
    @Test
    void adjointGradientMatchesCentralDifferences() {
        for (int n = 1; n <= 3; n++) {
            ReuploadingModel m = ReuploadingModel.random(n, 2, EncodingDesign.EXPONENTIAL, new SplittableRandom(n));
            double x = 0.83;
            double[] g = new double[m.numParameters()];
            double f = m.outputAndGradient(x, g, 1);
            assertEquals(m.output(x), f, 1e-14);
            double[] p = m.parameters();
            double h = 1e-6;
            for (int j = 0; j < p.length; j++) {
                double[] a = p.clone(), b = p.clone();
                a[j] += h;
                b[j] -= h;
                m.setParameters(a);
                double fa = m.output(x);
                m.setParameters(b);
                double fb = m.output(x);
                assertEquals((fa - fb) / (2 * h), g[j], 1e-8, "parameter " + j);
            }
            m.setParameters(p);
        }
    }

    @Test
    void outputIsAnExpectationOfZ() {
        ReuploadingModel m = ReuploadingModel.random(2, 3, EncodingDesign.LINEAR, new SplittableRandom(5));
        for (double x = -3; x < 3; x += 0.37) assertTrue(Math.abs(m.output(x)) <= 1 + 1e-12);
    }

    /**
     * Fits reach the teacher once the student's spectrum covers it, and never beat the Parseval
     * bound: the teacher's energy at frequencies outside the student's Ω is error no student can
     * remove.
     */
    @Test
    void fitErrorRespectsParsevalAndVanishesOnceTheSpectrumCoversTheTarget() {
        ExpressivityStudy.Result r = ExpressivityStudy.run(new ExpressivityStudy.Settings(1, 3, 2, 32,
                new FourierFit.Settings(250, 4, 0.05), 1e-9, 11), i -> {});
        ReuploadingModel teacher = ReuploadingModel.random(1, 2, EncodingDesign.EXPONENTIAL, new SplittableRandom(11));
        SampledSpectrum ts = SampledSpectrum.of(teacher.outputs(SampledSpectrum.grid(32)));
        double total = 0;
        for (int k = -15; k < 16; k++) total += ts.magnitude(k) * ts.magnitude(k);
        for (ExpressivityStudy.Row row : r.rows()) {
            double outside = 0;
            for (int k = -15; k < 16; k++) if (Math.abs(k) > row.maxFrequency()) outside += ts.magnitude(k) * ts.magnitude(k);
            double floor = Math.sqrt(outside / total);
            assertTrue(row.fitRelativeError() >= floor - 1e-6, row + " beats the Parseval floor " + floor);
            if (row.design() == EncodingDesign.EXPONENTIAL && row.depth() >= 2) {
                assertTrue(row.fitRelativeError() < 0.05, "exponential student at L = " + row.depth() + ": " + row.fitRelativeError());
            }
            if (row.maxFrequency() < 4) assertTrue(floor > 0.1, "the teacher must have real weight above frequency " + row.maxFrequency());
        }
        assertEquals(9, r.teacherFrequencies());
    }
}
