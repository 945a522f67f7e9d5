package dev.timbre.workspace;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code WorkspaceCreateApiKeyResponseModel}: the new key's secret, shown this once and never again. */
public record CreatedApiKey(@JsonProperty("xi-api-key") String xiApiKey) {}
