package dev.timbre.convai.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.config.LlmProvider;
import dev.timbre.config.LlmSettings;
import dev.timbre.convai.tools.WebhookToolResult;
import dev.timbre.engine.ChatMessage;
import dev.timbre.engine.ChatRequest;
import dev.timbre.engine.LanguageModel;
import dev.timbre.engine.rules.RuleLanguageModel;
import dev.timbre.http.Json;
import dev.timbre.testing.MockLlmServer;
import dev.timbre.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The models and webhook tools as {@code Timbre} wires them: configuration and the workspace's real secrets. */
@Tag("integration")
class AgentModelsWiringTest {
    static MockLlmServer llm;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        llm = new MockLlmServer("configured reply");
        server = TestServer.start(c -> c.withLlm(new LlmSettings(List.of(
                new LlmProvider("mock", "openai", llm.url(), null, null, Map.of(), List.of("gpt-*"), 0)), 0)));
    }

    @AfterAll
    static void stop() {
        server.close();
        llm.close();
    }

    String secret(String value) {
        TestServer.Response created = server.postJson("/v1/convai/secrets", "{\"type\":\"new\",\"name\":\"k\",\"value\":\"" + value + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().get("secret_id").asText();
    }

    @Test
    void configured_providers_custom_llms_with_stored_secrets_and_the_rule_model() throws Exception {
        AgentLanguageModels models = server.timbre().services().languageModels();
        ChatRequest hello = ChatRequest.of(List.of(ChatMessage.user("hello")));
        assertThat(models.forPrompt(Json.MAPPER.readTree("{\"llm\":\"gpt-4o-mini\"}")).complete(hello).text()).isEqualTo("configured reply");
        assertThat(models.forPrompt(Json.MAPPER.readTree("{\"llm\":\"gemini-2.0-flash\"}"))).isInstanceOf(RuleLanguageModel.class);

        String id = secret("sk-stored");
        LanguageModel custom = models.forPrompt(Json.MAPPER.readTree("{\"llm\":\"custom-llm\",\"custom_llm\":{\"url\":\""
                + llm.url() + "/v1\",\"api_key\":{\"secret_id\":\"" + id + "\"}}}"));
        assertThat(custom.complete(hello).text()).isEqualTo("configured reply");
        assertThat(llm.header(llm.headers.size() - 1, "Authorization")).isEqualTo("Bearer sk-stored");

        LanguageModel gone = models.forPrompt(Json.MAPPER.readTree("{\"llm\":\"custom-llm\",\"custom_llm\":{\"url\":\""
                + llm.url() + "\",\"api_key\":{\"secret_id\":\"no_such_secret\"}},\"backup_llm_config\":{\"preference\":\"disabled\"}}"));
        assertThatThrownBy(() -> gone.complete(hello)).hasMessageContaining("secret 'no_such_secret'").hasMessageContaining("not found");
    }

    @Test
    void webhook_tools_read_stored_secrets() throws Exception {
        String id = secret("tool-token");
        WebhookToolResult r = server.timbre().services().webhookTools().call(Json.MAPPER.readTree("{\"name\":\"models\",\"api_schema\":{\"url\":\""
                + server.url("/v1/models") + "\",\"request_headers\":{\"xi-api-key\":{\"secret_id\":\"" + id + "\"}}}}"), "{}", Map.of());
        assertThat(r.isError()).isTrue();
        assertThat(r.resultValue()).contains("HTTP 401");
        String key = secret(TestServer.KEY);
        WebhookToolResult ok = server.timbre().services().webhookTools().call(Json.MAPPER.readTree("{\"name\":\"models\",\"api_schema\":{\"url\":\""
                + server.url("/v1/models") + "\",\"request_headers\":{\"xi-api-key\":{\"secret_id\":\"" + key + "\"}}}}"), "{}", Map.of());
        assertThat(ok.isError()).as(ok.resultValue()).isFalse();
        assertThat(ok.resultValue()).contains("model_id");
        assertThat(ok.toolDetails().toString()).doesNotContain(TestServer.KEY);
    }
}
