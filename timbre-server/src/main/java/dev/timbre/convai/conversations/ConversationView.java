package dev.timbre.convai.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.agent.transcript.RagRetrieval;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.http.Json;

/** The {@code GetConversationResponseModel} of a stored conversation. */
final class ConversationView {
    private ConversationView() {}

    static ObjectNode of(StoredConversation c) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("agent_id", c.agentId());
        body.put("agent_name", c.agentName());
        body.put("conversation_id", c.conversationId());
        body.put("status", c.status());
        body.put("user_id", c.userId());
        ArrayNode transcript = body.putArray("transcript");
        for (TranscriptEntry e : c.transcript()) transcript.add(entry(e));
        body.set("metadata", ConversationMetadata.view(c));
        body.set("analysis", c.analysis() == null ? Json.MAPPER.nullNode() : c.analysis().deepCopy());
        body.set("conversation_initiation_client_data", clientData(c.initiationClientData()));
        body.put("has_audio", c.audio().hasAudio());
        body.put("has_user_audio", c.audio().hasUserAudio());
        body.put("has_response_audio", c.audio().hasResponseAudio());
        body.put("has_auxiliary_audio", false);
        return body;
    }

    /**
     * {@code ConversationHistoryTranscriptCommonModel-Output}: the record's fields, feedback as a {@code UserFeedback},
     * turn metrics as {@code conversation_turn_metrics} ({@code ConversationTurnMetrics}, null when none), the
     * retrieved knowledge as {@code rag_retrieval_info} ({@code RagRetrievalInfo} without the chunks' text, null when none).
     */
    static ObjectNode entry(TranscriptEntry e) {
        ObjectNode node = Json.MAPPER.valueToTree(e);
        node.remove("turn_metrics");
        node.set("conversation_turn_metrics", TurnMetricsJson.of(e.turnMetrics()));
        node.remove("rag_retrieval");
        node.set("rag_retrieval_info", ragInfo(e.ragRetrieval()));
        if (e.feedback() == null) node.putNull("feedback");
        else node.putObject("feedback").put("score", e.feedback()).put("time_in_call_secs", e.timeInCallSecs());
        return node;
    }

    private static JsonNode ragInfo(RagRetrieval rag) {
        if (rag == null) return Json.MAPPER.nullNode();
        ObjectNode info = Json.MAPPER.createObjectNode();
        ArrayNode chunks = info.putArray("chunks");
        for (RagRetrieval.Chunk c : rag.chunks()) {
            chunks.addObject().put("document_id", c.documentId()).put("chunk_id", c.chunkId()).put("vector_distance", c.vectorDistance());
        }
        info.put("embedding_model", rag.embeddingModel());
        info.put("retrieval_query", rag.retrievalQuery());
        info.put("rag_latency_secs", rag.ragLatencySecs());
        return info;
    }

    /** The initiation data as received, without the message's {@code type}; an empty object when none was stored. */
    private static ObjectNode clientData(JsonNode stored) {
        if (stored == null || !stored.isObject()) return Json.MAPPER.createObjectNode();
        ObjectNode copy = stored.deepCopy();
        copy.remove("type");
        return copy;
    }
}
