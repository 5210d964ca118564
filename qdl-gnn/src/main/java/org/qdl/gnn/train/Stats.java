package org.qdl.gnn.train;

/** Mean and (population, as numpy's default) standard deviation. */
public record Stats(double mean, double std, int n) {
    public static Stats of(double[] xs) {
        double m = 0;
        for (double x : xs) {
            m += x;
        }
        m /= xs.length;
        double v = 0;
        for (double x : xs) {
            v += (x - m) * (x - m);
        }
        return new Stats(m, Math.sqrt(v / xs.length), xs.length);
    }

    public String pct() {
        return String.format("%.2f ± %.2f", 100 * mean, 100 * std);
    }
}
