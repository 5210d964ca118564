package org.qdl.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.qdl.net.Security;
import org.qdl.sim.InvalidInputException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** How a party server or coordinator authenticates: exactly one of --tls-dir or --secret-file. */
public final class NetSecurityOptions {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    public static final class Choice {
        @Option(names = "--tls-dir", paramLabel = "DIR",
                description = "Mutual TLS with the files 'qdl party certs' wrote in DIR (ca.pem, NAME.pem, NAME.key).")
        Path tlsDir;

        @Option(names = "--secret-file", paramLabel = "FILE",
                description = "Shared secret (HMAC token per call) read from FILE; not encrypted: loopback only.")
        Path secretFile;
    }

    /** The credentials of {@code identity} (the party's or the coordinator's name). */
    public Security security(String identity) throws IOException {
        if (choice.tlsDir != null) return Security.MutualTls.fromDirectory(choice.tlsDir, identity);
        return Security.SharedSecret.fromFile(choice.secretFile);
    }

    public String describe() {
        return choice.tlsDir != null ? "mutual TLS" : "shared secret";
    }

    static void requireNonEmpty(String what, String v) {
        if (v == null || v.isBlank()) throw new InvalidInputException(what + " must not be empty");
    }
}
