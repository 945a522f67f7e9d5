package dev.timbre.convai.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.config.LlmProvider;
import dev.timbre.config.LlmSettings;
import dev.timbre.convai.knowledgebase.rag.KnowledgeRows;
import dev.timbre.testing.MockLlmServer;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * RAG in a conversation on the real server: an agent with a knowledge-base document and {@code rag.enabled}; the
 * user asks what only the document answers; the chunk reaches the LLM's request and {@code rag_retrieval_info} the
 * stored conversation.
 */
@Tag("integration")
class ConversationRagApiTest {
    static MockLlmServer llm;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        llm = new MockLlmServer("Elias Thorn kept the Skerry Point light.");
        server = TestServer.start(c -> c.withLlm(new LlmSettings(List.of(
                new LlmProvider("mock", "openai", llm.url(), null, null, Map.of(), List.of("gpt-*"), 0)), 0)));
    }

    @AfterAll
    static void stop() {
        server.close();
        llm.close();
    }

    @Test
    void theRetrievedChunkReachesTheModelAndTheStoredConversation() throws Exception {
        String doc = KnowledgeRows.document(server.timbre().database().jdbi(), "Lighthouses", List.of(
                "Sourdough bread needs a starter made of flour and water, fed daily for a week.",
                "The lighthouse at Skerry Point was kept by Elias Thorn from 1871 until his death in 1911.",
                "Jupiter has at least ninety-five known moons, the largest of which is Ganymede."));
        var created = server.postJson("/v1/convai/agents/create", ("{'name':'Keeper','conversation_config':{'agent':{'first_message':'',"
                + "'prompt':{'prompt':'You answer questions about the coast.','llm':'gpt-4o-mini',"
                + "'knowledge_base':[{'type':'text','name':'Lighthouses','id':'" + doc + "','usage_mode':'auto'}],"
                + "'rag':{'enabled':true,'embedding_model':'e5_mistral_7b_instruct','max_vector_distance':0.6,"
                + "'max_documents_length':50000,'max_retrieved_rag_chunks_count':2}}},"
                + "'conversation':{'text_only':true}}}").replace('\'', '"'));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String agentId = created.json().get("agent_id").asText();

        String conversationId;
        try (var c = ConversationClient.open(server.timbre().port(), "/v1/convai/conversation?agent_id=" + agentId, Map.of(), "convai")) {
            c.sendJson(ConversationHarness.INIT);
            conversationId = c.message().path("conversation_initiation_metadata_event").path("conversation_id").asText();
            c.sendJson("{'type':'user_message','text':'Who kept the lighthouse at Skerry Point?'}");
            List<JsonNode> reply = c.until("agent_response");
            assertThat(reply.get(reply.size() - 1).path("agent_response_event").path("agent_response").asText())
                    .isEqualTo("Elias Thorn kept the Skerry Point light.");
        }

        JsonNode request = llm.bodies.get(0);
        String system = request.path("messages").get(0).path("content").asText();
        assertThat(request.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(system).startsWith("You answer questions about the coast.").contains("kept by Elias Thorn from 1871");
        assertThat(system).as("unrelated chunks stay out").doesNotContain("Sourdough");

        JsonNode agentEntry = awaitRag(conversationId);
        JsonNode info = agentEntry.path("rag_retrieval_info");
        assertThat(info.path("embedding_model").asText()).isEqualTo("e5_mistral_7b_instruct");
        assertThat(info.path("retrieval_query").asText()).isEqualTo("Who kept the lighthouse at Skerry Point?");
        assertThat(info.path("rag_latency_secs").asDouble()).isPositive();
        JsonNode first = info.path("chunks").get(0);
        assertThat(first.path("document_id").asText()).isEqualTo(doc);
        assertThat(first.path("chunk_id").asText()).isEqualTo(doc + "_1");
        assertThat(first.path("vector_distance").asDouble()).isBetween(0.0, 0.6);
        assertThat(first.has("content")).as("the chunk's text is not part of RagChunkMetadata").isFalse();
        String stored = server.timbre().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT transcript FROM conversations WHERE conversation_id = :id").bind("id", conversationId).mapTo(String.class).one());
        assertThat(stored).contains("rag_retrieval").doesNotContain("kept by Elias Thorn");
    }

    @Test
    void theOfflineRuleModelAnswersFromTheDocument() {
        String doc = KnowledgeRows.document(server.timbre().database().jdbi(), "Ferries", List.of(
                "The ferry to Inishmore leaves Rossaveal at half past ten every morning.",
                "Bicycles can be hired next to the pier on Inishmore."));
        var created = server.postJson("/v1/convai/agents/create", ("{'name':'Ferry','conversation_config':{'agent':{'first_message':'',"
                + "'prompt':{'prompt':'You help travellers.','llm':'gemini-2.0-flash',"
                + "'knowledge_base':[{'type':'text','name':'Ferries','id':'" + doc + "'}],'rag':{'enabled':true}}},"
                + "'conversation':{'text_only':true}}}").replace('\'', '"'));
        String agentId = created.json().get("agent_id").asText();
        try (var c = ConversationClient.open(server.timbre().port(), "/v1/convai/conversation?agent_id=" + agentId, Map.of(), "convai")) {
            c.sendJson(ConversationHarness.INIT);
            c.message();
            c.sendJson("{'type':'user_message','text':'When does the ferry to Inishmore leave?'}");
            List<JsonNode> reply = c.until("agent_response");
            assertThat(reply.get(reply.size() - 1).path("agent_response_event").path("agent_response").asText())
                    .isEqualTo("The ferry to Inishmore leaves Rossaveal at half past ten every morning.");
        }
    }

    /** The stored conversation's agent entry once it carries {@code rag_retrieval_info} (at most 30 s). */
    static JsonNode awaitRag(String conversationId) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            var r = server.get("/v1/convai/conversations/" + conversationId);
            if (r.status() == 200) {
                for (JsonNode e : r.json().path("transcript")) {
                    if (e.path("role").asText().equals("agent") && e.path("rag_retrieval_info").isObject()) {
                        OpenApiContract.assertConforms("GET", "/v1/convai/conversations/{conversation_id}", r);
                        return e;
                    }
                }
                seen.add(r.text());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no rag_retrieval_info in " + (seen.isEmpty() ? "nothing" : seen.get(seen.size() - 1)));
    }
}
