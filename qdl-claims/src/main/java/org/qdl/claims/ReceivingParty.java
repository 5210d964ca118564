package org.qdl.claims;

import java.util.Set;
import org.qdl.protocol.LayerShape;
import org.qdl.protocol.Party;
import org.qdl.protocol.ProtocolException;
import org.qdl.protocol.Register;
import org.qdl.protocol.RegisterStore;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.state.StateVector;

/**
 * A party that only receives registers and measures them in its own way (no data to encode, no
 * layers): the base of the claims' receivers, which measure in bases a dense observable could not
 * express at large N. Subclasses read a held register's state through {@link #state(Register)}.
 */
public abstract class ReceivingParty implements Party {
    private final String name;
    private final RegisterStore registers;

    protected ReceivingParty(String name) {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new InvalidInputException("party name '" + name + "' must start with a letter and use only letters, digits, '_' and '-'");
        }
        this.name = name;
        this.registers = new RegisterStore(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> dataKeys() {
        return Set.of();
    }

    @Override
    public Set<String> layerKeys() {
        return Set.of();
    }

    @Override
    public LayerShape layerShape(String layerKey) {
        throw new ProtocolException(name + " holds no layer named " + layerKey);
    }

    @Override
    public int dataLength(String dataKey) {
        throw new ProtocolException(name + " holds no data named " + dataKey);
    }

    @Override
    public Register encode(String dataKey, int ancillas) {
        throw new ProtocolException(name + " holds no data named " + dataKey);
    }

    @Override
    public double dataNorm(String dataKey) {
        throw new ProtocolException(name + " holds no data named " + dataKey);
    }

    @Override
    public void apply(String layerKey, Register register) {
        throw new ProtocolException(name + " holds no layer named " + layerKey);
    }

    @Override
    public void applyInverse(String layerKey, Register register) {
        throw new ProtocolException(name + " holds no layer named " + layerKey);
    }

    @Override
    public StateVector release(Register register) {
        return registers.remove(register);
    }

    @Override
    public void accept(Register register, StateVector state) {
        registers.put(register, state);
    }

    @Override
    public void discard(Register register) {
        registers.remove(register);
    }

    /** The state of a register this party holds (its own measurement apparatus reads it). */
    protected StateVector state(Register r) {
        return registers.state(r);
    }

    @Override
    public String toString() {
        return "Party[" + name + "]";
    }
}
