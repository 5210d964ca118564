package org.qdl.protocol;

/** How a classical channel encodes real numbers: the bits each one costs and what survives. */
public enum NumberEncoding {
    FLOAT32(32),
    FLOAT64(64);

    private final int bits;

    NumberEncoding(int bits) {
        this.bits = bits;
    }

    public int bitsPerNumber() {
        return bits;
    }

    /** The value as the receiver gets it. */
    public double roundTrip(double v) {
        return this == FLOAT32 ? (double) (float) v : v;
    }
}
