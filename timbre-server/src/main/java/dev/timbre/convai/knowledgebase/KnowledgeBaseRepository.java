package dev.timbre.convai.knowledgebase;

import dev.timbre.convai.tools.AgentMentions;
import dev.timbre.convai.tools.AgentReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL for {@code knowledge_base_documents} and {@code knowledge_base_chunks} (V20), and the read of {@code agents}
 * that finds which agents name a document. A document and its chunks are written in one transaction.
 */
public final class KnowledgeBaseRepository {
    private static final String LIST_COLUMNS = "document_id, name, type, url, mime_type, size_bytes, created_by, created_at_unix, updated_at_unix, filename";
    private static final Map<String, String> SORT_COLUMNS = Map.of("name", "LOWER(name)", "created_at", "created_at_unix",
            "updated_at", "updated_at_unix", "size", "size_bytes");

    private final Jdbi jdbi;

    public KnowledgeBaseRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores the document and all its chunks, or nothing. */
    public void insert(StoredDocument d, List<StoredChunk> chunks) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO knowledge_base_documents (" + LIST_COLUMNS + ", content, extracted_inner_html) VALUES "
                    + "(:documentId, :name, :type, :url, :mimeType, :sizeBytes, :createdBy, :createdAtUnix, :updatedAtUnix, :filename, "
                    + ":content, :extractedInnerHtml)").bindMethods(d).execute();
            var batch = h.prepareBatch("INSERT INTO knowledge_base_chunks (chunk_id, document_id, position, content) "
                    + "VALUES (:chunkId, :documentId, :position, :content)");
            for (StoredChunk c : chunks) batch.bindMethods(c).add();
            if (!chunks.isEmpty()) batch.execute();
        });
    }

    public Optional<StoredDocument> find(String documentId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + LIST_COLUMNS + ", content, extracted_inner_html FROM knowledge_base_documents "
                + "WHERE document_id = :id").bind("id", documentId).map((rs, ctx) -> row(rs, true)).findOne());
    }

    /** One page of rows without their content, plus one more when there are more. */
    public List<StoredDocument> list(DocumentQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + LIST_COLUMNS + " FROM knowledge_base_documents WHERE 1 = 1");
        if (q.search() != null) sql.append(" AND LOWER(name) LIKE :search ESCAPE '!'");
        if (!q.types().isEmpty()) sql.append(" AND type IN (<types>)");
        String direction = q.ascending() ? " ASC" : " DESC";
        sql.append(" ORDER BY ").append(SORT_COLUMNS.get(q.sortBy())).append(direction).append(", seq").append(direction)
                .append(" LIMIT :limit OFFSET :offset");
        return jdbi.withHandle(h -> {
            var query = h.createQuery(sql.toString()).bind("limit", q.pageSize() + 1).bind("offset", q.offset());
            if (q.search() != null) query.bind("search", escapeLike(q.search().toLowerCase(java.util.Locale.ROOT)) + "%");
            if (!q.types().isEmpty()) query.bindList("types", q.types());
            return query.map((rs, ctx) -> row(rs, false)).list();
        });
    }

    public boolean rename(String documentId, String name, long updatedAtUnix) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE knowledge_base_documents SET name = :name, updated_at_unix = :t "
                + "WHERE document_id = :id").bind("name", name).bind("t", updatedAtUnix).bind("id", documentId).execute()) > 0;
    }

    /** Deletes the document; its chunks go with it (ON DELETE CASCADE). */
    public boolean delete(String documentId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM knowledge_base_documents WHERE document_id = :id")
                .bind("id", documentId).execute()) > 0;
    }

    public Optional<StoredChunk> chunk(String documentId, String chunkId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT chunk_id, document_id, position, content FROM knowledge_base_chunks "
                        + "WHERE document_id = :doc AND chunk_id = :id").bind("doc", documentId).bind("id", chunkId)
                .map((rs, ctx) -> new StoredChunk(rs.getString("chunk_id"), rs.getString("document_id"), rs.getInt("position"),
                        rs.getString("content"))).findOne());
    }

    public List<StoredChunk> chunks(String documentId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT chunk_id, document_id, position, content FROM knowledge_base_chunks "
                        + "WHERE document_id = :doc ORDER BY position").bind("doc", documentId)
                .map((rs, ctx) -> new StoredChunk(rs.getString("chunk_id"), rs.getString("document_id"), rs.getInt("position"),
                        rs.getString("content"))).list());
    }

    /**
     * Agents whose stored configuration contains {@code needle} (a document id, or "knowledge_base" for every agent
     * that has one), after creation sequence {@code afterSeq}, in creation order; the caller checks the locators.
     */
    public List<AgentReference> agentsMentioning(String needle, long afterSeq, int limit) {
        return new AgentMentions(jdbi).containing(needle, afterSeq, limit);
    }

    private static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static StoredDocument row(ResultSet rs, boolean withContent) throws SQLException {
        return new StoredDocument(rs.getString("document_id"), rs.getString("name"), rs.getString("type"), rs.getString("url"),
                rs.getString("mime_type"), withContent ? rs.getString("content") : null,
                withContent ? rs.getString("extracted_inner_html") : null, rs.getLong("size_bytes"), rs.getString("created_by"),
                rs.getLong("created_at_unix"), rs.getLong("updated_at_unix"), rs.getString("filename"));
    }
}
