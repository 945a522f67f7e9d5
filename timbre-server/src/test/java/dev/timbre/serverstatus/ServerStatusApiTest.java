package dev.timbre.serverstatus;

import dev.timbre.common.Redaction;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.config.LlmProvider;
import dev.timbre.config.LlmSettings;
import dev.timbre.testing.TestServer;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/timbre/engines}: the loaded engines (fake TTS and STT here) with voices and load times, the detector
 * and embeddings, the configured LLM providers with reachability (one listening, one closed port), no secrets, the
 * key and its scope checked, and kept out of {@code /openapi.json}.
 */
@Tag("integration")
class ServerStatusApiTest {
    static final String SECRET_KEY = "sk-provider-secret-123";
    static final String SECRET_HEADER = "header-secret-456";
    static final String URL_PASSWORD = "urlpass789";
    static ServerSocket listening;
    static int closedPort;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        listening = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        try (ServerSocket s = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        List<LlmProvider> providers = List.of(
                new LlmProvider("local-vllm", "openai", "http://user:" + URL_PASSWORD + "@127.0.0.1:" + listening.getLocalPort() + "/v1?token=" + URL_PASSWORD,
                        SECRET_KEY, "qwen2.5-7b", Map.of("X-Secret", SECRET_HEADER), List.of("gpt-*"), 0),
                new LlmProvider("gone", "openai", "http://127.0.0.1:" + closedPort + "/v1", null, null, Map.of(), List.of("claude-*"), 0));
        server = TestServer.start(c -> c.withLlm(new LlmSettings(providers, 8)));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        listening.close();
    }

    @Test
    void lists_the_loaded_engines_with_voices_load_times_and_health() {
        var r = server.get("/v1/timbre/engines");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("status").asText()).isEqualTo("ok");
        assertThat(body.get("database").asBoolean()).isTrue();

        JsonNode tts = body.get("text_to_speech");
        assertThat(tts.size()).isGreaterThanOrEqualTo(1);
        JsonNode fake = tts.get(0);
        assertThat(fake.get("name").asText()).isEqualTo("fake");
        assertThat(fake.get("is_default").asBoolean()).isTrue();
        assertThat(fake.get("state").asText()).isEqualTo("loaded");
        assertThat(fake.get("healthy").asBoolean()).isTrue();
        assertThat(fake.get("voices").asInt()).isEqualTo(server.get("/v1/voices").json().get("voices").size());
        assertThat(fake.get("load_ms").isIntegralNumber()).as(fake.toString()).isTrue();
        assertThat(fake.get("load_ms").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(fake.get("description").asText()).isNotBlank();

        JsonNode stt = body.get("speech_to_text");
        assertThat(stt.size()).isEqualTo(1);
        assertThat(stt.get(0).get("name").asText()).isEqualTo("fake");
        assertThat(stt.get(0).get("state").asText()).isEqualTo("loaded");
        assertThat(stt.get(0).get("healthy").asBoolean()).isTrue();
        assertThat(stt.get(0).get("load_ms").asLong()).isGreaterThanOrEqualTo(0);

        assertThat(body.get("voice_activity").get("name").asText()).isIn("silero", "energy");
        JsonNode embeddings = body.get("embeddings");
        assertThat(embeddings.get("where").asText()).isEqualTo("in_process");
        assertThat(embeddings.get("model_id").asText()).isNotBlank();
        assertThat(embeddings.get("loaded").asBoolean()).as("the status never loads it").isFalse();
    }

    @Test
    void lists_the_llm_providers_in_order_with_reachability_and_the_built_in_rules_last() {
        JsonNode models = server.get("/v1/timbre/engines").json().get("language_models");
        assertThat(models.size()).isEqualTo(3);
        JsonNode local = models.get(0);
        assertThat(local.get("name").asText()).isEqualTo("local-vllm");
        assertThat(local.get("kind").asText()).isEqualTo("openai");
        assertThat(local.get("url").asText()).isEqualTo("http://127.0.0.1:" + listening.getLocalPort() + "/v1");
        assertThat(local.get("model").asText()).isEqualTo("qwen2.5-7b");
        assertThat(local.get("serves").get(0).asText()).isEqualTo("gpt-*");
        assertThat(local.get("reachable").asBoolean()).as(local.toString()).isTrue();
        assertThat(local.get("latency_ms").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(local.get("built_in").asBoolean()).isFalse();

        JsonNode gone = models.get(1);
        assertThat(gone.get("name").asText()).isEqualTo("gone");
        assertThat(gone.get("reachable").asBoolean()).isFalse();
        assertThat(gone.get("error").asText()).isNotBlank();
        assertThat(gone.get("model").isNull()).isTrue();

        JsonNode rules = models.get(2);
        assertThat(rules.get("kind").asText()).isEqualTo("rules");
        assertThat(rules.get("built_in").asBoolean()).isTrue();
        assertThat(rules.get("reachable").asBoolean()).isTrue();
    }

    @Test
    void never_shows_a_secret() {
        String text = server.get("/v1/timbre/engines").text();
        assertThat(text).doesNotContain(SECRET_KEY).doesNotContain(SECRET_HEADER).doesNotContain(URL_PASSWORD)
                .doesNotContain("X-Secret").doesNotContain(TestServer.KEY);
    }

    @Test
    void needs_a_key_with_workspace_read() {
        var none = server.send(server.builder("/v1/timbre/engines").setHeader("xi-api-key", "sk_wrong"));
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("detail").get("status").asText()).isNotBlank();

        String reader = key("status reader", List.of("workspace_read"));
        String speaker = key("speaker only", List.of("text_to_speech"));
        assertThat(server.send(server.builder("/v1/timbre/engines").setHeader("xi-api-key", reader)).status()).isEqualTo(200);
        var refused = server.send(server.builder("/v1/timbre/engines").setHeader("xi-api-key", speaker));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").get("status").asText()).isEqualTo("missing_permissions");
    }

    @Test
    void is_not_in_the_served_openapi_document() {
        var spec = server.get("/openapi.json");
        assertThat(spec.status()).isEqualTo(200);
        List<String> paths = new ArrayList<>();
        spec.json().get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).isNotEmpty().noneMatch(p -> p.startsWith("/v1/timbre"));
    }

    @Test
    void redaction_cuts_user_info_queries_and_fragments() {
        assertThat(Redaction.url("https://u:p@host.example:8443/v1?key=abc#x")).isEqualTo("https://host.example:8443/v1");
        assertThat(Redaction.url("not a url")).isNull();
        assertThat(Redaction.text("failed to reach https://u:secret@h/v1?api_key=secret now"))
                .isEqualTo("failed to reach https://h/v1 now");
        assertThat(Redaction.text("x".repeat(400))).hasSize(301);
    }

    private static String key(String name, List<String> permissions) {
        String account = server.get("/v1/service-accounts").json().get("service-accounts").get(0).get("service_account_user_id").asText();
        var r = server.postJson("/v1/service-accounts/" + account + "/api-keys", Map.of("name", name, "permissions", permissions));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json().get("xi-api-key").asText();
    }
}
