package dev.timbre.convai.twilio;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}): base64 of HMAC-SHA1, keyed with the account's auth token,
 * over the full URL Twilio requested followed by each POST parameter's name and value, names sorted (several values
 * of one name sorted too). Stateless.
 */
final class TwilioSignature {
    private TwilioSignature() {}

    static String compute(String authToken, String url, Map<String, List<String>> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, values) -> values.stream().sorted().forEach(v -> data.append(name).append(v)));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is unavailable", e);
        }
    }

    /** Whether {@code signature} signs {@code url} and {@code params} with {@code authToken}; false for a missing one. */
    static boolean valid(String authToken, String url, Map<String, List<String>> params, String signature) {
        if (authToken == null || authToken.isEmpty() || signature == null || signature.isBlank()) return false;
        byte[] expected = compute(authToken, url, params).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
