package dev.timbre.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * ElevenLabs' webhook signature: header {@code ElevenLabs-Signature: t=<unix seconds>,v0=<lowercase hex HMAC-SHA256 of
 * "t.body" keyed with the secret (UTF-8)>}, computed over exactly the body bytes that are sent.
 */
public final class WebhookSignature {
    public static final String HEADER = "ElevenLabs-Signature";

    private WebhookSignature() {}

    /** The header value for {@code body} sent at {@code timestampSecs} (unix seconds). */
    public static String of(String secret, long timestampSecs, String body) {
        Mac mac = mac(secret);
        byte[] h = mac.doFinal((timestampSecs + "." + body).getBytes(StandardCharsets.UTF_8));
        return "t=" + timestampSecs + ",v0=" + HexFormat.of().formatHex(h);
    }

    /** The header value for the body read from {@code body} to its end (the caller closes it). */
    public static String of(String secret, long timestampSecs, InputStream body) throws IOException {
        Mac mac = mac(secret);
        mac.update((timestampSecs + ".").getBytes(StandardCharsets.UTF_8));
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = body.read(buffer)) > 0; ) mac.update(buffer, 0, n);
        return "t=" + timestampSecs + ",v0=" + HexFormat.of().formatHex(mac.doFinal());
    }

    private static Mac mac(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
