package dev.timbre.convai.knowledgebase.rag;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.agent.knowledge.Knowledge;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An agent's {@code conversation_config.agent.prompt} → its {@link Knowledge}: {@code rag.enabled} with the
 * {@code knowledge_base} documents whose {@code usage_mode} is {@code auto} (the default; {@code prompt} documents are
 * not retrieved). Settings and defaults as the OpenAPI's {@code RagConfig}: {@code embedding_model}
 * (e5_mistral_7b_instruct), {@code max_vector_distance} (0.6), {@code max_documents_length} (50,000 characters),
 * {@code max_retrieved_rag_chunks_count} (20, at most 20). Building one starts the indexes its documents lack, so
 * they are usually ready by the first question. Thread-safe.
 */
public final class AgentRetrieval implements Function<JsonNode, Knowledge> {
    /** How long a user turn waits for a document's index still being computed. */
    static final Duration INDEX_WAIT = Duration.ofSeconds(20);

    private final RagSearch search;

    public AgentRetrieval(RagIndexService service) {
        this.search = new RagSearch(service, INDEX_WAIT);
    }

    /** The knowledge of {@code prompt}, or {@link Knowledge#NONE} when RAG is off or there is no auto document. */
    @Override
    public Knowledge apply(JsonNode prompt) {
        JsonNode rag = prompt.path("rag");
        if (!rag.path("enabled").asBoolean(false)) return Knowledge.NONE;
        List<String> documents = new ArrayList<>();
        for (JsonNode d : prompt.path("knowledge_base")) {
            String id = d.path("id").asText("");
            if (!id.isBlank() && d.path("usage_mode").asText("auto").equals("auto") && !documents.contains(id)) documents.add(id);
        }
        if (documents.isEmpty()) return Knowledge.NONE;
        String model = rag.path("embedding_model").asText(RagIndexService.DEFAULT_MODEL);
        if (!RagIndexService.MODELS.contains(model)) model = RagIndexService.DEFAULT_MODEL;
        double maxDistance = rag.path("max_vector_distance").asDouble(0.6);
        int maxChars = rag.path("max_documents_length").asInt(50_000);
        int maxChunks = Math.max(1, Math.min(20, rag.path("max_retrieved_rag_chunks_count").asInt(20)));
        search.prepare(documents, model);
        return new RagKnowledge(search, List.copyOf(documents), model, maxDistance, maxChars, maxChunks);
    }
}
