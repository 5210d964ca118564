package org.qdl.protocol.noise;

import java.util.ArrayList;
import java.util.List;
import org.qdl.protocol.Link;
import org.qdl.protocol.LocalParty;
import org.qdl.protocol.Network;
import org.qdl.protocol.Party;
import org.qdl.protocol.Register;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.protocol.model.Layer;
import org.qdl.sim.state.StateVector;
import org.qdl.sim.noise.Channel;
import org.qdl.sim.noise.DensityMatrix;

/**
 * The exact noisy output of a model on the network's noisy links, from the density matrix: the
 * same route as {@link DistributedModel#forward} (memory noise of the sender, then the link's
 * channels on arrival, at every change of holder), with every layer applied as UρU†. Validation
 * only, like {@link Network#offTheRecord}: it reads the parties' own layers and observable, so it
 * needs in-process parties, and n ≤ {@value DensityMatrix#MAX_QUBITS}.
 */
public final class DensityReference {
    private DensityReference() {}

    /** The holder changes of one execution, in order (each is one quantum message). */
    public static List<Link> hops(DistributedModel model) {
        List<Link> hops = new ArrayList<>();
        String at = model.dataParty();
        for (DistributedModel.Stage s : model.stages()) {
            if (!s.party().equals(at)) hops.add(new Link(at, s.party()));
            at = s.party();
        }
        if (!model.observableParty().equals(at)) hops.add(new Link(at, model.observableParty()));
        return hops;
    }

    /** Whether {@link #expectation} can run: in-process parties and few enough qubits. */
    public static boolean available(Network net, DistributedModel model) {
        for (Party p : net.parties()) if (!(p instanceof LocalParty)) return false;
        return model.dataQubits(net) <= DensityMatrix.MAX_QUBITS;
    }

    /** Exact ⟨O⟩ (unscaled) under the network's link and memory noise; NaN when not {@link #available}. */
    public static double expectation(Network net, DistributedModel model) {
        if (!available(net, model)) return Double.NaN;
        model.validate(net);
        DensityMatrix rho = net.offTheRecord(() -> {
            Party data = net.party(model.dataParty());
            Register r = data.encode(model.dataKey(), 0);
            StateVector psi = data.release(r);
            return DensityMatrix.pure(psi);
        });
        int n = rho.numQubits();
        int[] all = new int[n];
        for (int q = 0; q < n; q++) all[q] = q;
        String at = model.dataParty();
        for (DistributedModel.Stage s : model.stages()) {
            if (!s.party().equals(at)) hop(net, rho, at, s.party(), all);
            at = s.party();
            Layer layer = ((LocalParty) net.party(s.party())).ownLayer(s.layer());
            rho.applyUnitary(layer::apply);
        }
        if (!model.observableParty().equals(at)) hop(net, rho, at, model.observableParty(), all);
        return rho.expectation(((LocalParty) net.party(model.observableParty())).ownObservable(model.observableKey()));
    }

    private static void hop(Network net, DensityMatrix rho, String from, String to, int[] qubits) {
        for (Channel c : net.memoryNoise(from).channels()) rho.apply(c, qubits);
        for (Channel c : net.linkNoise(from, to).channels()) rho.apply(c, qubits);
    }
}
