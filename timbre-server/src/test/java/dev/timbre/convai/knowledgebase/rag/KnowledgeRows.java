package dev.timbre.convai.knowledgebase.rag;

import dev.timbre.common.Ids;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Knowledge-base documents and chunks written straight into the V20 tables (the documents API is another area's):
 * a text document whose chunks are {@code chunks}, in order. Returns the document id.
 */
public final class KnowledgeRows {
    private KnowledgeRows() {}

    public static String document(Jdbi jdbi, String name, List<String> chunks) {
        String id = Ids.random();
        String content = String.join("\n\n", chunks);
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO knowledge_base_documents (document_id, name, type, content, size_bytes, created_by, "
                    + "created_at_unix, updated_at_unix) VALUES (:id, :name, 'text', :content, :size, 'test', 0, 0)")
                    .bind("id", id).bind("name", name).bind("content", content)
                    .bind("size", (long) content.getBytes(StandardCharsets.UTF_8).length).execute();
            for (int i = 0; i < chunks.size(); i++) {
                h.createUpdate("INSERT INTO knowledge_base_chunks (chunk_id, document_id, position, content) VALUES (:c, :d, :p, :t)")
                        .bind("c", id + "_" + i).bind("d", id).bind("p", i).bind("t", chunks.get(i)).execute();
            }
        });
        return id;
    }

    public static void deleteDocument(Jdbi jdbi, String documentId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM knowledge_base_documents WHERE document_id = :id").bind("id", documentId).execute());
    }
}
