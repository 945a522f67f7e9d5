package dev.timbre.telephony.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sip.header.AuthorizationHeader;
import javax.sip.message.Request;

/**
 * SIP digest authentication as the server (RFC 3261 §22.4, RFC 2617 MD5 with or without {@code qop=auth}): stateless
 * nonces ({@code <unix seconds>.<hmac>}, valid five minutes) and the check of a request's {@code Authorization}
 * header. Thread-safe.
 */
final class DigestAuth {
    static final String REALM = "timbre";
    private static final long NONCE_SECONDS = 300;
    private final byte[] key = new byte[32];
    private final Clock clock;

    DigestAuth(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    /** A fresh nonce for a challenge. */
    String nonce() {
        String t = Long.toString(clock.instant().getEpochSecond());
        return t + "." + hmac(t);
    }

    /** True when {@code request} carries a valid answer to one of our challenges for {@code username}/{@code password}. */
    boolean verify(Request request, String username, String password) {
        AuthorizationHeader a = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
        if (a == null || a.getNonce() == null || a.getResponse() == null || a.getURI() == null) return false;
        if (!username.equals(a.getUsername()) || !REALM.equals(a.getRealm()) || !fresh(a.getNonce())) return false;
        if (a.getAlgorithm() != null && !a.getAlgorithm().equalsIgnoreCase("MD5")) return false;
        String ha1 = md5(username + ":" + REALM + ":" + password);
        String ha2 = md5(request.getMethod() + ":" + a.getURI());
        String qop = a.getQop();
        String expected = qop == null || qop.isEmpty() ? md5(ha1 + ":" + a.getNonce() + ":" + ha2)
                : md5(ha1 + ":" + a.getNonce() + ":" + String.format("%08x", a.getNonceCount()) + ":" + a.getCNonce() + ":" + qop + ":" + ha2);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), a.getResponse().toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }

    private boolean fresh(String nonce) {
        int dot = nonce.indexOf('.');
        if (dot < 0) return false;
        String t = nonce.substring(0, dot);
        if (!MessageDigest.isEqual(hmac(t).getBytes(StandardCharsets.US_ASCII), nonce.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) return false;
        try {
            long age = clock.instant().getEpochSecond() - Long.parseLong(t);
            return age >= 0 && age <= NONCE_SECONDS;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String hmac(String s) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(s.getBytes(StandardCharsets.US_ASCII)), 0, 16);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
