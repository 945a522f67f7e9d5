package dev.timbre.convai.knowledgebase.rag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL for {@code rag_indexes} and {@code rag_chunk_embeddings} (V21), reading the documents and chunks of V20.
 * Thread-safe (Jdbi opens a handle per call).
 */
final class RagIndexRepository {
    private static final String COLUMNS = "rag_index_id, document_id, model, engine_model, status, progress_percentage, "
            + "used_bytes, created_at_unix, updated_at_unix";

    /** A chunk of a document, in reading order. */
    public record Chunk(String chunkId, String content) {}

    /** A stored vector with its chunk's text. */
    public record StoredVector(String chunkId, String content, byte[] vector) {}

    private final Jdbi jdbi;

    RagIndexRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    boolean documentExists(String documentId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM knowledge_base_documents WHERE document_id = :id")
                .bind("id", documentId).mapTo(Long.class).one()) > 0;
    }

    List<Chunk> chunks(String documentId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT chunk_id, content FROM knowledge_base_chunks WHERE document_id = :id "
                + "ORDER BY position").bind("id", documentId).mapTo(Chunk.class).list());
    }

    Optional<StoredRagIndex> find(String documentId, String model) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM rag_indexes WHERE document_id = :doc AND model = :model")
                .bind("doc", documentId).bind("model", model).mapTo(StoredRagIndex.class).findOne());
    }

    Optional<StoredRagIndex> findById(String ragIndexId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM rag_indexes WHERE rag_index_id = :id")
                .bind("id", ragIndexId).mapTo(StoredRagIndex.class).findOne());
    }

    List<StoredRagIndex> list(String documentId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM rag_indexes WHERE document_id = :doc ORDER BY seq")
                .bind("doc", documentId).mapTo(StoredRagIndex.class).list());
    }

    /** Inserts {@code index}; false when the document is gone or it already has an index for that model. */
    boolean insert(StoredRagIndex index) {
        try {
            return jdbi.withHandle(h -> h.createUpdate("INSERT INTO rag_indexes (" + COLUMNS + ") VALUES (:ragIndexId, :documentId, "
                    + ":model, :engineModel, :status, :progressPercentage, :usedBytes, :createdAtUnix, :updatedAtUnix)")
                    .bindMethods(index).execute()) > 0;
        } catch (org.jdbi.v3.core.statement.StatementException e) {
            return false;
        }
    }

    /** Sets an index's status; false when the row is gone (its document was deleted). */
    boolean update(String ragIndexId, String status, double progress, long usedBytes, long nowUnix) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE rag_indexes SET status = :status, progress_percentage = :progress, "
                + "used_bytes = :used, updated_at_unix = :now WHERE rag_index_id = :id").bind("status", status).bind("progress", progress)
                .bind("used", usedBytes).bind("now", nowUnix).bind("id", ragIndexId).execute()) > 0;
    }

    /**
     * As {@link #update}, only while the index is created or processing: a node that stalled past its job's take-over
     * and carries on late cannot turn an index another node finished back. False when it was not (or is gone).
     */
    boolean advance(String ragIndexId, String status, double progress, long usedBytes, long nowUnix) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE rag_indexes SET status = :status, progress_percentage = :progress, "
                + "used_bytes = :used, updated_at_unix = :now WHERE rag_index_id = :id AND status IN ('created', 'processing')")
                .bind("status", status).bind("progress", progress).bind("used", usedBytes).bind("now", nowUnix).bind("id", ragIndexId)
                .execute()) > 0;
    }

    /** Counts an attempt at an index still created or processing; its attempts so far, or -1 when it is neither (or gone). */
    int startAttempt(String ragIndexId) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("UPDATE rag_indexes SET attempts = attempts + 1 WHERE rag_index_id = :id "
                    + "AND status IN ('created', 'processing')").bind("id", ragIndexId).execute();
            if (n == 0) return -1;
            return h.createQuery("SELECT attempts FROM rag_indexes WHERE rag_index_id = :id").bind("id", ragIndexId).mapTo(Integer.class).one();
        });
    }

    /** Ids of the indexes still created or processing (on any node), oldest first. */
    List<String> unfinished() {
        return jdbi.withHandle(h -> h.createQuery("SELECT rag_index_id FROM rag_indexes WHERE status IN ('created', 'processing') ORDER BY seq")
                .mapTo(String.class).list());
    }

    /** How many indexes are still created or processing (on any node). */
    long countUnfinished() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM rag_indexes WHERE status IN ('created', 'processing')")
                .mapTo(Long.class).one());
    }

    boolean delete(String ragIndexId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM rag_indexes WHERE rag_index_id = :id").bind("id", ragIndexId).execute()) > 0;
    }

    /**
     * Replaces the document's vectors of {@code engineModel} in one transaction ({@code chunkIds[i]} ↔ {@code vectors[i]}).
     * Two indexes of one document whose models one engine serves compute the same vectors, maybe at once on two job
     * threads: when the other one's rows were committed between this delete and insert (a unique violation), the
     * transaction runs again and replaces them.
     */
    void storeVectors(String documentId, String engineModel, List<String> chunkIds, List<byte[]> vectors) {
        for (int attempt = 1; ; attempt++) {
            try {
                replaceVectors(documentId, engineModel, chunkIds, vectors);
                return;
            } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
                if (attempt >= 3 || !uniqueViolation(e)) throw e;
            }
        }
    }

    private static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (java.sql.SQLException s = t instanceof java.sql.SQLException q ? q : null; s != null; s = s.getNextException()) {
                if ("23505".equals(s.getSQLState())) return true;
            }
        }
        return false;
    }

    private void replaceVectors(String documentId, String engineModel, List<String> chunkIds, List<byte[]> vectors) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM rag_chunk_embeddings WHERE document_id = :doc AND engine_model = :m")
                    .bind("doc", documentId).bind("m", engineModel).execute();
            var batch = h.prepareBatch("INSERT INTO rag_chunk_embeddings (chunk_id, engine_model, document_id, vector) "
                    + "VALUES (:chunk, :m, :doc, :vector)");
            for (int i = 0; i < chunkIds.size(); i++) {
                batch.bind("chunk", chunkIds.get(i)).bind("m", engineModel).bind("doc", documentId).bind("vector", vectors.get(i)).add();
            }
            if (!chunkIds.isEmpty()) batch.execute();
        });
    }

    /** The document's stored vectors of {@code engineModel} with their chunks' text, in reading order. */
    List<StoredVector> vectors(String documentId, String engineModel) {
        return jdbi.withHandle(h -> h.createQuery("SELECT c.chunk_id, c.content, e.vector FROM rag_chunk_embeddings e "
                + "JOIN knowledge_base_chunks c ON c.chunk_id = e.chunk_id WHERE e.document_id = :doc AND e.engine_model = :m "
                + "ORDER BY c.position").bind("doc", documentId).bind("m", engineModel).mapTo(StoredVector.class).list());
    }

    /** Deletes the document's vectors of {@code engineModel} unless another of its indexes still uses them. */
    void deleteUnusedVectors(String documentId, String engineModel) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM rag_chunk_embeddings WHERE document_id = :doc AND engine_model = :m "
                + "AND NOT EXISTS (SELECT 1 FROM rag_indexes WHERE document_id = :doc AND engine_model = :m)")
                .bind("doc", documentId).bind("m", engineModel).execute());
    }

    /** Of {@code documentIds}, those with a succeeded index computed by {@code engineModel}. */
    List<String> indexed(Collection<String> documentIds, String engineModel) {
        if (documentIds.isEmpty()) return List.of();
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT document_id FROM rag_indexes WHERE document_id IN (<ids>) "
                + "AND engine_model = :m AND status = 'succeeded'").bindList("ids", new ArrayList<>(documentIds))
                .bind("m", engineModel).mapTo(String.class).list());
    }

    /** Bytes used by succeeded indexes, by ElevenLabs model name. */
    Map<String, Long> usedBytesByModel() {
        return jdbi.withHandle(h -> h.createQuery("SELECT model, SUM(used_bytes) AS used FROM rag_indexes WHERE status = 'succeeded' "
                + "GROUP BY model ORDER BY model").reduceRows(new java.util.TreeMap<String, Long>(), (m, row) -> {
                    m.put(row.getColumn("model", String.class), row.getColumn("used", Long.class));
                    return m;
                }));
    }
}
