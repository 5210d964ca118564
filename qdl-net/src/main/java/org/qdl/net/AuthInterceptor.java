package org.qdl.net;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Set;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Establishes who is calling before any party operation runs: the client's certificate CN (mutual
 * TLS) or the name whose HMAC token verifies (shared secret). Unknown or unverifiable callers get
 * UNAUTHENTICATED, authenticated callers not on the allow list PERMISSION_DENIED; both with a
 * message that says why. The identity is put in the call's {@link Context} for the service.
 */
final class AuthInterceptor implements ServerInterceptor {
    static final Metadata.Key<String> CLIENT = Metadata.Key.of("qdl-client", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> TOKEN = Metadata.Key.of("qdl-token", Metadata.ASCII_STRING_MARSHALLER);
    static final Context.Key<String> IDENTITY = Context.key("qdl-client-identity");

    private final String party;
    private final Security security;
    private final Set<String> allowedClients;

    AuthInterceptor(String party, Security security, Set<String> allowedClients) {
        this.party = party;
        this.security = security;
        this.allowedClients = Set.copyOf(allowedClients);
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String claimed = headers.get(CLIENT);
        String identity;
        if (security instanceof Security.MutualTls) {
            String cn = certificateName(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
            if (cn == null) return reject(call, Status.UNAUTHENTICATED, "party " + party + " requires a client certificate from its CA (mutual TLS)");
            if (claimed != null && !claimed.equals(cn)) {
                return reject(call, Status.UNAUTHENTICATED, "client claims to be '" + claimed + "' but its certificate is for '" + cn + "'");
            }
            identity = cn;
        } else {
            byte[] secret = ((Security.SharedSecret) security).secret();
            String token = headers.get(TOKEN);
            if (claimed == null || token == null) {
                return reject(call, Status.UNAUTHENTICATED, "party " + party + " requires the shared-secret headers qdl-client and qdl-token");
            }
            if (!HmacToken.matches(secret, claimed, party, token)) {
                return reject(call, Status.UNAUTHENTICATED, "token of client '" + claimed + "' does not verify at party " + party
                        + ": wrong shared secret, or a token made for another party");
            }
            identity = claimed;
        }
        // Accept is also how peers deliver registers (SendTo); the session decides whom it takes them from.
        boolean delivery = call.getMethodDescriptor().getBareMethodName().equals("Accept");
        if (!delivery && !allowedClients.contains(identity)) {
            return reject(call, Status.PERMISSION_DENIED, "client '" + identity + "' may not drive party " + party + " (allowed: " + allowedClients + ")");
        }
        return Contexts.interceptCall(Context.current().withValue(IDENTITY, identity), call, headers, next);
    }

    private static String certificateName(SSLSession ssl) {
        if (ssl == null) return null;
        try {
            Certificate[] chain = ssl.getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate x)) return null;
            return commonName(x);
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    /** The CN of a certificate's subject (null if none). */
    static String commonName(X509Certificate c) {
        try {
            for (javax.naming.ldap.Rdn rdn : new javax.naming.ldap.LdapName(c.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) return rdn.getValue().toString();
            }
        } catch (javax.naming.InvalidNameException e) {
            return null;
        }
        return null;
    }

    private static <Q, R> ServerCall.Listener<Q> reject(ServerCall<Q, R> call, Status code, String message) {
        call.close(code.withDescription(message), new Metadata());
        return new ServerCall.Listener<>() {};
    }
}
