package org.qdl.net;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.qdl.protocol.LocalParty;

/**
 * A small certificate authority for one deployment: a self-signed CA and, for each party (and the
 * coordinator), an EC P-256 key and a certificate with subject CN = its name, usable for both TLS
 * server and client authentication, valid for the given hosts. Files: ca.pem (trust anchor),
 * ca.key (keep offline), NAME.pem and NAME.key (PKCS#8, owner-only permissions).
 */
public final class CertificateAuthority {
    public static final String CA_CERT = "ca.pem";
    public static final String CA_KEY = "ca.key";

    private final KeyPair caKeys;
    private final X509Certificate caCert;
    private final SecureRandom random = new SecureRandom();
    private final Duration validity;

    public CertificateAuthority(String caName, Duration validity) throws GeneralSecurityException {
        this.validity = validity;
        this.caKeys = newKeyPair();
        X500Name subject = new X500Name("CN=" + caName);
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = builder(subject, subject, caKeys)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(caKeys.getPublic()));
            this.caCert = sign(b);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot build the CA certificate", e);
        }
    }

    /** Writes the CA and one certificate per name into {@code dir}; returns the files written. */
    public static List<Path> writeDeployment(Path dir, List<String> names, List<String> hosts, Duration validity)
            throws IOException, GeneralSecurityException {
        for (String n : names) new LocalParty(n); // same naming rule as parties: CN must be a plain name
        Files.createDirectories(dir);
        CertificateAuthority ca = new CertificateAuthority("qdl deployment CA", validity);
        List<Path> out = new ArrayList<>();
        out.add(write(dir.resolve(CA_CERT), pem(ca.caCert), false));
        out.add(write(dir.resolve(CA_KEY), pem(new JcaPKCS8Generator(ca.caKeys.getPrivate(), null)), true));
        for (String n : names) {
            KeyPair kp = newKeyPair();
            X509Certificate c = ca.issue(n, kp, hosts);
            out.add(write(dir.resolve(n + ".pem"), pem(c), false));
            out.add(write(dir.resolve(n + ".key"), pem(new JcaPKCS8Generator(kp.getPrivate(), null)), true));
        }
        return out;
    }

    /** A certificate for {@code name} (CN) valid for the given DNS names / IP addresses. */
    public X509Certificate issue(String name, KeyPair keys, List<String> hosts) throws GeneralSecurityException {
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            List<GeneralName> sans = new ArrayList<>();
            for (String h : hosts) {
                boolean ip = h.matches("[0-9.]+") || h.contains(":");
                sans.add(ip ? new GeneralName(GeneralName.iPAddress, InetAddress.getByName(h).getHostAddress()) : new GeneralName(GeneralName.dNSName, h));
            }
            X509v3CertificateBuilder b = builder(X500Name.getInstance(caCert.getSubjectX500Principal().getEncoded()),
                    new X500Name("CN=" + name), keys)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
                    .addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(new GeneralName[0])))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert));
            return signWith(b, caKeys);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot build the certificate for " + name, e);
        }
    }

    private X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, random).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject, keys.getPublic());
    }

    private X509Certificate sign(X509v3CertificateBuilder b) throws GeneralSecurityException {
        return signWith(b, caKeys);
    }

    private static X509Certificate signWith(X509v3CertificateBuilder b, KeyPair signer) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign a certificate", e);
        }
    }

    static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static String pem(Object o) throws IOException {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(o);
        }
        return sw.toString();
    }

    private static Path write(Path p, String text, boolean secret) throws IOException {
        Files.writeString(p, text);
        if (secret) {
            try {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: leave permissions to the operator
            }
        }
        return p;
    }
}
