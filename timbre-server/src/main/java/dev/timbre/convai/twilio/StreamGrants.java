package dev.timbre.convai.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import dev.timbre.convai.conversation.transport.UsedGrants;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, short-lived, single-use grants to open a Media Stream: the TwiML Timbre answers carries one as the
 * stream's {@code timbre_token} parameter, so the socket cannot be opened without the signed webhook (inbound) or the
 * call Timbre placed (outbound). A grant is {@code base64url(json)} {@code .} {@code base64url(HMAC-SHA256)}; spent
 * grants are remembered until they expire in {@link UsedGrants} (the database: a grant spent on one node of a cluster
 * is spent on all). Thread-safe.
 */
final class StreamGrants {
    /** Long enough for an outbound call to ring out and be answered. */
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /**
     * What a stream may do.
     *
     * @param direction {@code inbound} or {@code outbound}
     * @param conversationId the reserved conversation id (outbound); null for a new one
     * @param callSid the call the stream must belong to (inbound); null when not known yet (outbound)
     * @param from the caller's number, {@code to} the called one
     */
    record Grant(String direction, String phoneNumberId, String agentId, String conversationId, String callSid, String from, String to) {}

    private final byte[] key;
    private final Clock clock;
    private final UsedGrants spent;

    StreamGrants(byte[] key, Clock clock, UsedGrants spent) {
        this.key = key.clone();
        this.clock = clock;
        this.spent = spent;
    }

    String sign(Grant g) {
        ObjectNode o = Json.MAPPER.createObjectNode().put("direction", g.direction()).put("phoneNumberId", g.phoneNumberId())
                .put("agentId", g.agentId()).put("conversationId", g.conversationId()).put("callSid", g.callSid())
                .put("from", g.from()).put("to", g.to());
        o.put("exp", clock.instant().plus(LIFETIME).getEpochSecond());
        byte[] payload = Json.write(o).getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(payload) + "." + B64.encodeToString(mac(payload));
    }

    /** The grant of {@code token} when it is authentic, unexpired and unspent (it is spent now); else empty. */
    Optional<Grant> spend(String token) {
        if (token == null) return Optional.empty();
        int dot = token.indexOf('.');
        if (dot <= 0) return Optional.empty();
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            byte[] given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac(payload), given)) return Optional.empty();
            JsonNode o = Json.MAPPER.readTree(payload);
            long exp = o.path("exp").asLong(0), now = clock.instant().getEpochSecond();
            if (now > exp || !markSpent(token.substring(dot + 1), exp, now)) return Optional.empty();
            return Optional.of(new Grant(text(o, "direction"), text(o, "phoneNumberId"), text(o, "agentId"), text(o, "conversationId"),
                    text(o, "callSid"), text(o, "from"), text(o, "to")));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    /** Spends the grant whose signature is {@code signature} (its first 40 characters name it: 240 bits). */
    private boolean markSpent(String signature, long exp, long now) {
        return spent.spend("twilio-" + signature.substring(0, Math.min(40, signature.length())), exp, now);
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
