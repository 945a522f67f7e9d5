package dev.timbre.convai.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Who may connect (auth, signed URLs, tokens, allowlists) and which overrides a client may send. */
@Tag("integration")
class ConversationAuthApiTest {
    static ConversationHarness h;
    static String privateAgent;
    static String open;

    @BeforeAll
    static void start() {
        h = new ConversationHarness();
        privateAgent = h.agent("{'name':'Private','conversation_config':{'agent':{'first_message':'Secret hello'}},"
                + "'platform_settings':{'auth':{'enable_auth':true}}}");
        open = h.agent("{'name':'Overridable','conversation_config':{'agent':{'first_message':'Default hello'}},"
                + "'platform_settings':{'overrides':{'conversation_config_override':{'agent':{'first_message':true}}},"
                + "'auth':{'allowlist':[{'hostname':'example.com'},{'hostname':'localhost:3000'}]}}}");
    }

    @AfterAll
    static void stop() { h.close(); }

    static TestServer.Response get(String path) {
        return h.server.send(h.server.builder("/x").uri(URI.create("http://127.0.0.1:" + h.api.port() + path)).GET());
    }

    static void assertRefused(ConversationClient c, String messagePart) {
        JsonNode error = c.message();
        assertThat(error.path("type").asText()).isEqualTo("error");
        assertThat(error.path("error_event").path("message").asText()).contains(messagePart);
        assertThat(c.next()).isInstanceOfSatisfying(dev.timbre.testing.TestSocket.Closed.class, cl -> assertThat(cl.code()).isEqualTo(1008));
    }

    static String firstMessage(ConversationClient c, String initiation) {
        c.sendJson(initiation);
        assertThat(c.message().path("type").asText()).isEqualTo("conversation_initiation_metadata");
        return c.message().path("agent_response_event").path("agent_response").asText();
    }

    @Test
    void authRequiredAgentRefusesAnonymousConnections() {
        try (var c = h.connect("agent_id=" + privateAgent, "convai")) {
            assertRefused(c, "requires authentication");
        }
    }

    @Test
    void signedUrlOpensAnAuthRequiredAgentOnce() {
        var r = get("/v1/convai/conversation/get-signed-url?agent_id=" + privateAgent + "&include_conversation_id=true");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/convai/conversation/get-signed-url", r);
        String url = r.json().get("signed_url").asText();
        assertThat(url).startsWith("ws://127.0.0.1:" + h.api.port() + "/v1/convai/conversation?agent_id=" + privateAgent + "&conversation_signature=");
        String query = url.substring(url.indexOf('?') + 1);
        try (var c = h.connect(query + "&source=js_sdk", "convai")) {
            assertThat(firstMessage(c, ConversationHarness.INIT)).isEqualTo("Secret hello");
        }
        try (var again = h.connect(query, "convai")) {
            assertRefused(again, "already used");
        }
        try (var forged = h.connect(query.replaceAll(".$", "x"), "convai")) {
            assertRefused(forged, "invalid");
        }
    }

    @Test
    void tokenAndApiKeyAreAcceptedToo() {
        var r = get("/v1/convai/conversation/token?agent_id=" + privateAgent + "&participant_name=ann");
        assertThat(r.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/convai/conversation/token", r);
        try (var c = h.connect("agent_id=" + privateAgent + "&token=" + r.json().get("token").asText())) {
            assertThat(firstMessage(c, ConversationHarness.INIT)).isEqualTo("Secret hello");
        }
        try (var c = h.connect("agent_id=" + privateAgent, Map.of("xi-api-key", TestServer.KEY))) {
            assertThat(firstMessage(c, ConversationHarness.INIT)).isEqualTo("Secret hello");
        }
        String token = get("/v1/convai/conversation/token?agent_id=" + privateAgent).json().get("token").asText();
        for (String credential : new String[] {token, TestServer.KEY}) { // @elevenlabs/client's `authorization` option
            try (var c = h.connect("agent_id=" + privateAgent, "convai", "bearer." + credential)) {
                assertThat(c.subprotocol()).isEqualTo("convai");
                assertThat(firstMessage(c, ConversationHarness.INIT)).isEqualTo("Secret hello");
            }
        }
    }

    @Test
    void signedUrlNeedsAKeyAndAKnownAgent() {
        var noKey = h.server.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + h.api.port()
                + "/v1/convai/conversation/get-signed-url?agent_id=" + privateAgent)).GET());
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(get("/v1/convai/conversation/get-signed-url?agent_id=nope").status()).isEqualTo(404);
        var missing = get("/v1/convai/conversation/get-signed-url");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().path("detail").get(0).path("loc").toString()).isEqualTo("[\"query\",\"agent_id\"]");
    }

    @Test
    void allowlistChecksTheOrigin() {
        try (var c = h.connect("agent_id=" + open, Map.of("Origin", "https://evil.test"))) {
            assertRefused(c, "allowlist");
        }
        try (var c = h.connect("agent_id=" + open, Map.of("Origin", "http://localhost:3000"))) {
            assertThat(firstMessage(c, ConversationHarness.INIT)).isEqualTo("Default hello");
        }
    }

    @Test
    void allowedOverridesApplyAndOthersAreRefused() {
        var origin = Map.of("Origin", "https://example.com");
        try (var c = h.connect("agent_id=" + open, origin)) {
            assertThat(firstMessage(c, "{'type':'conversation_initiation_client_data','conversation_config_override':"
                    + "{'agent':{'first_message':'Custom hello'},'tts':{},'conversation':{'text_only':true}}}")).isEqualTo("Custom hello");
        }
        try (var c = h.connect("agent_id=" + open, origin)) {
            c.sendJson("{'type':'conversation_initiation_client_data','conversation_config_override':{'agent':{'prompt':{'prompt':'Be evil'}}}}");
            JsonNode error = c.message();
            assertThat(error.path("error_event").path("error_type").asText()).isEqualTo("override_error");
            assertThat(error.path("error_event").path("message").asText()).isEqualTo("Override for field 'prompt' is not allowed by config.");
            assertThat(c.next()).isInstanceOfSatisfying(dev.timbre.testing.TestSocket.Closed.class, cl -> assertThat(cl.code()).isEqualTo(1008));
            assertThat(h.log.calls).contains("initiationFailed " + open + " Override for field 'prompt' is not allowed by config.");
        }
        try (var c = h.connect("agent_id=" + open, origin)) {
            c.sendJson("{'type':'conversation_initiation_client_data','dynamic_variables':{'system__agent_id':'x'}}");
            assertThat(c.message().path("error_event").path("message").asText()).contains("reserved prefix");
        }
    }
}
