package dev.timbre.convai.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.Json;
import java.util.Map;

/**
 * A transcript entry's turn metrics as the API's {@code conversation_turn_metrics} ({@code ConversationTurnMetrics}):
 * {@code {"metrics": {name: {"elapsed_time": seconds}}}}, null when the entry has none.
 */
final class TurnMetricsJson {
    private TurnMetricsJson() {}

    static JsonNode of(Map<String, Double> metrics) {
        if (metrics == null || metrics.isEmpty()) return Json.MAPPER.nullNode();
        ObjectNode node = Json.MAPPER.createObjectNode();
        ObjectNode all = node.putObject("metrics");
        metrics.forEach((name, secs) -> all.putObject(name).put("elapsed_time", secs));
        return node;
    }
}
