package org.qdl.protocol.inference;

import org.qdl.protocol.CommunicationLedger;
import org.qdl.protocol.Network;
import org.qdl.protocol.ObservableShape;
import org.qdl.protocol.Party;
import org.qdl.protocol.ProtocolException;
import org.qdl.protocol.Register;
import org.qdl.protocol.model.DistributedModel;

/**
 * Distributed inference: estimates f(x) = scale·⟨ψ(x)|U†OU|ψ(x)⟩ to additive error ε with failure
 * probability δ.
 *
 * <ol>
 *   <li>Public before the run: ε, δ, the estimator, the layers' shapes and the observable's outcome
 *       range [a, b]. For a rescaled model the data party sends ‖x‖ to the observer once (counted).
 *       Every party can then compute the same shot budget S for t = ε/scale on ⟨O⟩.</li>
 *   <li>S times: the data party encodes x, the register visits each layer's holder in order over
 *       quantum channels, and the observer measures one shot. A quantum state cannot be copied, so
 *       every shot re-runs the whole circuit; {@link Network#repeated} simulates it once and
 *       records it S times.</li>
 *   <li>The observer combines the outcomes (mean or median of means) and multiplies by the scale.</li>
 * </ol>
 */
public final class InferenceProtocol {
    private InferenceProtocol() {}

    public static InferenceResult run(Network net, DistributedModel model, InferenceConfig config) {
        model.validate(net);
        int n = model.dataQubits(net);
        Party observer = net.party(model.observableParty());
        ObservableShape shape = observer.observableShape(model.observableKey());
        for (int q : shape.qubits()) {
            if (q >= n) {
                throw new ProtocolException("observable " + model.observableKey() + " of " + model.observableParty() + " acts on qubit "
                        + q + " but the register has qubits 0.." + (n - 1) + " (N = "
                        + net.party(model.dataParty()).dataLength(model.dataKey()) + ")");
            }
        }
        CommunicationLedger ledger = new CommunicationLedger();
        return net.recordingInto(ledger, () -> execute(net, model, config, n, observer, shape, ledger));
    }

    private static InferenceResult execute(Network net, DistributedModel model, InferenceConfig config, int n, Party observer,
            ObservableShape shape, CommunicationLedger ledger) {
        double scale = model.outputScale(net); // the norm message, once
        // A rounded norm (float32) moves the scale: bound that shift and leave the rest of ε to shots.
        double slack = model.rescaled() ? scale * shape.maxAbsOutcome() * 2.1 * model.normEncoding().unitRoundoff() : 0;
        double t = (config.epsilon() - slack) / scale;
        if (!(t > 0)) {
            throw new ProtocolException("ε = " + config.epsilon() + " is below the error of sending ‖x‖ with "
                    + model.normEncoding() + " (" + slack + "): raise ε or send the norm at 64 bits");
        }
        ShotBudget budget = ShotBudget.plan(config.estimator(), shape.outcomeWidth(), t, config.delta());
        double[] exactMean = new double[1];
        double[] outcomes = net.shots(budget.shots(), config.seed(), (shots, seed) -> {
            Register r = model.forward(net, 0);
            exactMean[0] = net.offTheRecord(() -> observer.exactExpectation(model.observableKey(), r));
            return observer.measure(model.observableKey(), r, shots.getAsInt(), seed);
        });
        if (net.noisy()) exactMean[0] = noiselessMean(net, model, observer); // the trajectories' states are noisy
        double mean = budget.estimate(outcomes);
        double half = scale * budget.halfWidth() + slack;
        double trueScale = net.offTheRecord(() -> {
            if (!model.rescaled()) return 1.0;
            double norm = net.party(model.dataParty()).dataNorm(model.dataKey());
            return norm * norm;
        });
        long perShot = (ledger.totalQubits() - lostAttemptQubits(ledger)) / budget.shots();
        return new InferenceResult(config, scale * mean, scale * mean - half, scale * mean + half, trueScale * exactMean[0], scale,
                budget, n, perShot, ledger);
    }

    /** ⟨O⟩ of the noiseless circuit, off the record (no noise, nothing counted). */
    private static double noiselessMean(Network net, DistributedModel model, Party observer) {
        return net.offTheRecord(() -> {
            Register r = model.forward(net, 0);
            double e = observer.exactExpectation(model.observableKey(), r);
            observer.discard(r);
            return e;
        });
    }

    /** Qubits sent in attempts that lost a qubit (0 on lossless links), so qubits per shot stays per delivered execution. */
    private static long lostAttemptQubits(CommunicationLedger ledger) {
        var lost = ledger.byLabel().get(org.qdl.protocol.noise.HeraldedLoss.LOST_LABEL);
        return lost == null ? 0 : lost.qubits();
    }
}
