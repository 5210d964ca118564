package org.qdl.net;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The shared-secret token of party.proto: hex(HMAC-SHA256(secret, "qdl-party-v1\n" + client + "\n" +
 * party)). Binding the party's name means a token presented to the wrong party fails.
 */
public final class HmacToken {
    private HmacToken() {}

    public static String of(byte[] secret, String client, String party) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] tag = mac.doFinal(("qdl-party-v1\n" + client + "\n" + party).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /** Constant-time comparison, so the check leaks nothing about the expected token. */
    public static boolean matches(byte[] secret, String client, String party, String token) {
        byte[] want = of(secret, client, party).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(want, token.getBytes(StandardCharsets.US_ASCII));
    }
}
