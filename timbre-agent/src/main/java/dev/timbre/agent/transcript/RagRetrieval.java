package dev.timbre.agent.transcript;

import java.util.List;

/**
 * The chunks retrieved for one agent turn, the seed's {@code RagRetrievalInfo}.
 *
 * @param chunks best first
 * @param embeddingModel the {@code rag.embedding_model} the agent asked for
 * @param retrievalQuery the text that was embedded
 * @param ragLatencySecs wall time of the retrieval
 */
public record RagRetrieval(List<Chunk> chunks, String embeddingModel, String retrievalQuery, double ragLatencySecs) {
    public RagRetrieval {
        chunks = chunks == null ? List.of() : List.copyOf(chunks);
    }

    /**
     * @param vectorDistance cosine distance (0 identical … 2 opposite)
     * @param content the chunk's text, for the LLM's prompt (not part of {@code RagChunkMetadata})
     */
    public record Chunk(String documentId, String chunkId, double vectorDistance, String content) {}
}
