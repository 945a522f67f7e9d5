package dev.timbre.convai.knowledgebase.rag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.db.Database;
import dev.timbre.testing.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The V21 SQL on H2 and PostgreSQL: indexes, vectors, cascades from documents and chunks. */
@Tag("integration")
class RagIndexRepositoryTest {
    @ParameterizedTest
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void indexesAndVectorsLiveAndDieWithTheirDocument(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            RagIndexRepository repo = new RagIndexRepository(db.jdbi());
            String doc = KnowledgeRows.document(db.jdbi(), "d", List.of("one", "two"));
            assertThat(repo.documentExists(doc)).isTrue();
            assertThat(repo.chunks(doc)).extracting(RagIndexRepository.Chunk::content).containsExactly("one", "two");

            StoredRagIndex row = new StoredRagIndex("idx1", doc, "e5_mistral_7b_instruct", "m", "created", 0, 0, 10, 10);
            assertThat(repo.insert(row)).isTrue();
            assertThat(repo.insert(new StoredRagIndex("idx2", doc, "e5_mistral_7b_instruct", "m", "created", 0, 0, 10, 10)))
                    .as("one index per document and model").isFalse();
            assertThat(repo.insert(new StoredRagIndex("idx3", "nope", "e5_mistral_7b_instruct", "m", "created", 0, 0, 10, 10)))
                    .as("no index without its document").isFalse();
            repo.storeVectors(doc, "m", List.of(doc + "_0", doc + "_1"),
                    List.of(Vectors.encode(new float[] {1, 0}), Vectors.encode(new float[] {0, 1})));
            assertThat(repo.update("idx1", "succeeded", 100, 16, 11)).isTrue();
            assertThat(repo.findById("idx1").orElseThrow().status()).isEqualTo("succeeded");
            assertThat(repo.indexed(List.of(doc, "other"), "m")).containsExactly(doc);
            assertThat(repo.indexed(List.of(doc), "other-engine")).isEmpty();
            assertThat(repo.usedBytesByModel()).containsEntry("e5_mistral_7b_instruct", 16L);
            List<RagIndexRepository.StoredVector> vectors = repo.vectors(doc, "m");
            assertThat(vectors).extracting(RagIndexRepository.StoredVector::content).containsExactly("one", "two");
            float[] back = new float[2];
            assertThat(Vectors.decode(vectors.get(1).vector(), back, 0, 2)).isTrue();
            assertThat(back).containsExactly(0f, 1f);

            repo.deleteUnusedVectors(doc, "m");
            assertThat(repo.vectors(doc, "m")).as("still used by idx1").hasSize(2);

            KnowledgeRows.deleteDocument(db.jdbi(), doc);
            assertThat(repo.findById("idx1")).isEmpty();
            assertThat(repo.vectors(doc, "m")).isEmpty();
            assertThat(repo.update("idx1", "failed", 0, 0, 12)).isFalse();
        }
    }
}
