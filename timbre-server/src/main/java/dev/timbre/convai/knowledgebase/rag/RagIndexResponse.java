package dev.timbre.convai.knowledgebase.rag;

/** {@code RAGDocumentIndexResponseModel}: one document's index for one embedding model. */
public record RagIndexResponse(String id, String model, String status, double progressPercentage, Usage documentModelIndexUsage) {
    /** {@code RAGDocumentIndexUsage}. */
    public record Usage(long usedBytes) {}

    static RagIndexResponse of(StoredRagIndex i) {
        return new RagIndexResponse(i.ragIndexId(), i.model(), i.status(), i.progressPercentage(), new Usage(i.usedBytes()));
    }
}
