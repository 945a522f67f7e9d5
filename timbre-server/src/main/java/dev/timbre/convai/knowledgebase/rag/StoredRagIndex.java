package dev.timbre.convai.knowledgebase.rag;

/**
 * A row of {@code rag_indexes}.
 *
 * @param model the ElevenLabs embedding model asked for ({@code e5_mistral_7b_instruct}, …)
 * @param engineModel the engine that computed the vectors ({@code TextEmbedding.modelId()})
 * @param status created | processing | succeeded | failed
 * @param usedBytes the stored vectors' size in bytes
 */
public record StoredRagIndex(String ragIndexId, String documentId, String model, String engineModel, String status,
                      double progressPercentage, long usedBytes, long createdAtUnix, long updatedAtUnix) {}
