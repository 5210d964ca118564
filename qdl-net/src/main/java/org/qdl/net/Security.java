package org.qdl.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How parties and the coordinator authenticate each other. There is no unauthenticated mode.
 * <ul>
 *   <li>{@link MutualTls}: each side presents a certificate from the deployment's CA ({@code qdl party
 *       certs}); an identity is the certificate's subject CN. Encrypted; for real deployments.</li>
 *   <li>{@link SharedSecret}: an HMAC-SHA256 token per (client, party) in call metadata; not
 *       encrypted, so for loopback use only.</li>
 * </ul>
 */
public sealed interface Security permits Security.MutualTls, Security.SharedSecret {
    /** PEM files: the CA certificate, this process's certificate and its PKCS#8 private key. */
    record MutualTls(Path caCertificate, Path certificate, Path privateKey) implements Security {
        /** The files {@code qdl party certs} wrote for {@code name} in {@code dir}. */
        public static MutualTls fromDirectory(Path dir, String name) throws IOException {
            MutualTls t = new MutualTls(dir.resolve(CertificateAuthority.CA_CERT), dir.resolve(name + ".pem"), dir.resolve(name + ".key"));
            for (Path p : new Path[] {t.caCertificate, t.certificate, t.privateKey}) {
                if (!Files.isRegularFile(p)) throw new java.nio.file.NoSuchFileException(p + " (made by 'qdl party certs --parties …," + name + "')");
            }
            HandshakeDiagnosis.requireConsistent(t);
            return t;
        }
    }

    /** A secret shared by the coordinator and the parties. */
    record SharedSecret(byte[] secret) implements Security {
        public SharedSecret {
            if (secret.length < 16) throw new org.qdl.sim.InvalidInputException("a shared secret needs at least 16 bytes, got " + secret.length);
            secret = secret.clone();
        }

        /** The secret is the file's content with surrounding whitespace removed. */
        public static SharedSecret fromFile(Path file) throws IOException {
            if (Files.isDirectory(file)) throw new org.qdl.sim.InvalidInputException(file + " is a directory, not a secret file");
            try {
                return new SharedSecret(Files.readString(file, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8));
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new org.qdl.sim.InvalidInputException(file + ": a shared secret must be UTF-8 text (e.g. 'openssl rand -hex 32')");
            }
        }

        @Override
        public byte[] secret() {
            return secret.clone();
        }
    }
}
