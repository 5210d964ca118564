package org.qdl.cli.gnn;

import org.qdl.cli.options.Choices;

/** {@code --folds} of qdl gnn graphs: stratified folds drawn from the seed, or the 10fold_idx files shipped with the data. */
enum FoldSource {
    STRATIFIED, FILE;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static final class Converter extends Choices<FoldSource> {
        Converter() {
            super("--folds must be stratified or file, got '%s'", spelled(FoldSource.class));
        }
    }
}
