package org.qdl.sim.qasm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test resources shared by the QASM tests. */
final class QasmTestSupport {
    private QasmTestSupport() {}

    static String resource(String name) {
        try (InputStream in = QasmTestSupport.class.getResourceAsStream("/qasm/" + name)) {
            if (in == null) throw new IllegalStateException("missing test resource /qasm/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** qelib1.inc's definitions as user gates (no include). */
    static String qelib1Definitions() {
        return resource("qelib1-definitions.inc");
    }
}
