package org.qdl.cli.reproduce;

/** QUICK: small N, few epochs and folds (CI, minutes); FULL: the paper's and the authors' schedules (hours). */
public enum Mode {
    QUICK,
    FULL
}
