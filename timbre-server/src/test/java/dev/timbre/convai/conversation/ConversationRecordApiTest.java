package dev.timbre.convai.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The server as composed in {@code Timbre}: a conversation over the socket is stored and read back over REST. */
@Tag("integration")
class ConversationRecordApiTest {
    static TestServer server;
    static String agentId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        var r = server.postJson("/v1/convai/agents/create", ("{'name':'Recorder','conversation_config':{'agent':{'first_message':'Hello! How can I help?',"
                + "'prompt':{'prompt':'When the user says hello, reply Hi there.',"
                + "'built_in_tools':{'end_call':{'type':'system','name':'end_call','description':'','params':{'system_tool_type':'end_call'}}}}},"
                + "'conversation':{'text_only':true}}}").replace('\'', '"'));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        agentId = r.json().get("agent_id").asText();
    }

    @AfterAll
    static void stop() { server.close(); }

    @Test
    void aFinishedConversationIsStoredWithItsTranscriptAndListed() throws Exception {
        String conversationId;
        try (var c = ConversationClient.open(server.timbre().port(), "/v1/convai/conversation?agent_id=" + agentId, Map.of(), "convai")) {
            c.sendJson(ConversationHarness.INIT);
            JsonNode meta = c.message();
            conversationId = meta.path("conversation_initiation_metadata_event").path("conversation_id").asText();
            assertThat(c.message().path("agent_response_event").path("agent_response").asText()).isEqualTo("Hello! How can I help?");
            c.sendJson("{'type':'user_message','text':'hello'}");
            List<JsonNode> reply = c.until("agent_response");
            assertThat(reply.get(reply.size() - 1).path("agent_response_event").path("agent_response").asText()).isEqualTo("Hi there.");
            c.sendJson("{'type':'user_message','text':'goodbye'}");
            List<JsonNode> rest = new ArrayList<>();
            assertThat(c.closeAfter(rest).code()).isEqualTo(1000);
        }

        JsonNode details = awaitStatus(conversationId, "done");
        assertThat(details.path("agent_id").asText()).isEqualTo(agentId);
        List<String> lines = new ArrayList<>();
        for (JsonNode e : details.path("transcript")) lines.add(e.path("role").asText() + ": " + e.path("message").asText());
        assertThat(lines).startsWith("agent: Hello! How can I help?", "user: hello", "agent: Hi there.", "user: goodbye");
        assertThat(details.path("metadata").path("text_only").asBoolean()).isTrue();
        assertThat(details.path("analysis").isNull()).isFalse();

        String metrics = server.get("/metrics").text();
        assertThat(metrics).containsPattern("timbre_agent_turn_overhead_seconds_count\\{[^}]*leg=\"total\"[^}]*} [1-9]");
        assertThat(metrics).as("voice latency is exported (empty for a text call)")
                .containsPattern("timbre_agent_voice_latency_seconds_count\\{[^}]*stage=\"first_audio_sent\"[^}]*} 0");
        assertThat(details.path("has_audio").asBoolean(true)).as("text conversations are not recorded").isFalse();
        assertThat(server.get("/v1/convai/conversations/" + conversationId + "/audio").status()).isEqualTo(404);

        var list = server.get("/v1/convai/conversations?agent_id=" + agentId);
        OpenApiContract.assertConforms("GET", "/v1/convai/conversations", list);
        assertThat(list.json().path("conversations").get(0).path("conversation_id").asText()).isEqualTo(conversationId);
        assertThat(list.json().path("conversations").get(0).path("message_count").asInt()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void signedUrlsSurviveARestartOnTheSameDataDir() throws Exception {
        var created = server.postJson("/v1/convai/agents/create", ("{'name':'Private','conversation_config':{'agent':{'first_message':'Hi.'},"
                + "'conversation':{'text_only':true}},'platform_settings':{'auth':{'enable_auth':true}}}").replace('\'', '"'));
        String privateAgent = created.json().get("agent_id").asText();
        String signed = server.get("/v1/convai/conversation/get-signed-url?agent_id=" + privateAgent).json().get("signed_url").asText();
        String query = signed.substring(signed.indexOf('?') + 1);
        java.nio.file.Path dir = server.dataDir();
        server.close();
        server = TestServer.start(c -> c.withDataDir(dir));
        try (var c = ConversationClient.open(server.timbre().port(), "/v1/convai/conversation?" + query, Map.of(), "convai")) {
            c.sendJson(ConversationHarness.INIT);
            assertThat(c.message().path("type").asText()).isEqualTo("conversation_initiation_metadata");
            assertThat(c.message().path("agent_response_event").path("agent_response").asText()).isEqualTo("Hi.");
        }
    }

    /** Post-call work runs in the background: polls the details until {@code status} (at most 30 s). */
    static JsonNode awaitStatus(String conversationId, String status) throws InterruptedException {
        JsonNode last = null;
        for (int i = 0; i < 300; i++) {
            var r = server.get("/v1/convai/conversations/" + conversationId);
            if (r.status() == 200) {
                last = r.json();
                if (last.path("status").asText().equals(status)) {
                    OpenApiContract.assertConforms("GET", "/v1/convai/conversations/{conversation_id}", r);
                    return last;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("conversation " + conversationId + " never reached " + status + ": " + last);
    }
}
