package dev.timbre.convai.conversation.transport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, time-limited grants to open an agent's conversation socket: the {@code conversation_signature} of a
 * signed URL and the conversation {@code token}. A grant is {@code base64url(agent|expiry|conversation id|kind)}
 * {@code .} {@code base64url(HMAC-SHA256)}. A grant that names a conversation id is single-use: its spending is
 * recorded in {@link UsedGrants} (persistent in the server, so a restart does not let it be replayed). Thread-safe.
 */
public final class ConversationSignatures {
    public static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** A verified grant. {@code conversationId} is null unless the grant fixed one; {@code kind} is signed_url or token. */
    public record Grant(String agentId, String conversationId, String kind) {}

    private final byte[] key;
    private final Clock clock;
    private final UsedGrants used;

    public ConversationSignatures(byte[] key, Clock clock, UsedGrants used) {
        this.key = key.clone();
        this.clock = clock;
        this.used = used;
    }

    /** With a fresh random key and spent grants in memory (tests): grants do not survive a restart. */
    public static ConversationSignatures withRandomKey(Clock clock) {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return new ConversationSignatures(k, clock, UsedGrants.inMemory());
    }

    /** A grant for {@code agentId}; {@code conversationId} may be null. */
    public String sign(String agentId, String conversationId, String kind) {
        long expiry = clock.instant().plus(LIFETIME).getEpochSecond();
        String payload = agentId + "|" + expiry + "|" + (conversationId == null ? "" : conversationId) + "|" + kind;
        return B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(mac(payload));
    }

    /** The grant when {@code token} is valid for {@code agentId}, unexpired and (single-use ones) unused; else empty. */
    public Optional<Grant> verify(String token, String agentId) {
        return check(token, agentId, true);
    }

    /**
     * Whether {@code token} is a valid, unexpired grant for {@code agentId}, without spending it (the widget's
     * configuration may be read with the signature the conversation will then use).
     */
    public boolean valid(String token, String agentId) {
        return check(token, agentId, false).isPresent();
    }

    private Optional<Grant> check(String token, String agentId, boolean spend) {
        if (token == null || agentId == null) return Optional.empty();
        int dot = token.indexOf('.');
        if (dot <= 0) return Optional.empty();
        String payload;
        byte[] given;
        try {
            payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(payload), given)) return Optional.empty();
        String[] parts = payload.split("\\|", -1);
        if (parts.length != 4 || !parts[0].equals(agentId)) return Optional.empty();
        long expiry;
        try {
            expiry = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        long now = clock.instant().getEpochSecond();
        if (now > expiry) return Optional.empty();
        String conversationId = parts[2].isEmpty() ? null : parts[2];
        if (spend && conversationId != null && !used.spend(conversationId, expiry, now)) return Optional.empty();
        return Optional.of(new Grant(agentId, conversationId, parts[3]));
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
