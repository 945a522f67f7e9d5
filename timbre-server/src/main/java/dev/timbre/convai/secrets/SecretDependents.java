package dev.timbre.convai.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.convai.agents.AgentsService;
import dev.timbre.convai.settings.SettingsService;
import dev.timbre.convai.tools.ToolsService;
import dev.timbre.http.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * What refers to a secret through a {@code {"secret_id": …}} locator: workspace tools, agents (their {@code custom_llm}
 * key, inline webhook tools' headers…) and the conversation initiation webhook of the settings. Phone numbers join
 * when they exist.
 */
public interface SecretDependents {
    SecretDependents NONE = secretId -> SecretsPage.UsedBy.NONE;

    SecretsPage.UsedBy of(String secretId);

    static SecretDependents of(ToolsService tools, AgentsService agents, SettingsService settings) {
        return secretId -> {
            List<JsonNode> toolRefs = new ArrayList<>();
            tools.usingSecret(secretId).forEach(t -> toolRefs.add(Json.MAPPER.createObjectNode()
                    .put("id", t.toolId()).put("name", t.name()).put("type", "available")
                    .put("created_at_unix_secs", t.createdAtUnix()).put("access_level", "admin")));
            List<JsonNode> agentRefs = new ArrayList<>();
            agents.usingSecret(secretId).forEach(a -> agentRefs.add(Json.MAPPER.createObjectNode()
                    .put("id", a.agentId()).put("name", a.name()).put("type", "available")
                    .put("created_at_unix_secs", a.createdAtUnix()).put("access_level", "admin")));
            List<String> others = new ArrayList<>();
            JsonNode hook = settings.settings().get("conversation_initiation_client_data_webhook");
            if (hook != null && ToolsService.refersTo(hook, secretId)) others.add("conversation_initiation_webhook");
            return new SecretsPage.UsedBy(List.copyOf(toolRefs), List.copyOf(agentRefs), List.copyOf(others), List.of());
        };
    }
}
