package dev.timbre.convai.postcall;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.agent.transcript.Analysis;
import dev.timbre.convai.conversations.ConversationRecords;
import dev.timbre.http.Json;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Conversations in memory, shaped like GET /v1/convai/conversations/{id}; saveAnalysis writes analysis + status. */
final class FakeConversationRecords implements ConversationRecords {
    final Map<String, ObjectNode> conversations = new ConcurrentHashMap<>();
    final Map<String, Analysis> analyses = new ConcurrentHashMap<>();
    final Map<String, String> failures = new ConcurrentHashMap<>();
    volatile RuntimeException failOnSave;

    void add(String conversationId, String agentId, String transcriptJson) throws Exception {
        ObjectNode c = Json.MAPPER.createObjectNode();
        c.put("agent_id", agentId).put("conversation_id", conversationId).put("status", "processing");
        c.set("transcript", Json.MAPPER.readTree(transcriptJson));
        c.putObject("metadata").put("start_time_unix_secs", 1_700_000_000L).put("call_duration_secs", 12);
        c.putNull("analysis");
        conversations.put(conversationId, c);
    }

    @Override
    public Optional<ObjectNode> details(String conversationId) {
        return Optional.ofNullable(conversations.get(conversationId)).map(ObjectNode::deepCopy);
    }

    @Override
    public void saveAnalysis(String conversationId, Analysis analysis) {
        if (failOnSave != null) throw failOnSave;
        analyses.put(conversationId, analysis);
        ObjectNode c = conversations.get(conversationId);
        c.set("analysis", Json.MAPPER.valueToTree(analysis));
        c.put("status", "done");
    }

    @Override
    public java.util.List<String> processing() {
        return conversations.entrySet().stream().filter(e -> e.getValue().path("status").asText().equals("processing"))
                .map(Map.Entry::getKey).sorted().toList();
    }

    @Override
    public void markFailed(String conversationId, String reason) {
        failures.put(conversationId, reason);
        ObjectNode c = conversations.get(conversationId);
        if (c != null) {
            c.put("status", "failed");
            ((ObjectNode) c.get("metadata")).put("error", reason);
        }
    }
}
