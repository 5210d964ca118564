package org.qdl.protocol;

/**
 * How a party applies one of its layers: as it is, inverted, or in one of the variants the
 * gradient protocols need. Only the holder can build a variant (it knows the generators and
 * angles), so a protocol names the variant and the holder carries it out.
 */
public sealed interface LayerVariant {
    /** U(θ). */
    LayerVariant PLAIN = new Plain();
    /** U(θ)†. */
    LayerVariant INVERSE = new Inverse();

    record Plain() implements LayerVariant {}

    record Inverse() implements LayerVariant {}

    /** U(θ) with rotation step {@code step}'s angle moved by {@code shift} (parameter-shift rule). */
    record Shifted(int step, double shift) implements LayerVariant {}

    /**
     * U(θ) with, right after rotation step {@code step}, a Hadamard on qubit {@code control} and the
     * step's generator controlled on it: the holder's half of a Hadamard test.
     */
    record ControlledGenerator(int step, int control) implements LayerVariant {}
}
