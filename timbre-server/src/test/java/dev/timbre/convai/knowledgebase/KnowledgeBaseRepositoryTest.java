package dev.timbre.convai.knowledgebase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.db.Database;
import dev.timbre.testing.TestDatabases;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The SQL on H2 and PostgreSQL: whole inserts, the list's filters and orders, rename, cascade delete. */
class KnowledgeBaseRepositoryTest {

    static StoredDocument doc(String id, String name, String type, long size, long t) {
        return new StoredDocument(id, name, type, type.equals("url") ? "https://example.com/" + id : null, "text/plain",
                "content of " + id, "<p>content of " + id + "</p>", size, "user", t, t, type.equals("file") ? id + ".pdf" : null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void stores_lists_renames_and_deletes(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            KnowledgeBaseRepository repo = new KnowledgeBaseRepository(db.jdbi());
            String p = "r" + System.nanoTime();
            repo.insert(doc(p + "a", "Alpha_" + p, "text", 30, 100), List.of(new StoredChunk(p + "a_0", p + "a", 0, "one"),
                    new StoredChunk(p + "a_1", p + "a", 1, "two")));
            repo.insert(doc(p + "b", "beta_" + p, "url", 10, 200), List.of(new StoredChunk(p + "b_0", p + "b", 0, "only")));
            repo.insert(doc(p + "c", "Gamma_" + p, "file", 20, 300), List.of());

            assertThat(repo.find(p + "b").orElseThrow().url()).isEqualTo("https://example.com/" + p + "b");
            assertThat(repo.find(p + "c").orElseThrow().filename()).isEqualTo(p + "c.pdf");
            assertThat(repo.chunks(p + "a")).extracting(StoredChunk::content).containsExactly("one", "two");

            // a chunk id that exists makes the second insert fail, and nothing of it is stored
            assertThatThrownBy(() -> repo.insert(doc(p + "d", "Delta_" + p, "text", 1, 400),
                    List.of(new StoredChunk(p + "d_0", p + "d", 0, "x"), new StoredChunk(p + "a_0", p + "d", 1, "dup"))))
                    .isInstanceOf(RuntimeException.class);
            assertThat(repo.find(p + "d")).isEmpty();

            List<String> byName = repo.list(new DocumentQuery(null, List.of(), "name", true, 0, 100)).stream()
                    .map(StoredDocument::documentId).filter(id -> id.startsWith(p)).toList();
            assertThat(byName).containsExactly(p + "a", p + "b", p + "c");
            assertThat(repo.list(new DocumentQuery("BETA_", List.of(), "size", false, 0, 100)))
                    .extracting(StoredDocument::documentId).contains(p + "b").doesNotContain(p + "a");
            assertThat(repo.list(new DocumentQuery("alpha_" + p, List.of(), "created_at", false, 0, 10)))
                    .singleElement().satisfies(d -> assertThat(d.content()).isNull());
            assertThat(repo.list(new DocumentQuery(null, List.of("url", "file"), "updated_at", false, 0, 100)))
                    .extracting(StoredDocument::type).doesNotContain("text");
            // '_' in a search is literal, not a wildcard
            assertThat(repo.list(new DocumentQuery("alpha" + "_" + p.substring(0, 1), List.of(), "name", true, 0, 100))).isNotEmpty();
            assertThat(repo.list(new DocumentQuery("alphaX", List.of(), "name", true, 0, 100))).isEmpty();

            assertThat(repo.rename(p + "a", "Renamed", 999)).isTrue();
            assertThat(repo.find(p + "a").orElseThrow().updatedAtUnix()).isEqualTo(999);
            assertThat(repo.delete(p + "a")).isTrue();
            assertThat(repo.chunks(p + "a")).isEmpty();
            assertThat(repo.chunk(p + "b", p + "b_0")).isPresent();
            assertThat(repo.chunk(p + "a", p + "b_0")).isEmpty();
            assertThat(repo.delete(p + "a")).isFalse();
        }
    }
}
