package org.qdl.cli.reproduce;

import java.io.Writer;

/** Writes to two writers: a command's stderr is kept (for its error line) and logged. */
final class TeeWriter extends Writer {
    private final Writer a;
    private final Writer b;

    TeeWriter(Writer a, Writer b) {
        this.a = a;
        this.b = b;
    }

    @Override
    public void write(char[] buf, int off, int len) {
        try {
            a.write(buf, off, len);
            b.write(buf, off, len);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void flush() {
        try {
            a.flush();
            b.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        flush();
    }
}
