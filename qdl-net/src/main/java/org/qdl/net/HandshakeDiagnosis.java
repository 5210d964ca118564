package org.qdl.net;

import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.qdl.sim.InvalidInputException;

/**
 * Says why a connection to a party failed when the reason is a configuration mistake rather than a
 * party that is down: certificates from different CAs, or a shared secret sent to a TLS server. gRPC
 * reports all of these as UNAVAILABLE ("io exception", a TLS alert); they become refusals
 * (UNAUTHENTICATED, exit 2) with the file or option to fix. A party that is down stays UNAVAILABLE.
 */
final class HandshakeDiagnosis {
    private HandshakeDiagnosis() {}

    /** A refusal naming what was refused and why, or null when the failure looks operational. */
    static RemotePartyException diagnose(String party, PartyAddress address, String step, Status s, Security security) {
        String who = "party " + party + " at " + address;
        CertificateException cert = cause(s.getCause(), CertificateException.class);
        if (cert != null) {
            return refusal(party, step, who + " was refused during step '" + step + "': TLS handshake failed: its certificate is not"
                    + " accepted (" + cert.getMessage() + ")" + (security instanceof Security.MutualTls t ? "; " + t.caCertificate()
                    + " must be the CA that signed the party's certificate (use the files of one 'qdl party certs' run)" : ""));
        }
        SSLException ssl = cause(s.getCause(), SSLException.class);
        if (ssl != null && ssl.getMessage() != null && ssl.getMessage().startsWith("not an SSL/TLS record")) {
            return refusal(party, step, who + " was refused during step '" + step + "': the party is served with a shared secret"
                    + " (--secret-file, plain text), but this client speaks mutual TLS (--tls-dir)");
        }
        if (ssl != null && ssl.getMessage() != null && ssl.getMessage().contains("ALERT")) {
            String alert = ssl.getMessage().replaceAll(".*(TLSV1_ALERT_[A-Z_]+|SSLV3_ALERT_[A-Z_]+).*", "$1");
            String mine = security instanceof Security.MutualTls t ? " certificate " + t.certificate() : " certificate";
            return refusal(party, step, who + " refused this client's" + mine + " during step '" + step + "': TLS handshake failed ("
                    + alert + "): the party trusts another CA (use the files of one 'qdl party certs' run)");
        }
        if (cause(s.getCause(), java.net.ConnectException.class) != null) return null; // nobody listening: the party is down
        if (security instanceof Security.SharedSecret && speaksTls(address)) {
            return refusal(party, step, who + " was refused during step '" + step + "': the party is served with mutual TLS"
                    + " (--tls-dir), but this client sent a shared-secret token over plain text (--secret-file)");
        }
        return null;
    }

    private static RemotePartyException refusal(String party, String step, String message) {
        return new RemotePartyException(party, step, Status.Code.UNAUTHENTICATED, message);
    }

    private static <T extends Throwable> T cause(Throwable t, Class<T> kind) {
        for (; t != null; t = t.getCause()) if (kind.isInstance(t)) return kind.cast(t);
        return null;
    }

    /** True if the server at {@code address} answers a TLS ClientHello with a certificate (checked, never trusted). */
    static boolean speaksTls(PartyAddress address) {
        X509TrustManager any = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {any}, null);
            try (SSLSocket sock = (SSLSocket) ctx.getSocketFactory().createSocket()) {
                sock.connect(new InetSocketAddress(address.host(), address.port()), 2000);
                sock.setSoTimeout(2000);
                sock.startHandshake();
                return true;
            }
        } catch (SSLException e) {
            // a server that requires a client certificate may abort after sending its own: it still spoke TLS
            return e.getMessage() != null && (e.getMessage().contains("certificate") || e.getMessage().contains("bad_certificate"));
        } catch (IOException | GeneralSecurityException e) {
            return false;
        }
    }

    /** The TLS files of one process must belong together: its certificate signed by its CA. Checked before connecting or serving. */
    static void requireConsistent(Security.MutualTls t) throws IOException {
        try {
            CertificateFactory f = CertificateFactory.getInstance("X.509");
            X509Certificate ca;
            X509Certificate mine;
            try (InputStream in = Files.newInputStream(t.caCertificate())) {
                ca = (X509Certificate) f.generateCertificate(in);
            }
            try (InputStream in = Files.newInputStream(t.certificate())) {
                mine = (X509Certificate) f.generateCertificate(in);
            }
            try {
                mine.verify(ca.getPublicKey());
            } catch (GeneralSecurityException e) {
                throw new InvalidInputException(t.certificate() + " is not signed by the CA in " + t.caCertificate()
                        + " (files from different 'qdl party certs' runs): the other side would refuse it");
            }
        } catch (CertificateException e) {
            throw new InvalidInputException(bad(t.caCertificate(), t.certificate()) + " is not a PEM certificate: " + e.getMessage());
        }
    }

    private static Path bad(Path ca, Path cert) {
        try (InputStream in = Files.newInputStream(ca)) {
            CertificateFactory.getInstance("X.509").generateCertificate(in);
            return cert;
        } catch (IOException | CertificateException e) {
            return ca;
        }
    }
}
