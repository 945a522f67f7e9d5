package dev.timbre.convai.widget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.convai.agents.AgentsService;
import dev.timbre.convai.conversation.OriginAllowlist;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.storage.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The agent widget's use cases: its configuration for a {@link Visitor} (an API key reads any agent; without one the
 * agent must not require authentication, unless a valid {@code conversation_signature} comes, and the page's origin
 * must be in its allowlist), the avatar image (stored in the blob store under {@link #BLOB_PREFIX}, the agent's
 * {@code platform_settings.widget.avatar} set to it; the previous one removed), and the talk-to page's agent.
 * Thread-safe.
 */
public final class WidgetService {
    /** Blob keys: {@code convai/widget-avatars/<agent_id>/<sha-256 prefix>.<ext>}. */
    public static final String BLOB_PREFIX = "convai/widget-avatars/";
    /** The largest avatar image accepted. */
    public static final int MAX_AVATAR_BYTES = 2 * 1024 * 1024;

    private final AgentsService agents;
    private final BlobStore blobs;
    private final BiPredicate<String, String> validSignature;

    /** {@code validSignature}: (signature, agent id) → whether it is a valid, unexpired conversation grant. */
    public WidgetService(AgentsService agents, BlobStore blobs, BiPredicate<String, String> validSignature) {
        this.agents = agents;
        this.blobs = blobs;
        this.validSignature = validSignature;
    }

    /** {@code GetAgentEmbedResponseModel}; 404 unknown agent, 401 an agent that needs authentication, 403 an origin not allowed. */
    public ObjectNode embed(String agentId, Visitor visitor) {
        ObjectNode agent = agents.get(agentId);
        admit(agentId, agent, visitor);
        return WidgetConfig.response(agentId, agent);
    }

    private void admit(String agentId, JsonNode agent, Visitor v) {
        if (v.hasKey()) return;
        JsonNode auth = agent.path("platform_settings").path("auth");
        boolean signed = v.signature() != null && !v.signature().isBlank() && validSignature.test(v.signature(), agentId);
        if (auth.path("enable_auth").asBoolean(false) && !signed) {
            throw ApiException.unauthorized("needs_authorization", "This agent requires authentication: call with an API key, or with a "
                    + "conversation_signature from GET /v1/convai/conversation/get-signed-url.");
        }
        if (!OriginAllowlist.allows(auth.path("allowlist"), v.origin())) {
            throw ApiException.forbidden("origin_not_allowed", "The origin " + (v.origin() == null ? "(none)" : "'" + v.origin() + "'")
                    + " is not in this agent's allowlist (platform_settings.auth.allowlist).");
        }
    }

    /**
     * Whether a keyless caller from {@code origin} may act on a conversation of {@code agentId} (overall feedback from
     * the widget): the agent exists, needs no authentication, and allows the origin.
     */
    public boolean publicFor(String agentId, String origin) {
        try {
            JsonNode auth = agents.get(agentId).path("platform_settings").path("auth");
            return !auth.path("enable_auth").asBoolean(false) && OriginAllowlist.allows(auth.path("allowlist"), origin);
        } catch (ApiException notFound) {
            return false;
        }
    }

    /**
     * Stores {@code image} as the agent's widget avatar, served at {@code publicBase + "/" + agentId + "/" + file};
     * returns {@code PostAgentAvatarResponseModel}. 404 unknown agent; 422 on {@code avatar_file} for anything but
     * PNG, JPEG, GIF or WebP; 413 above {@link #MAX_AVATAR_BYTES}.
     */
    public ObjectNode setAvatar(String agentId, byte[] image, String publicBase) {
        JsonNode before = agents.get(agentId);
        if (image.length > MAX_AVATAR_BYTES) throw ApiException.tooLarge("The avatar image is larger than " + (MAX_AVATAR_BYTES >> 20) + " MiB");
        AvatarImages type = AvatarImages.sniff(image).orElseThrow(() -> ApiException.invalid(
                "The avatar must be a PNG, JPEG, GIF or WebP image", "value_error", "body", "avatar_file"));
        String file = sha256(image).substring(0, 16) + "." + type.extension;
        String key = BLOB_PREFIX + agentId + "/" + file;
        String url = publicBase + "/" + agentId + "/" + file;
        try {
            blobs.put(key, image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode patch = Json.MAPPER.createObjectNode();
        ObjectNode avatar = patch.putObject("platform_settings").putObject("widget").putObject("avatar");
        avatar.put("type", "image");
        avatar.put("url", url);
        try {
            agents.update(agentId, patch);
        } catch (RuntimeException e) {
            deleteQuietly(key);
            throw e;
        }
        storedFile(agentId, before).filter(old -> !old.equals(file)).ifPresent(old -> deleteQuietly(BLOB_PREFIX + agentId + "/" + old));
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("agent_id", agentId);
        out.put("avatar_url", url);
        return out;
    }

    /** A stored avatar: its bytes and type; empty when the agent's current avatar is not {@code file}. */
    public Optional<Avatar> avatar(String agentId, String file) {
        Optional<AvatarImages> type = AvatarImages.ofFileName(file);
        if (type.isEmpty() || !dev.timbre.common.Ids.isSafe(agentId)) return Optional.empty();
        try {
            return blobs.get(BLOB_PREFIX + agentId + "/" + file).map(bytes -> new Avatar(bytes, type.get().contentType));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Avatar(byte[] bytes, String contentType) {}

    /** Whether {@code key} is some agent's current avatar (the start-up orphan sweep removes the rest). */
    public boolean holdsBlob(String key) {
        if (!key.startsWith(BLOB_PREFIX)) return false;
        String[] parts = key.substring(BLOB_PREFIX.length()).split("/");
        if (parts.length != 2) return false;
        try {
            return storedFile(parts[0], agents.get(parts[0])).map(parts[1]::equals).orElse(false);
        } catch (ApiException notFound) {
            return false;
        }
    }

    /** The agent for the talk-to page: its name and view; empty when unknown. */
    public Optional<ObjectNode> agent(String agentId) {
        if (agentId == null || !dev.timbre.common.Ids.isSafe(agentId)) return Optional.empty();
        try {
            return Optional.of(agents.get(agentId));
        } catch (ApiException notFound) {
            return Optional.empty();
        }
    }

    /** The file name of the agent's current uploaded avatar, if its widget avatar is one. */
    private static Optional<String> storedFile(String agentId, JsonNode agent) {
        JsonNode a = agent.path("platform_settings").path("widget").path("avatar");
        String url = a.path("url").asText("");
        String marker = WidgetRoutes.AVATARS + "/" + agentId + "/";
        int at = url.indexOf(marker);
        if (!"image".equals(a.path("type").asText()) || at < 0) return Optional.empty();
        String file = url.substring(at + marker.length());
        return AvatarImages.ofFileName(file).map(t -> file);
    }

    private void deleteQuietly(String key) {
        try {
            blobs.delete(key);
        } catch (IOException ignored) {
            // a leftover blob is removed by the next start's orphan sweep
        }
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
