package dev.timbre.convai.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.agent.transcript.Analysis;
import dev.timbre.http.Json;
import java.util.Set;

/** An {@link Analysis} as the API's {@code ConversationHistoryAnalysisCommonModel} (snake_case, rationales never null). */
final class AnalysisJson {
    static final Set<String> RESULTS = Set.of("success", "failure", "unknown");

    private AnalysisJson() {}

    static ObjectNode of(Analysis analysis) {
        ObjectNode node = Json.MAPPER.valueToTree(analysis);
        if (!RESULTS.contains(analysis.callSuccessful())) {
            throw new IllegalArgumentException("call_successful is success, failure or unknown: " + analysis.callSuccessful());
        }
        for (JsonNode result : node.path("evaluation_criteria_results")) {
            if (!RESULTS.contains(result.path("result").asText())) {
                throw new IllegalArgumentException("criterion result is success, failure or unknown: " + result.path("result"));
            }
            emptyWhenNull((ObjectNode) result, "rationale");
        }
        for (JsonNode result : node.path("data_collection_results")) emptyWhenNull((ObjectNode) result, "rationale");
        return node;
    }

    private static void emptyWhenNull(ObjectNode node, String field) {
        if (!node.path(field).isTextual()) node.put(field, "");
    }
}
