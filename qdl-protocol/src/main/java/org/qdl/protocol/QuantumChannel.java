package org.qdl.protocol;

/**
 * A quantum link between two parties. Sending moves a register from its holder to the other end
 * and records its qubits (ancillas included) in the ledger. A noisy link ({@link Network#setLinkNoise})
 * applies its channels to every qubit on arrival; a lossy one has its lost attempts recorded.
 */
public final class QuantumChannel {
    private final Network network;
    private final String a;
    private final String b;

    QuantumChannel(Network network, String a, String b) {
        this.network = network;
        this.a = a;
        this.b = b;
    }

    /** Sends the register from its holder (one end of this channel) to the other end. */
    public void send(Register register, String label) {
        String from = register.holder();
        String to;
        if (from.equals(a)) to = b;
        else if (from.equals(b)) to = a;
        else throw new ProtocolException("register " + register.id() + " is held by " + from + ", who is not on the channel " + a + "–" + b);
        Party sender = network.party(from), receiver = network.party(to);
        network.beforeSend(sender, register);
        long wire = network.transport().deliver(sender, receiver, register);
        register.moveTo(to);
        network.record(new Transfer(new Link(from, to), register.numQubits(), 0, wire, label));
        network.afterDelivery(receiver, register, new Link(from, to));
    }

    public String endA() {
        return a;
    }

    public String endB() {
        return b;
    }
}
