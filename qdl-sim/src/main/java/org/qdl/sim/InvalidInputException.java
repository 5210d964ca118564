package org.qdl.sim;

/**
 * A user mistake (bad file, bad value, impossible configuration). Front ends report its message in
 * one line and exit with a usage error; anything else escaping is treated as an internal error.
 */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
