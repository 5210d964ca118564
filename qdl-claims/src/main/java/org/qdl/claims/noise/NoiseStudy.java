package org.qdl.claims.noise;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.qdl.protocol.Network;
import org.qdl.protocol.NumberEncoding;
import org.qdl.protocol.ObservableShape;
import org.qdl.protocol.baseline.ClassicalBaseline;
import org.qdl.protocol.baseline.ClassicalOption;
import org.qdl.protocol.inference.Estimator;
import org.qdl.protocol.inference.InferenceConfig;
import org.qdl.protocol.inference.ShotBudget;
import org.qdl.protocol.model.AlternatingModel;
import org.qdl.protocol.noise.DensityReference;
import org.qdl.protocol.noise.LinkNoise;
import org.qdl.protocol.noise.Mitigation;
import org.qdl.protocol.noise.NoisyInference;
import org.qdl.protocol.noise.NoisyInferenceResult;
import org.qdl.sim.InvalidInputException;

/**
 * What noise and loss on the links do to the advantage of the example model
 * ({@link AlternatingModel}): total qubits to reach (ε, δ) against N, the noise level and the link
 * length ({@link LinkCostModel}), against the cheapest classical protocol (costed from public
 * shapes, bits unaffected by loss: classical signals are amplified and retransmitted); where the
 * crossover N moves; the largest noise and link length at which the advantage holds at N = 2^atK.
 * Two checks tie the model to the simulator: the density matrix's shrink of ⟨O⟩ under local
 * depolarising noise against F (small n), and one executed noisy, lossy, rescaled inference whose
 * ledger is set against the model's expected qubits.
 */
public final class NoiseStudy {
    public record Config(int minK, int maxK, int layers, double epsilon, double delta, double[] levels, double dbPerKm, double[] kms,
            int atK, long seed) {
        public Config {
            new InferenceConfig(epsilon, delta, Estimator.HOEFFDING, seed); // validates ε, δ
            if (minK < 4 || maxK > 24 || maxK < minK) throw new InvalidInputException("k must satisfy 4 ≤ min-k ≤ max-k ≤ 24, got " + minK + ".." + maxK);
            if (atK < 4 || atK > 24) throw new InvalidInputException("--at-k must lie in 4..24, got " + atK);
            if (layers < 1) throw new InvalidInputException("--layers must be at least 1, got " + layers);
            for (double p : levels) LinkCostModel.hopFidelity(p, 1);
            LinkNoise.fibreTransmission(0, dbPerKm);
            for (double km : kms) LinkNoise.fibreTransmission(km, dbPerKm);
        }
    }

    /** One (N, p, L) point. ratio > 1: the quantum protocol sends fewer qubits than the classical one sends bits. */
    public record Row(int k, long n, double p, double km, double transmission, int hops, int qubitsPerHop, double shrink, long shots,
            double sentPerShot, double totalQubits, long classicalBits, String classicalOption, double ratio, double overheadExponent) {}

    /** Smallest N of the sweep with an advantage (k = −1: none) for one noise setting. */
    public record Crossover(double p, double km, int k, double overheadExponent) {}

    /** Largest p (at link length km) and largest km (at noise p) with an advantage at N = 2^k. */
    public record Threshold(int k, double km, double maxP, double p, double maxKm) {}

    /** Density matrix against the white-noise model: (⟨O⟩_noisy − c₀)/(⟨O⟩ − c₀) against F. */
    public record Check(int n, double p, double predictedShrink, double measuredShrink) {}

    /** One executed inference (global depolarising p_g = 1 − F_hop, loss, rescaled) against the model. */
    public record Executed(int n, double p, double km, double estimate, double exact, double halfWidth, long shots, long predictedShots,
            long sentQubits, double expectedSentQubits, long lostQubits) {}

    public record Result(Config config, List<Row> rows, List<Crossover> crossovers, List<Threshold> thresholds, List<Check> checks,
            Executed executed) {}

    /** Public costs of the example model at one N. */
    private record Shape(int n, int hops, double width, long classicalBits, String classicalOption) {}

    private NoiseStudy() {}

