package org.qdl.protocol;

/** A classical link between two parties; every message's bits are recorded in the ledger. */
public final class ClassicalChannel {
    private final Network network;
    private final String a;
    private final String b;

    ClassicalChannel(Network network, String a, String b) {
        this.network = network;
        this.a = a;
        this.b = b;
    }

    /** Sends real numbers; returns them as the receiver gets them (rounded to the encoding). */
    public double[] send(String from, double[] values, NumberEncoding encoding, String label) {
        String to = other(from);
        double[] received = new double[values.length];
        for (int i = 0; i < values.length; i++) received[i] = encoding.roundTrip(values[i]);
        long bits = (long) values.length * encoding.bitsPerNumber();
        network.record(new Transfer(new Link(from, to), 0, bits, 0, label));
        return received;
    }

    /** Sends a message of the given size whose content the simulation does not need to carry. */
    public void sendBits(String from, long bits, String label) {
        if (bits <= 0) throw new ProtocolException("a classical message must have at least one bit, got " + bits);
        network.record(new Transfer(new Link(from, other(from)), 0, bits, 0, label));
    }

    private String other(String from) {
        if (from.equals(a)) return b;
        if (from.equals(b)) return a;
        throw new ProtocolException(from + " is not on the classical channel " + a + "–" + b);
    }
}
