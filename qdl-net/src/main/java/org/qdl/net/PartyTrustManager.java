package org.qdl.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts only certificates issued by the deployment's CA and, on the client side, only the party the
 * client meant to reach (certificate CN = that party's name): another party's valid certificate
 * does not pass for it. Host name checks are left to the wrapped JDK trust manager.
 */
final class PartyTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager ca;
    private final String expectedParty;

    PartyTrustManager(Path caCertificate, String expectedParty) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(caCertificate)) {
            ks.setCertificateEntry("qdl-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(ks);
        X509ExtendedTrustManager found = null;
        for (TrustManager t : f.getTrustManagers()) if (t instanceof X509ExtendedTrustManager x) found = x;
        if (found == null) throw new GeneralSecurityException("no X.509 trust manager in this JDK");
        this.ca = found;
        this.expectedParty = expectedParty;
    }

    private void checkParty(X509Certificate[] chain) throws CertificateException {
        String cn = AuthInterceptor.commonName(chain[0]);
        if (!expectedParty.equals(cn)) {
            throw new CertificateException("server presented the certificate of '" + cn + "', not of party '" + expectedParty + "'");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        ca.checkServerTrusted(chain, authType, engine);
        checkParty(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        ca.checkServerTrusted(chain, authType, socket);
        checkParty(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        ca.checkServerTrusted(chain, authType);
        checkParty(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        ca.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        ca.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        ca.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return ca.getAcceptedIssuers();
    }
}
