package dev.timbre.convai.knowledgebase.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** E31–E34 against the real server, all-MiniLM-L6-v2 and H2. */
@Tag("integration")
class RagIndexApiTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String document(String... chunks) {
        return KnowledgeRows.document(server.timbre().database().jdbi(), "doc", List.of(chunks));
    }

    static TestServer.Response awaitStatus(String doc, String status) {
        TestServer.Response[] last = new TestServer.Response[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            last[0] = server.get("/v1/convai/knowledge-base/" + doc + "/rag-index");
            return last[0].json().path("indexes").path(0).path("status").asText().equals(status);
        });
        return last[0];
    }

    @Test
    void computeListOverviewAndDelete() {
        String doc = document("The lighthouse on Skerry Point was built in 1871.", "Its keeper, Elias Thorn, served for forty years.");
        TestServer.Response computed = server.postJson("/v1/convai/knowledge-base/" + doc + "/rag-index", "{\"model\":\"e5_mistral_7b_instruct\"}");
        assertThat(computed.status()).as(computed.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/convai/knowledge-base/{documentation_id}/rag-index", computed);
        assertThat(computed.json().path("model").asText()).isEqualTo("e5_mistral_7b_instruct");
        assertThat(computed.json().path("status").asText()).isIn("created", "processing", "succeeded");
        String indexId = computed.json().path("id").asText();

        TestServer.Response list = awaitStatus(doc, "succeeded");
        OpenApiContract.assertConforms("GET", "/v1/convai/knowledge-base/{documentation_id}/rag-index", list);
        var index = list.json().path("indexes").get(0);
        assertThat(index.path("id").asText()).isEqualTo(indexId);
        assertThat(index.path("progress_percentage").asDouble()).isEqualTo(100.0);
        assertThat(index.path("document_model_index_usage").path("used_bytes").asLong()).isEqualTo(2 * 384 * 4);

        TestServer.Response again = server.postJson("/v1/convai/knowledge-base/" + doc + "/rag-index", "{\"model\":\"e5_mistral_7b_instruct\"}");
        assertThat(again.json().path("id").asText()).as("computing twice returns the same index").isEqualTo(indexId);
        assertThat(again.json().path("status").asText()).isEqualTo("succeeded");

        TestServer.Response overview = server.get("/v1/convai/knowledge-base/rag-index");
        assertThat(overview.status()).as(overview.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/convai/knowledge-base/rag-index", overview);
        assertThat(overview.json().path("total_used_bytes").asLong()).isGreaterThanOrEqualTo(2 * 384 * 4);
        assertThat(overview.json().path("total_max_bytes").asLong()).isPositive();
        assertThat(overview.json().path("models").toString()).contains("e5_mistral_7b_instruct");

        TestServer.Response deleted = server.delete("/v1/convai/knowledge-base/" + doc + "/rag-index/" + indexId);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("DELETE", "/v1/convai/knowledge-base/{documentation_id}/rag-index/{rag_index_id}", deleted);
        assertThat(deleted.json().path("id").asText()).isEqualTo(indexId);
        assertThat(server.get("/v1/convai/knowledge-base/" + doc + "/rag-index").json().path("indexes")).isEmpty();
        assertThat(server.delete("/v1/convai/knowledge-base/" + doc + "/rag-index/" + indexId).status()).isEqualTo(404);
        Long vectors = server.timbre().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM rag_chunk_embeddings WHERE document_id = :d").bind("d", doc).mapTo(Long.class).one());
        assertThat(vectors).as("the index's vectors went with it").isZero();
    }

    @Test
    void bothElevenLabsModelsAreServedByTheLoadedEngine() {
        String doc = document("Tides follow the moon.");
        server.postJson("/v1/convai/knowledge-base/" + doc + "/rag-index", "{\"model\":\"e5_mistral_7b_instruct\"}");
        TestServer.Response second = server.postJson("/v1/convai/knowledge-base/" + doc + "/rag-index", "{\"model\":\"multilingual_e5_large_instruct\"}");
        assertThat(second.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var list = server.get("/v1/convai/knowledge-base/" + doc + "/rag-index").json().path("indexes");
            return list.size() == 2 && list.get(0).path("status").asText().equals("succeeded") && list.get(1).path("status").asText().equals("succeeded");
        });
    }

    @Test
    void unknownDocumentsIndexesAndModelsAreClearErrors() {
        TestServer.Response missing = server.postJson("/v1/convai/knowledge-base/nope/rag-index", "{\"model\":\"e5_mistral_7b_instruct\"}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("detail").path("status").asText()).isEqualTo("document_not_found");
        assertThat(server.get("/v1/convai/knowledge-base/nope/rag-index").status()).isEqualTo(404);
        String doc = document("Some text.");
        TestServer.Response badModel = server.postJson("/v1/convai/knowledge-base/" + doc + "/rag-index", "{\"model\":\"bert\"}");
        assertThat(badModel.status()).isEqualTo(422);
        assertThat(badModel.json().path("detail").get(0).path("loc").toString()).isEqualTo("[\"body\",\"model\"]");
        assertThat(server.postJson("/v1/convai/knowledge-base/" + doc + "/rag-index", "{}").status()).isEqualTo(422);
        assertThat(server.postJson("/v1/convai/knowledge-base/" + doc + "/rag-index", "not json").status()).isEqualTo(422);
        TestServer.Response noIndex = server.delete("/v1/convai/knowledge-base/" + doc + "/rag-index/abc");
        assertThat(noIndex.status()).isEqualTo(404);
        assertThat(noIndex.json().path("detail").path("status").asText()).isEqualTo("rag_index_not_found");
    }

    @Test
    void aDocumentDeletedTakesItsIndexWithIt() {
        String doc = document("Short lived.");
        server.postJson("/v1/convai/knowledge-base/" + doc + "/rag-index", "{\"model\":\"e5_mistral_7b_instruct\"}");
        KnowledgeRows.deleteDocument(server.timbre().database().jdbi(), doc);
        assertThat(server.get("/v1/convai/knowledge-base/" + doc + "/rag-index").status()).isEqualTo(404);
        Long rows = server.timbre().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM rag_indexes WHERE document_id = :d").bind("d", doc).mapTo(Long.class).one());
        assertThat(rows).isZero();
    }
}
