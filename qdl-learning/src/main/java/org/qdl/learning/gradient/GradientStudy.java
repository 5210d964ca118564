package org.qdl.learning.gradient;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.qdl.protocol.Network;
import org.qdl.protocol.model.DistributedModel;

/**
 * The study of {@code qdl gradients} on any (network, model): every sampling estimator's error
 * against the exact (adjoint) gradient and its copies at each target precision, and the copies
 * needed for one precision against the parameter count P of a family of models. Each row runs on a
 * fresh instance from the supplier, so rows never share a ledger or a random stream.
 */
public final class GradientStudy {
    /** The estimators that sample, in table order. */
    public static final List<String> SAMPLERS = List.of("parameter-shift", "hadamard-test", "simultaneous", "classical-shadows");

    /** One row of either table; null columns were not measured. */
    public record Row(String part, String estimator, int parameters, int locality, double epsilon, long plannedCopies, Long copies,
            Double maxError, Double meanHalfWidth, Long qubits, Long classicalBits, double seconds, String status) {}

    /** Progress: called after each finished unit of work. */
    public interface Progress {
        void update(int done, int total, String what);
    }

    private final long seed;
    private final long maxCopies;

    /** {@code seed} seeds every estimate; a run planning more than {@code maxCopies} copies is left at "planned only". */
    public GradientStudy(long seed, long maxCopies) {
        this.seed = seed;
        this.maxCopies = maxCopies;
    }

    /** Largest generator weight k over the model's trainable layers (the locality of the shadows bound). */
    public static int locality(Network net, DistributedModel model) {
        int k = 0;
        for (ParameterLayout.Entry e : ParameterLayout.of(net, model).entries()) k = Math.max(k, e.structure().maxLocality());
        return k;
    }

    /** Part 1: for each precision, every sampler on the model, the analytic shadow-tomography row and the adjoint reference row. */
    public List<Row> errorAgainstCopies(Supplier<GradientModels.Instance> model, List<Precision> precisions, Progress progress) {
        GradientModels.Instance probe = model.get();
        if (ParameterLayout.of(probe.network(), probe.model()).size() == 0) throw new org.qdl.sim.InvalidInputException("the model has no trainable parameters to differentiate");
        List<Row> rows = new ArrayList<>();
        int total = precisions.size() * SAMPLERS.size(), done = 0;
        for (Precision prec : precisions) {
            for (String name : SAMPLERS) {
                rows.add(runOne("error", name, model.get(), prec, true));
                progress.update(++done, total, name);
            }
            GradientModels.Instance inst = model.get();
            rows.add(tomography("error", inst, prec));
            rows.add(new Row("error", "adjoint", ParameterLayout.of(inst.network(), inst.model()).size(), inst.locality(), prec.epsilon(), 0, 0L, 0.0, 0.0,
                    0L, 0L, 0, "exact local reference (the errors above are measured against it)"));
        }
        return rows;
    }

    /**
     * Part 2: for each P in {@code ps}, every sampler on {@code family.apply(P)}; parameter shift and
     * the Hadamard test (O(P log P) copies) run only up to {@code measureMaxP}, beyond it planned only.
     */
    public List<Row> copiesAgainstP(IntFunction<GradientModels.Instance> family, List<Integer> ps, Precision prec, int measureMaxP, Progress progress) {
        List<Row> rows = new ArrayList<>();
        int done = 0;
        for (int p : ps) {
            for (String name : SAMPLERS) {
                boolean perParameter = name.equals("parameter-shift") || name.equals("hadamard-test");
                rows.add(runOne("scaling", name, family.apply(p), prec, !perParameter || p <= measureMaxP));
            }
            rows.add(tomography("scaling", family.apply(p), prec));
            progress.update(++done, ps.size(), "P = " + p);
        }
        return rows;
    }

    Row runOne(String part, String name, GradientModels.Instance inst, Precision prec, boolean measure) {
        GradientEstimator est = Estimators.byName(name);
        int params = ParameterLayout.of(inst.network(), inst.model()).size();
        String why = est.notApplicable(inst.network(), inst.model());
        if (why != null) return new Row(part, name, params, inst.locality(), prec.epsilon(), 0, null, null, null, null, null, 0, "not applicable: " + why);
        long planned = est.plannedCopies(inst.network(), inst.model(), prec);
        if (!measure) return new Row(part, name, params, inst.locality(), prec.epsilon(), planned, null, null, null, null, null, 0, "planned only (P > --measure-max-p)");
        if (planned > maxCopies) return new Row(part, name, params, inst.locality(), prec.epsilon(), planned, null, null, null, null, null, 0, "planned only (copies > --max-copies)");
        double[] exact = new AdjointDifferentiation().estimate(inst.network(), inst.model(), prec, 0).gradient();
        long t0 = System.nanoTime();
        GradientEstimate e = est.estimate(inst.network(), inst.model(), prec, seed + 17);
        double secs = (System.nanoTime() - t0) / 1e9;
        double hw = 0;
        for (double h : e.halfWidth()) hw += h;
        return new Row(part, name, params, inst.locality(), prec.epsilon(), planned, e.copies(), e.maxError(exact), hw / e.size(),
                e.communication().qubits(), e.communication().classicalBits(), secs, "measured");
    }

    Row tomography(String part, GradientModels.Instance inst, Precision prec) {
        ParameterLayout layout = ParameterLayout.of(inst.network(), inst.model());
        int params = layout.size();
        int layers = layout.entries().size();
        long nn = inst.network().party(inst.model().dataParty()).dataLength(inst.model().dataKey());
        ShadowTomographyBound.Counts c = ShadowTomographyBound.of(nn, Math.max(1, params / layers), layers, prec.epsilon(), prec.delta());
        return new Row(part, "shadow-tomography", params, inst.locality(), prec.epsilon(), c.copiesPerStep(), null, null, null, null, null, 0,
                "analytic (Bădescu–O'Donnell, constants 1); " + c.reason());
    }
}
