package dev.timbre.workspace;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The create ({@code name}, {@code permissions}, {@code character_limit}) and edit (also {@code is_enabled}) bodies,
 * read loosely and checked field by field by {@link ApiKeyChecks} so that each mistake gets its own 422 entry.
 */
public record ApiKeyRequest(JsonNode name, JsonNode permissions, JsonNode characterLimit, JsonNode isEnabled) {}
