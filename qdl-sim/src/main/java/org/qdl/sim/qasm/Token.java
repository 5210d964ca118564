package org.qdl.sim.qasm;

/** One lexical token with the 1-based line and column of its first character. */
record Token(Kind kind, String text, int line, int column) {
    enum Kind { IDENT, INT, REAL, STRING, SYMBOL, EOF }

    boolean is(String symbolOrWord) {
        return (kind == Kind.SYMBOL || kind == Kind.IDENT) && text.equals(symbolOrWord);
    }

    /** How the token reads in an error message. */
    String describe() {
        return switch (kind) {
            case EOF -> "end of file";
            case STRING -> "string \"" + text + "\"";
            case IDENT -> "'" + text + "'";
            default -> "'" + text + "'";
        };
    }
}
