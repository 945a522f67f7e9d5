package dev.timbre.workspace;

import java.util.List;

/**
 * {@code WorkspaceApiKeyResponseModel}: a key without its secret. {@code permissions} null means all;
 * {@code character_count} is what the key spent in the current accounting period.
 */
public record ApiKeyResponse(String name, String hint, String keyId, String serviceAccountUserId, Long createdAtUnix,
                             boolean isDisabled, List<String> permissions, Long characterLimit, long characterCount) {}
