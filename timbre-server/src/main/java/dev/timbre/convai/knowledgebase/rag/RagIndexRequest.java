package dev.timbre.convai.knowledgebase.rag;

/** {@code RAGIndexRequestModel}: the embedding model to index with. */
public record RagIndexRequest(String model) {}
