package org.qdl.protocol.noise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qdl.protocol.CommunicationLedger;
import org.qdl.protocol.Link;
import org.qdl.protocol.LocalParty;
import org.qdl.protocol.Network;
import org.qdl.protocol.ProtocolException;
import org.qdl.protocol.inference.Estimator;
import org.qdl.protocol.inference.InferenceConfig;
import org.qdl.protocol.inference.InferenceProtocol;
import org.qdl.protocol.inference.InferenceResult;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.sim.observable.DiagonalObservable;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.observable.Observable;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.observable.PauliSum;

/**
 * (ε, δ) inference on the network's noisy links, with the bias reported and optionally mitigated
 * ({@link Mitigation}). Every run goes through {@link InferenceProtocol}, so its shots, losses and
 * messages are on the ledger, the extra shots of mitigation included.
 */
public final class NoisyInference {
    /** Noise scales and Richardson weights of {@link Mitigation#ZNE}: Σγ = 1, Σγλ = Σγλ² = 0. */
    public static final double[] ZNE_SCALES = {1, 2, 3};
    public static final double[] ZNE_WEIGHTS = {3, -3, 1};

    private NoisyInference() {}

    public static NoisyInferenceResult run(Network net, DistributedModel model, InferenceConfig config, Mitigation mitigation) {
        double trueScale = net.offTheRecord(() -> {
            if (!model.rescaled()) return 1.0;
            double norm = net.party(model.dataParty()).dataNorm(model.dataKey());
            return norm * norm;
        });
        double exactNoisy = trueScale * DensityReference.expectation(net, model);
        return switch (mitigation) {
            case NONE -> {
                InferenceResult r = InferenceProtocol.run(net, model, config);
                yield new NoisyInferenceResult(mitigation, r.estimate(), r.lower(), r.upper(), r.exact(), exactNoisy, 1, List.of(r), r.ledger());
            }
            case RESCALE -> rescaled(net, model, config, exactNoisy);
            case ZNE -> extrapolated(net, model, config, exactNoisy);
        };
    }

    private static NoisyInferenceResult rescaled(Network net, DistributedModel model, InferenceConfig config, double exactNoisy) {
        double f = 1;
        for (Link h : DensityReference.hops(model)) {
            LinkNoise n = net.linkNoise(h.from(), h.to());
            if (!n.globalDepolarizingOnly() || !net.memoryNoise(h.from()).perfect()) {
                throw new InvalidInputException("rescaling needs known global depolarising noise on every link and no memory noise; link "
                        + h + " has " + n + (net.memoryNoise(h.from()).perfect() ? "" : ", memory of " + h.from() + " has " + net.memoryNoise(h.from())));
            }
            f *= n.globalShrink();
        }
        if (!(f > 0)) throw new InvalidInputException("the links depolarise completely (F = 0): nothing is left to rescale");
        double c0 = traceFraction(net, model);
        // The estimator must reach ε·F on the noisy mean for the rescaled one to reach ε.
        InferenceResult r = InferenceProtocol.run(net, model,
                new InferenceConfig(config.epsilon() * f, config.delta(), config.estimator(), config.seed()));
        double s = r.scale(), base = s * c0;
        double est = base + (r.estimate() - base) / f, half = r.halfWidth() / f;
        return new NoisyInferenceResult(Mitigation.RESCALE, est, est - half, est + half, r.exact(), exactNoisy, f, List.of(r), r.ledger());
    }

    private static NoisyInferenceResult extrapolated(Network net, DistributedModel model, InferenceConfig config, double exactNoisy) {
        if (config.estimator() != Estimator.HOEFFDING) throw new InvalidInputException("zero-noise extrapolation combines means: use the HOEFFDING estimator");
        double l1 = 0;
        for (double g : ZNE_WEIGHTS) l1 += Math.abs(g);
        Map<Link, LinkNoise> links = new LinkedHashMap<>();
        Map<String, LinkNoise> memories = new LinkedHashMap<>();
        for (Link h : DensityReference.hops(model)) {
            links.putIfAbsent(h.undirected(), net.linkNoise(h.from(), h.to()));
            memories.putIfAbsent(h.from(), net.memoryNoise(h.from()));
        }
        List<InferenceResult> runs = new ArrayList<>();
        CommunicationLedger ledger = new CommunicationLedger();
        double est = 0, var = 0, exact = Double.NaN;
        try {
            for (int j = 0; j < ZNE_SCALES.length; j++) {
                double lambda = ZNE_SCALES[j], g = ZNE_WEIGHTS[j];
                for (Map.Entry<Link, LinkNoise> e : links.entrySet()) net.setLinkNoise(e.getKey().from(), e.getKey().to(), e.getValue().scaled(lambda));
                for (Map.Entry<String, LinkNoise> e : memories.entrySet()) net.setMemoryNoise(e.getKey(), e.getValue().scaled(lambda));
                // S_j ≈ S·|γ_j|·Σ|γ|: then Σ γ_j²/S_j = 1/S, the Hoeffding error of S shots.
                InferenceResult r = InferenceProtocol.run(net, model, new InferenceConfig(config.epsilon() / Math.sqrt(Math.abs(g) * l1),
                        config.delta(), Estimator.HOEFFDING, config.seed() + 7919L * j));
                runs.add(r);
                ledger.addAll(r.ledger());
                est += g * r.estimate();
                var += g * g * r.halfWidth() * r.halfWidth();
                exact = r.exact();
            }
        } finally {
            for (Map.Entry<Link, LinkNoise> e : links.entrySet()) net.setLinkNoise(e.getKey().from(), e.getKey().to(), e.getValue());
            for (Map.Entry<String, LinkNoise> e : memories.entrySet()) net.setMemoryNoise(e.getKey(), e.getValue());
        }
        double half = Math.sqrt(var);
        return new NoisyInferenceResult(Mitigation.ZNE, est, est - half, est + half, exact, exactNoisy, 1, List.copyOf(runs), ledger);
    }

    /** c₀ = Tr(O)/d: the part of ⟨O⟩ that depolarising noise does not shrink (the observer's own knowledge). */
    private static double traceFraction(Network net, DistributedModel model) {
        if (!(net.party(model.observableParty()) instanceof LocalParty lp)) {
            throw new ProtocolException("rescaling needs the observer's trace part; " + model.observableParty() + " is not an in-process party");
        }
        Observable o = lp.ownObservable(model.observableKey());
        if (o instanceof PauliString p) return p.weight() == 0 ? 1 : 0;
        if (o instanceof PauliSum s) {
            double c = 0;
            for (PauliSum.Term t : s.terms()) if (t.pauli().weight() == 0) c += t.coefficient();
            return c;
        }
        if (o instanceof DiagonalObservable d) {
            double c = 0;
            for (double v : d.values()) c += v;
            return c / d.values().length;
        }
        throw new InvalidInputException("rescaling supports Pauli and diagonal observables, not " + o.getClass().getSimpleName());
    }
}
