/**
 * RAG over knowledge-base documents: indexes (E31–E34 under {@code /v1/convai/knowledge-base}) and agents' retrieval.
 *
 * <ul>
 *   <li>{@link dev.timbre.convai.knowledgebase.rag.RagIndexRoutes} → {@link dev.timbre.convai.knowledgebase.rag.RagIndexService}:
 *       compute (200 with the index as it is now: {@code created}, {@code processing} or, when it already exists,
 *       {@code succeeded}), list, overview, delete; unknown document 404 {@code document_not_found}, unknown index
 *       404 {@code rag_index_not_found}, a model outside {@code EmbeddingModelEnum} 422.</li>
 *   <li>Embedding models: ElevenLabs' {@code e5_mistral_7b_instruct} and {@code multilingual_e5_large_instruct} both
 *       map to the one engine the server loaded ({@code engines.TextEmbeddings}: all-MiniLM-L6-v2 in process, or the
 *       configured OpenAI-compatible server); the index row keeps the name asked for and the engine's model id.</li>
 *   <li>{@code IndexJob} as a durable job (kind {@code rag-index} of {@code dev.timbre.jobs}, by index id: one node
 *       computes it, another takes it over when that node dies; attempts counted in the row, V34, failed after 3; ≤ 256
 *       unfinished in the cluster, 429 past that; the start-up catch-up only schedules unfinished rows without a job;
 *       a search waits for an index by reading its row): chunks of
 *       {@code knowledge_base_chunks} (V20) embedded 32 at a time, vectors stored in {@code rag_chunk_embeddings}
 *       (V21, float32 little-endian, one transaction), then {@code succeeded}; any failure {@code failed}; a document
 *       deleted meanwhile takes its index row with it (ON DELETE CASCADE) and the job ends.</li>
 *   <li>{@code VectorIndex}: in memory, exact cosine search over each document's float matrix (no approximate index:
 *       10,000 chunks take about 1–2 ms, see docs/benchmarks.md) plus BM25 over each document's chunk words
 *       ({@code KeywordStats}), the two rankings fused by reciprocal rank ({@code hybridSearch}); a per-node cache: the
 *       node that computed an index holds it at once, every other node loads it from the stored vectors and chunk
 *       texts at its first search after the row turned succeeded ({@code RagSearch} asks the database which indexes
 *       are succeeded at every search, so one deleted elsewhere is dropped too). A copy is not reloaded when the index
 *       is recomputed elsewhere meanwhile: chunks and engine are the same, so are the vectors.</li>
 *   <li>{@link dev.timbre.convai.knowledgebase.rag.AgentRetrieval}: an agent's {@code prompt.rag} and
 *       {@code prompt.knowledge_base} → {@code RagKnowledge} (the runtime's {@code Knowledge}); documents without an
 *       index get one when the agent's profile is built, and a question waits up to 20 s for it.</li>
 * </ul>
 *
 * <p>Thread-safe throughout; everything here blocks (database, embedding) and never runs on a session loop.
 */
package dev.timbre.convai.knowledgebase.rag;