    public static Result run(Config c, Consumer<String> progress) {
        List<Row> rows = new ArrayList<>();
        Shape[] shapes = new Shape[25];
        for (int k = c.minK(); k <= c.maxK(); k++) {
            progress.accept("N = 2^" + k + ": public shapes");
            shapes[k] = shape(c, k);
            for (double km : c.kms()) for (double p : c.levels()) rows.add(row(c, shapes[k], k, p, km));
        }
        List<Crossover> crossovers = new ArrayList<>();
        for (double km : c.kms()) {
            for (double p : c.levels()) {
                int first = -1;
                for (Row r : rows) {
                    if (r.p() == p && r.km() == km && r.ratio() > 1) {
                        first = r.k();
                        break;
                    }
                }
                crossovers.add(new Crossover(p, km, first, LinkCostModel.overheadExponent(p, shapes[c.minK()].hops(), c.dbPerKm(), km)));
            }
        }
        progress.accept("thresholds at N = 2^" + c.atK());
        Shape at = c.atK() >= c.minK() && c.atK() <= c.maxK() ? shapes[c.atK()] : shape(c, c.atK());
        List<Threshold> thresholds = new ArrayList<>();
        for (int i = 0; i < Math.max(c.kms().length, c.levels().length); i++) {
            double km = c.kms()[Math.min(i, c.kms().length - 1)], p = c.levels()[Math.min(i, c.levels().length - 1)];
            double maxP = bisect(x -> row(c, at, c.atK(), x, km).ratio() > 1, 0, 4.0 / 3);
            double maxKm = c.dbPerKm() == 0 ? Double.POSITIVE_INFINITY : bisect(x -> row(c, at, c.atK(), p, x).ratio() > 1, 0, 1000);
            thresholds.add(new Threshold(c.atK(), km, maxP, p, maxKm));
        }
        progress.accept("density-matrix check of the white-noise model");
        List<Check> checks = new ArrayList<>();
        for (int n = 4; n <= 8; n += 2) for (double p : new double[] {1e-3, 1e-2, 5e-2}) checks.add(check(c, n, p));
        progress.accept("one executed noisy, lossy, rescaled inference");
        Executed ex = executed(c);
        return new Result(c, rows, crossovers, thresholds, checks, ex);
    }

    private static Shape shape(Config c, int k) {
        AlternatingModel.Example ex = AlternatingModel.build(k, c.layers(), true, false, c.seed() + k);
        Network net = ex.network();
        ObservableShape o = net.party(ex.model().observableParty()).observableShape(ex.model().observableKey());
        ClassicalOption best = null;
        for (ClassicalOption opt : ClassicalBaseline.gatherOptions(net, ex.model(), NumberEncoding.FLOAT64)) {
            if (best == null || opt.bits() < best.bits()) best = opt;
        }
        return new Shape(k, DensityReference.hops(ex.model()).size(), o.outcomeWidth(), best.bits(), best.name());
    }

    private static Row row(Config c, Shape s, int k, double p, double km) {
        double fHop = LinkCostModel.hopFidelity(p, s.n()), f = Math.pow(fHop, s.hops());
        double eta = LinkNoise.fibreTransmission(km, c.dbPerKm());
        long shots;
        double t = c.epsilon() * f;
        if (!(t > 0)) shots = Long.MAX_VALUE;
        else {
            double raw = Math.ceil(s.width() * s.width() * Math.log(2 / c.delta()) / (2 * t * t)); // ShotBudget's Hoeffding count, unbounded
            shots = raw >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.max(1, raw);
        }
        double sent = LinkCostModel.sentPerDeliveredShot(s.n(), s.hops(), eta);
        double total = shots * sent;
        return new Row(k, 1L << k, p, km, eta, s.hops(), s.n(), f, shots, sent, total, s.classicalBits(), s.classicalOption(),
                s.classicalBits() / total, LinkCostModel.overheadExponent(p, s.hops(), c.dbPerKm(), km));
    }

    /** Largest x in [lo, hi] with ok(x), for ok true at lo and monotone (false above some point). */
    private static double bisect(java.util.function.DoublePredicate ok, double lo, double hi) {
        if (!ok.test(lo)) return Double.NaN;
        if (ok.test(hi)) return hi;
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (lo + hi);
            if (ok.test(mid)) lo = mid;
            else hi = mid;
        }
        return lo;
    }

    private static Check check(Config c, int n, double p) {
        AlternatingModel.Example ex = AlternatingModel.build(n, c.layers(), true, false, c.seed() + n);
        double ideal = ex.model().exactOutput(ex.network()); // c₀ = 0: O = 0.7 Z0Z1 − 0.3 X2 is traceless
        ex.network().setLinkNoise("alice", "bob", LinkNoise.parse("depolarizing:" + p));
        double noisy = DensityReference.expectation(ex.network(), ex.model());
        int hops = DensityReference.hops(ex.model()).size();
        return new Check(n, p, Math.pow(LinkCostModel.hopFidelity(p, n), hops), noisy / ideal);
    }

    private static Executed executed(Config c) {
        int n = 8;
        double p = 0, km = c.kms()[c.kms().length - 1];
        for (double v : c.levels()) if (v > 0 && LinkCostModel.hopFidelity(v, n) > 0.5) p = Math.max(p, v);
        if (p == 0) p = 0.01;
        AlternatingModel.Example ex = AlternatingModel.build(n, c.layers(), true, false, c.seed() + n);
        double pg = 1 - LinkCostModel.hopFidelity(p, n);
        double eta = LinkNoise.fibreTransmission(km, c.dbPerKm());
        ex.network().setLinkNoise("alice", "bob", LinkNoise.parse("global-depolarizing:" + pg + (eta < 1 ? "+transmission:" + eta : "")));
        NoisyInferenceResult r = NoisyInference.run(ex.network(), ex.model(), InferenceConfig.hoeffding(c.epsilon(), c.delta(), c.seed()),
                Mitigation.RESCALE);
        Row model = row(c, shape(c, n), n, p, km);
        ShotBudget b = r.runs().get(0).budget();
        return new Executed(n, p, km, r.estimate(), r.exact(), r.halfWidth(), b.shots(), model.shots(), r.totalQubits(),
                model.totalQubits(), r.ledger().totalLostQubits());
    }
}
