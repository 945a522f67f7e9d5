/**
 * {@code /v1/convai/knowledge-base}: agents' knowledge-base documents (url, file, text), and
 * {@code /v1/convai/agent/{agent_id}/knowledge-base/size}.
 *
 * <ul>
 *   <li>{@link dev.timbre.convai.knowledgebase.KnowledgeBaseRoutes}: list (search = name prefix, case-insensitive;
 *       types; sort_by name|created_at|updated_at|size, sort_direction, default newest first; the cursor is the offset
 *       of the next page), create from URL / text / file (multipart, bounded by {@code limits.max_upload_bytes}), get,
 *       rename, delete ({@code force}), dependent agents, content ({@code text/html}), one chunk.</li>
 *   <li>{@link dev.timbre.convai.knowledgebase.KnowledgeBaseService}: extracts (package {@code extract}), chunks and
 *       stores a document whole (row and chunks in one transaction). Errors: unknown id 404
 *       {@code document_not_found}; unsupported type 400 {@code unsupported_file_type}; corrupt/encrypted/non-UTF-8 400
 *       {@code document_unreadable}; no text 400 {@code document_empty}; over a bound 413; a document agents use is
 *       not deleted without {@code force=true} (400 {@code document_in_use} naming them); with it, its locators are
 *       removed from those agents first.</li>
 *   <li>{@link dev.timbre.convai.knowledgebase.UrlPages}: URL documents go through {@code dev.timbre.outbound} (10 s,
 *       10 MiB); an internal IP literal or {@code localhost} is refused as such (400 {@code url_not_allowed}), any other
 *       failure is 400 {@code url_unreadable}.</li>
 *   <li>{@link dev.timbre.convai.knowledgebase.Chunks}: the chunking rule (paragraphs packed to ~800 characters,
 *       long paragraphs split at sentences, at most 1,000 + a ≤ 200-character overlap of the previous chunk's last
 *       sentence). Chunks are stored in {@code knowledge_base_chunks} in reading order, ids
 *       {@code <document id>_<position>}; the RAG index reads them from there.</li>
 *   <li>{@link dev.timbre.convai.knowledgebase.Locators}: an agent's {@code prompt.knowledge_base} locators;
 *       dependent agents are found by scanning stored agents for them.</li>
 *   <li>{@link dev.timbre.convai.knowledgebase.PromptDocuments}: {@code usage_mode: "prompt"} documents appended to
 *       the system prompt at conversation time (at most 200,000 characters), called from {@code AgentProfiles}.</li>
 *   <li>{@link dev.timbre.convai.knowledgebase.AgentKnowledge}: an agent's knowledge base in pages (3,000 bytes of
 *       text a page, at least one per document).</li>
 * </ul>
 *
 * <p>The original upload is not kept: a document is its extracted text and HTML. Thread-safe; blocking.
 */
package dev.timbre.convai.knowledgebase;
