package org.qdl.learning.gradient;

import java.util.ArrayList;
import java.util.List;
import org.qdl.protocol.LocalParty;
import org.qdl.protocol.Network;
import org.qdl.protocol.Party;
import org.qdl.protocol.Register;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.protocol.model.Layer;
import org.qdl.protocol.model.PauliLayer;
import org.qdl.sim.gate.DiagonalGate;
import org.qdl.sim.gate.Gate;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.kernel.Kernels;
import org.qdl.sim.observable.Observable;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.observable.PauliSum;
import org.qdl.sim.state.StateVector;
import org.qdl.protocol.ObservableMeasurement;

/**
 * Adjoint differentiation, the exact reference: one forward pass to ψ = Uψ₀, λ = Oψ, then one
 * backward pass that at each rotation R_j = exp(−iθ_j G_j/2) adds ∂f/∂θ_j = Im⟨λ|G_j|ψ⟩ and undoes
 * R_j on both states (one fused kernel). Memory: ψ, λ and one scratch state while forming λ.
 *
 * <p>This is a local simulation, not a protocol: it reads every party's layer and the observable,
 * which no physical party could, so it records nothing on the ledger. It needs in-process parties.
 */
public final class AdjointDifferentiation implements GradientEstimator {
    @Override
    public String name() {
        return "adjoint";
    }

    @Override
    public String notApplicable(Network net, DistributedModel m) {
        for (DistributedModel.Stage s : m.stages()) {
            if (!(net.party(s.party()) instanceof LocalParty)) return "party " + s.party() + " is not in this process";
        }
        if (!(net.party(m.observableParty()) instanceof LocalParty)) return "the observable's holder is not in this process";
        return null;
    }

    @Override
    public long plannedCopies(Network net, DistributedModel m, Precision p) {
        return 0;
    }

    @Override
    public GradientEstimate estimate(Network net, DistributedModel m, Precision p, long seed) {
        requireApplicable(net, m);
        Communication before = Communication.of(net.ledger());
        StateVector psi0 = net.offTheRecord(() -> {
            Party data = net.party(m.dataParty());
            Register r = data.encode(m.dataKey(), 0);
            return data.release(r);
        });
        List<Layer> layers = new ArrayList<>();
        for (DistributedModel.Stage s : m.stages()) layers.add(((LocalParty) net.party(s.party())).ownLayer(s.layer()));
        Observable o = ((LocalParty) net.party(m.observableParty())).ownObservable(m.observableKey());
        double[] g = gradient(psi0, layers, o);
        double scale = m.rescaled() ? Math.pow(net.party(m.dataParty()).dataNorm(m.dataKey()), 2) : 1;
        for (int j = 0; j < g.length; j++) g[j] *= scale;
        return new GradientEstimate(name(), g, new double[g.length], new double[g.length], 1, 0,
                Communication.of(net.ledger()).minus(before), "exact local reference (reads all layers; no protocol, nothing on the ledger)");
    }

    /**
     * ∇_θ⟨ψ₀|U†OU|ψ₀⟩ for U = layers applied in order; parameters concatenated layer by layer.
     * ψ₀ is consumed (it becomes the scratch forward state).
     */
    public static double[] gradient(StateVector psi, List<Layer> layers, Observable o) {
        int total = 0;
        for (Layer l : layers) total += l.numParameters();
        double[] grad = new double[total];
        for (Layer l : layers) l.apply(psi);
        StateVector lambda = applyObservable(o, psi);
        int offset = total;
        for (int li = layers.size() - 1; li >= 0; li--) {
            Layer l = layers.get(li);
            offset -= l.numParameters();
            if (l instanceof PauliLayer pl) {
                double[] theta = pl.parameters();
                List<PauliLayer.Step> steps = pl.steps();
                for (int i = steps.size() - 1; i >= 0; i--) {
                    PauliLayer.Step st = steps.get(i);
                    if (st.isRotation()) {
                        grad[offset + st.parameter()] += AdjointKernel.gradientAndUndo(psi, lambda, st.generator(), theta[st.parameter()]);
                    } else if (st.fixed() instanceof DiagonalGate d) {
                        // the simulator's phase-table kernel skips spans whose phase is 1 (a CZ touches a quarter)
                        Gate inv = d.inverse();
                        inv.apply(psi);
                        inv.apply(lambda);
                    } else {
                        Gate inv = st.fixed().inverse();
                        inv.apply(psi);
                        inv.apply(lambda);
                    }
                }
            } else {
                if (l.numParameters() > 0) throw new InvalidInputException("adjoint differentiation needs Pauli-rotation layers; got " + l.getClass().getSimpleName());
                l.applyInverse(psi);
                l.applyInverse(lambda);
            }
        }
        return grad;
    }

    /** λ = Oψ (O as a Pauli sum; a Pauli string costs one copy and one pass). */
    static StateVector applyObservable(Observable o, StateVector psi) {
        if (o instanceof PauliString p) {
            StateVector l = psi.copy();
            Kernels.applyPauli(l, p);
            return l;
        }
        PauliSum sum = ObservableMeasurement.asPauliSum(o);
        StateVector lambda = StateVector.zeros(psi.numQubits());
        StateVector tmp = StateVector.zeros(psi.numQubits());
        double[] lr = lambda.realArray(), li = lambda.imagArray(), tr = tmp.realArray(), ti = tmp.imagArray();
        for (PauliSum.Term t : sum.terms()) {
            tmp.copyFrom(psi);
            Kernels.applyPauli(tmp, t.pauli());
            double c = t.coefficient();
            for (int i = 0; i < lr.length; i++) {
                lr[i] += c * tr[i];
                li[i] += c * ti[i];
            }
        }
        return lambda;
    }

}
