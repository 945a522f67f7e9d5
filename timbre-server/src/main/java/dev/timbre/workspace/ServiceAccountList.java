package dev.timbre.workspace;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code WorkspaceServiceAccountListResponseModel} and its {@code WorkspaceServiceAccountResponseModel} items. */
public record ServiceAccountList(@JsonProperty("service-accounts") List<Item> serviceAccounts) {
    public record Item(String serviceAccountUserId, String name, Long createdAtUnix, @JsonProperty("api-keys") List<ApiKeyResponse> apiKeys) {}
}
