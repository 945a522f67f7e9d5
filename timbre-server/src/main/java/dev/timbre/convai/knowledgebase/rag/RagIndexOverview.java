package dev.timbre.convai.knowledgebase.rag;

import java.util.List;

/** {@code RAGIndexOverviewResponseModel}: bytes used by succeeded indexes, in all and per embedding model. */
public record RagIndexOverview(long totalUsedBytes, long totalMaxBytes, List<Model> models) {
    /** {@code RAGIndexOverviewEmbeddingModelResponseModel}. */
    public record Model(String model, long usedBytes) {}
}
