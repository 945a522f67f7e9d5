package dev.timbre.convai.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** {@code GetWorkspaceSecretsResponseModel}. */
public record SecretsPage(List<Secret> secrets) {

    /** {@code ConvAIWorkspaceStoredSecretConfig}: never the value. */
    public record Secret(String type, String secretId, String name, UsedBy usedBy) {}

    /** {@code ConvAIStoredSecretDependencies}. */
    public record UsedBy(List<JsonNode> tools, List<JsonNode> agents, List<String> others, List<JsonNode> phoneNumbers) {
        public static final UsedBy NONE = new UsedBy(List.of(), List.of(), List.of(), List.of());
    }
}
