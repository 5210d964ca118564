package org.qdl.claims.linear;

import java.util.Set;
import java.util.SplittableRandom;
import org.qdl.claims.ReceivingParty;
import org.qdl.protocol.ProtocolException;
import org.qdl.protocol.Register;
import org.qdl.sim.state.AmplitudeEncoding;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.state.StateVector;

/**
 * Bob in the quantum inner-product protocol: he holds w privately and one measurement,
 * {@value #OVERLAP}, on registers carrying |φ⟩ = (|x̂⟩ + |N⟩)/√2 (x̂ in the first N amplitudes,
 * amplitude 1/√2 on basis state N). With a = (ŵ, 0) and b = |N⟩ he measures the projectors onto
 * u± = (a ± b)/√2 (outcomes ±1) and their complement (outcome 0): p± = (1 ± c)²/4, so the mean is
 * c = ⟨ŵ, x̂⟩, sign included, and every outcome lies in [−1, 1]. (A swap test would give only c².)
 *
 * <p>A measurement in a basis containing u± needs no N×N matrix: p± = |⟨u±|φ⟩|², so the party is
 * written as a {@link ReceivingParty} rather than as a {@link
 * org.qdl.protocol.LocalParty} with a dense observable.
 */
public final class InnerProductReceiver extends ReceivingParty {
    public static final String OVERLAP = "overlap";

    private final double[] wHat; // ŵ = w/‖w‖, zero-padded; private
    private final int length; // N

    public InnerProductReceiver(String name, double[] w) {
        super(name);
        this.wHat = AmplitudeEncoding.encode(w).state().realArray().clone();
        this.length = w.length;
    }

    @Override
    public Set<String> observableKeys() {
        return Set.of(OVERLAP);
    }

    /** Probabilities {p+, p−} of the outcomes ±1 on the register's state. */
    private double[] probabilities(StateVector s) {
        if (s.dimension() <= length) {
            throw new ProtocolException("a register of " + s.numQubits() + " qubits cannot carry the N = " + length + " data amplitudes and the reference amplitude");
        }
        double[] re = s.realArray(), im = s.imagArray();
        double ar = 0, ai = 0; // ⟨a|φ⟩
        for (int i = 0; i < length; i++) {
            ar += wHat[i] * re[i];
            ai += wHat[i] * im[i];
        }
        double br = re[length], bi = im[length]; // ⟨b|φ⟩
        // p± = |⟨a|φ⟩ ± ⟨b|φ⟩|² / 2
        double pp = (ar + br) * (ar + br) * 0.5 + (ai + bi) * (ai + bi) * 0.5;
        double pm = (ar - br) * (ar - br) * 0.5 + (ai - bi) * (ai - bi) * 0.5;
        return new double[] {pp, pm};
    }

    @Override
    protected synchronized double[] sample(String observableKey, Register register, int shots, long seed) {
        requireOverlap(observableKey);
        if (shots < 1) throw new InvalidInputException("need at least one shot, got " + shots);
        double[] p = probabilities(state(register));
        discard(register); // the measurement consumes the copy
        SplittableRandom rng = new SplittableRandom(seed);
        double[] out = new double[shots];
        for (int k = 0; k < shots; k++) {
            double u = rng.nextDouble();
            out[k] = u < p[0] ? 1 : u < p[0] + p[1] ? -1 : 0;
        }
        return out;
    }

    @Override
    public synchronized double exactExpectation(String observableKey, Register register) {
        requireOverlap(observableKey);
        double[] p = probabilities(state(register));
        return p[0] - p[1];
    }

    private void requireOverlap(String key) {
        if (!OVERLAP.equals(key)) throw new ProtocolException(name() + " holds no observable named " + key + " (it holds [" + OVERLAP + "])");
    }

    /** Outcome range, for Hoeffding: every single-shot outcome is in [−1, 1]. */
    public static double[] outcomeRange() {
        return new double[] {-1, 1};
    }
}
