package dev.timbre.convai.knowledgebase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.timbre.http.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * An agent's {@code conversation_config.agent.prompt.knowledge_base} locators ({@code KnowledgeBaseLocator}:
 * type, name, id, usage_mode with default {@code auto}). Stateless.
 */
public final class Locators {
    private Locators() {}

    /** The locators of a full agent configuration (as stored or as {@code GET /agents/{id}} returns it). */
    public static List<JsonNode> of(JsonNode agentConfig) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode l : agentConfig.at("/conversation_config/agent/prompt/knowledge_base")) {
            if (l.path("id").isTextual()) out.add(l);
        }
        return out;
    }

    /** The ids of the locators with {@code usage_mode} {@code mode} (prompt or auto). */
    public static List<String> ids(JsonNode agentConfig, String mode) {
        return of(agentConfig).stream().filter(l -> l.path("usage_mode").asText("auto").equals(mode))
                .map(l -> l.get("id").asText()).distinct().toList();
    }

    public static boolean uses(JsonNode agentConfig, String documentId) {
        return of(agentConfig).stream().anyMatch(l -> l.get("id").asText().equals(documentId));
    }

    /** The agent's {@code knowledge_base} list without the locators of {@code documentId}. */
    static ArrayNode without(JsonNode agentConfig, String documentId) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (JsonNode l : agentConfig.at("/conversation_config/agent/prompt/knowledge_base")) {
            if (!documentId.equals(l.path("id").asText(null))) out.add(l);
        }
        return out;
    }
}
