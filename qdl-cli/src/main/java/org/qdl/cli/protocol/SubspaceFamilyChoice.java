package org.qdl.cli.protocol;

import java.util.Map;
import org.qdl.cli.options.Choices;
import org.qdl.protocol.hard.SubspaceFamily;
import org.qdl.protocol.hard.VectorInSubspaceGenerator;

/** {@code qdl scaling --hard --family}: a fixed subspace family, or AUTO (Haar while it is affordable, random circuits above). */
public enum SubspaceFamilyChoice {
    AUTO, HAAR, RANDOM_CIRCUIT;

    /** The family drawn for k qubits. */
    public SubspaceFamily at(int k) {
        return switch (this) {
            case AUTO -> k <= VectorInSubspaceGenerator.MAX_HAAR_QUBITS ? SubspaceFamily.HAAR : SubspaceFamily.RANDOM_CIRCUIT;
            case HAAR -> SubspaceFamily.HAAR;
            case RANDOM_CIRCUIT -> SubspaceFamily.RANDOM_CIRCUIT;
        };
    }

    /** Any case; CIRCUIT is short for RANDOM_CIRCUIT. */
    public static final class Converter extends Choices<SubspaceFamilyChoice> {
        public Converter() {
            super("--family must be AUTO, HAAR or RANDOM_CIRCUIT, got %s", Map.of("AUTO", AUTO, "HAAR", HAAR, "RANDOM_CIRCUIT", RANDOM_CIRCUIT,
                    "CIRCUIT", RANDOM_CIRCUIT), true);
        }
    }
}
