package org.qdl.cli.gnn;

import java.util.List;
import org.qdl.cli.options.Choices;

/** {@code --model poly|prelu|both} of qdl gnn train and graphs: which activations to train, in this order. */
enum Activations {
    POLY("poly"), PRELU("prelu"), BOTH("poly", "prelu");

    private final List<String> names;

    Activations(String... names) {
        this.names = List.of(names);
    }

    /** The activation names the trainers take. */
    List<String> names() {
        return names;
    }

    @Override
    public String toString() {
        return this == BOTH ? "both" : names.get(0);
    }

    static final class Converter extends Choices<Activations> {
        Converter() {
            super("--model must be poly, prelu or both, got '%s'", spelled(Activations.class));
        }
    }
}
