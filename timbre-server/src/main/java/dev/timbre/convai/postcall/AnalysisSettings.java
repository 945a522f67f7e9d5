package dev.timbre.convai.postcall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to analyse, read from an agent's configuration: {@code platform_settings.evaluation.criteria[]} (prompt criteria),
 * {@code platform_settings.data_collection} (item id → {@code LiteralJsonSchemaProperty}) and the language of the call.
 * Entries without an id (or with an unknown data type) are skipped: they were never valid agent configuration.
 *
 * @param language ISO 639-1 code the summary is written in ({@code conversation_config.agent.language}, else {@code en})
 */
public record AnalysisSettings(List<Criterion> criteria, Map<String, DataItem> dataCollection, String language) {
    static final List<String> DATA_TYPES = List.of("string", "number", "integer", "boolean");

    public AnalysisSettings {
        criteria = List.copyOf(criteria);
        dataCollection = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dataCollection));
        language = language == null || language.isBlank() ? "en" : language;
    }

    /** A {@code PromptEvaluationCriteria}. */
    public record Criterion(String id, String name, String goalPrompt) {}

    /** A data collection item; {@code schema} is its {@code LiteralJsonSchemaProperty} as configured. */
    public record DataItem(String id, String type, String description, ObjectNode schema) {}

    public static final AnalysisSettings NONE = new AnalysisSettings(List.of(), Map.of(), "en");

    /** From an agent's configuration ({@code GetAgentResponseModel}); missing parts mean nothing to evaluate. */
    public static AnalysisSettings of(JsonNode agent) {
        if (agent == null || !agent.isObject()) return NONE;
        List<Criterion> criteria = new ArrayList<>();
        for (JsonNode c : agent.at("/platform_settings/evaluation/criteria")) {
            String id = c.path("id").asText("");
            if (id.isBlank()) continue;
            criteria.add(new Criterion(id, c.path("name").asText(id), c.path("conversation_goal_prompt").asText("")));
        }
        Map<String, DataItem> items = new LinkedHashMap<>();
        JsonNode data = agent.at("/platform_settings/data_collection");
        if (data.isObject()) {
            data.fields().forEachRemaining(e -> {
                String type = e.getValue().path("type").asText("");
                if (!e.getKey().isBlank() && e.getValue().isObject() && DATA_TYPES.contains(type)) {
                    items.put(e.getKey(), new DataItem(e.getKey(), type, e.getValue().path("description").asText(""),
                            ((ObjectNode) e.getValue()).deepCopy()));
                }
            });
        }
        return new AnalysisSettings(criteria, items, agent.at("/conversation_config/agent/language").asText("en"));
    }
}
