package org.qdl.claims.privacy;

import java.util.Set;
import org.qdl.claims.ReceivingParty;
import org.qdl.protocol.ProtocolException;
import org.qdl.protocol.Register;

/**
 * An honest-but-curious receiver: instead of (or besides) running the protocol's measurement, it
 * spends the copies it received on reconstructing the sender's x̂ ({@link AmplitudeReconstruction}).
 */
public final class CuriousReceiver extends ReceivingParty {
    public CuriousReceiver(String name) {
        super(name);
    }

    @Override
    public Set<String> observableKeys() {
        return Set.of();
    }

    @Override
    protected double[] sample(String observableKey, Register register, int shots, long seed) {
        throw new ProtocolException(name() + " holds no observable named " + observableKey);
    }

    @Override
    public double exactExpectation(String observableKey, Register register) {
        throw new ProtocolException(name() + " holds no observable named " + observableKey);
    }

    /** Measures {@code copies} copies of the register's state (one per execution) and estimates x̂. */
    public double[] reconstruct(Register register, int copies, long seed) {
        double[] est = AmplitudeReconstruction.estimate(state(register), copies, seed);
        discard(register);
        return est;
    }
}
