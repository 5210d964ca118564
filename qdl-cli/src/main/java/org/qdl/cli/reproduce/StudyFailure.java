package org.qdl.cli.reproduce;

/** A study could not run to its end (a command it called failed); the report says which and why. */
public final class StudyFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StudyFailure(String message) {
        super(message);
    }
}
