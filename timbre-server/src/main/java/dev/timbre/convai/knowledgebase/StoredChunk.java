package dev.timbre.convai.knowledgebase;

/** A {@code knowledge_base_chunks} row: {@code position} 0, 1, … in reading order; id {@code <document id>_<position>}. */
public record StoredChunk(String chunkId, String documentId, int position, String content) {}
