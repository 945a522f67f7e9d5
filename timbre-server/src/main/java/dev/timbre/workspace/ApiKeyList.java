package dev.timbre.workspace;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code WorkspaceApiKeyListResponseModel}. */
public record ApiKeyList(@JsonProperty("api-keys") List<ApiKeyResponse> apiKeys) {}
