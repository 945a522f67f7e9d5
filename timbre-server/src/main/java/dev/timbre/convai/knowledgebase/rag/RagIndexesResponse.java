package dev.timbre.convai.knowledgebase.rag;

import java.util.List;

/** {@code RAGDocumentIndexesResponseModel}: a document's indexes, oldest first. */
public record RagIndexesResponse(List<RagIndexResponse> indexes) {}
