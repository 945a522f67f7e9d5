package dev.timbre.convai.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.config.LlmProvider;
import dev.timbre.config.LlmSettings;
import dev.timbre.engine.ChatMessage;
import dev.timbre.engine.ChatRequest;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.FallbackLanguageModel;
import dev.timbre.engine.LanguageModel;
import dev.timbre.engine.anthropic.AnthropicLanguageModel;
import dev.timbre.engine.openai.OpenAiChatLanguageModel;
import dev.timbre.engine.rules.RuleLanguageModel;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.outbound.OutboundAllowList;
import dev.timbre.outbound.OutboundException;
import dev.timbre.outbound.OutboundHttp;
import dev.timbre.outbound.OutboundPolicy;
import dev.timbre.outbound.OutboundTransport;
import dev.timbre.testing.MockLlmServer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfiguredLanguageModelsTest {
    static final ChatRequest HELLO = ChatRequest.of(List.of(ChatMessage.system("Be brief."), ChatMessage.user("hello")));
    static final Function<String, String> SECRETS = id -> switch (id) {
        case "sec_key" -> "sk-custom";
        case "sec_hdr" -> "hdr-secret";
        default -> throw ApiException.notFound("secret_not_found", "Secret with id '" + id + "' not found");
    };

    MockLlmServer a;
    MockLlmServer b;
    ConfiguredLanguageModels models;
    /** The mock servers are on 127.0.0.1: the operator allows it for these tests. */
    final OutboundHttp outboundHttp = new OutboundHttp(new OutboundPolicy(OutboundAllowList.parse("127.0.0.1")));
    final OutboundTransport outbound = new OutboundTransport(outboundHttp);

    @BeforeEach
    void start() throws Exception {
        a = new MockLlmServer("from a");
        b = new MockLlmServer("from b");
    }

    @AfterEach
    void stop() {
        if (models != null) models.close();
        a.close();
        b.close();
        outboundHttp.close();
    }

    @Test
    void a_custom_llm_on_a_private_address_is_refused_without_the_allow_list_and_the_error_names_no_url() throws Exception {
        try (OutboundHttp publicOnly = new OutboundHttp(OutboundPolicy.publicOnly())) {
            models = new ConfiguredLanguageModels(new LlmSettings(List.of(openai("a", a.url(), null, "gpt-*")), 0), SECRETS,
                    new OutboundTransport(publicOnly));
            LanguageModel custom = models.forPrompt(prompt("{\"llm\":\"custom-llm\",\"custom_llm\":{\"url\":\"" + b.url()
                    + "\"},\"backup_llm_config\":{\"preference\":\"disabled\"}}"));
            assertThatThrownBy(() -> custom.complete(HELLO)).isInstanceOf(EngineException.class)
                    .hasMessageContaining(OutboundException.MESSAGE).hasMessageNotContaining("Connection refused");
            assertThat(b.bodies).isEmpty();
            // the operator's own provider on the same kind of address is trusted
            assertThat(models.forPrompt(prompt("{\"llm\":\"gpt-4o\"}")).complete(HELLO).text()).isEqualTo("from a");
        }
    }

    static JsonNode prompt(String json) throws Exception {
        return Json.MAPPER.readTree(json);
    }

    LlmProvider openai(String name, String url, String model, String... serves) {
        return new LlmProvider(name, "openai", url, "key-" + name, model, Map.of("X-Team", "voice"), List.of(serves), 0);
    }

    @Test
    void nothing_configured_gives_every_agent_the_rule_model() throws Exception {
        models = new ConfiguredLanguageModels(LlmSettings.none(), SECRETS, outbound);
        LanguageModel m = models.forPrompt(prompt("{\"llm\":\"gpt-4o-mini\",\"backup_llm_config\":{\"preference\":\"override\",\"order\":[\"claude-3-haiku\"]}}"));
        assertThat(m).isInstanceOf(RuleLanguageModel.class);
        assertThat(models.forPrompt(null)).isSameAs(m);
        assertThat(m.complete(HELLO).text()).isEqualTo("You said hello. How can I help?");
    }

    @Test
    void a_matching_provider_serves_the_llm_as_the_model_name_with_the_agents_options() throws Exception {
        models = new ConfiguredLanguageModels(new LlmSettings(List.of(openai("a", a.url() + "/v1", null, "gpt-*")), 0), SECRETS, outbound);
        JsonNode p = prompt("{\"llm\":\"gpt-4o-mini\",\"temperature\":0.3,\"max_tokens\":120,\"backup_llm_config\":{\"preference\":\"disabled\"}}");
        LanguageModel m = models.forPrompt(p);
        assertThat(m).isInstanceOf(OpenAiChatLanguageModel.class);
        assertThat(m.complete(LlmPrompt.request(p, HELLO.messages(), List.of())).text()).isEqualTo("from a");
        JsonNode body = a.bodies.get(0);
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.3);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(120);
        assertThat(a.header(0, "Authorization")).isEqualTo("Bearer key-a");
        assertThat(a.header(0, "X-Team")).isEqualTo("voice");
        // not served by the provider → the rule model
        assertThat(models.forPrompt(prompt("{\"llm\":\"claude-3-haiku\"}"))).isInstanceOf(RuleLanguageModel.class);
    }

    @Test
    void a_pinned_model_and_an_anthropic_provider() throws Exception {
        models = new ConfiguredLanguageModels(new LlmSettings(List.of(
                new LlmProvider("claude", "anthropic", b.url(), "ant-key", null, Map.of(), List.of("claude-*"), 0),
                openai("a", a.url(), "qwen3-30b-a3b", "*")), 0), SECRETS, outbound);
        LanguageModel claude = models.forPrompt(prompt("{\"llm\":\"claude-sonnet-4-5\",\"backup_llm_config\":{\"preference\":\"disabled\"}}"));
        assertThat(claude).isInstanceOf(AnthropicLanguageModel.class);
        assertThat(claude.complete(HELLO).text()).isEqualTo("from b");
        assertThat(b.bodies.get(0).path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(b.header(0, "x-api-key")).isEqualTo("ant-key");

        LanguageModel other = models.forPrompt(prompt("{\"llm\":\"gemini-2.0-flash\",\"backup_llm_config\":{\"preference\":\"disabled\"}}"));
        assertThat(other.complete(HELLO).text()).isEqualTo("from a");
        assertThat(a.bodies.get(0).path("model").asText()).isEqualTo("qwen3-30b-a3b");
    }

    @Test
    void custom_llm_uses_its_url_model_secret_key_and_headers() throws Exception {
        models = new ConfiguredLanguageModels(LlmSettings.none(), SECRETS, outbound);
        JsonNode p = prompt("""
                {"llm":"custom-llm","custom_llm":{"url":"%s/v1","model_id":"my-model","api_key":{"secret_id":"sec_key"},
                 "request_headers":{"X-Plain":"agent {{agent_name}}","X-Secret":{"secret_id":"sec_hdr"},
                                    "X-User":{"variable_name":"user_id"},"X-Unset":{"variable_name":"nope"}}}}
                """.formatted(a.url()));
        LanguageModel m = models.forPrompt(p, Map.of("agent_name", "Ada", "user_id", "u-42"));
        assertThat(m.complete(HELLO).text()).isEqualTo("from a");
        assertThat(a.bodies.get(0).path("model").asText()).isEqualTo("my-model");
        assertThat(a.header(0, "Authorization")).isEqualTo("Bearer sk-custom");
        assertThat(a.header(0, "X-Plain")).isEqualTo("agent Ada");
        assertThat(a.header(0, "X-Secret")).isEqualTo("hdr-secret");
        assertThat(a.header(0, "X-User")).isEqualTo("u-42");
        assertThat(a.header(0, "X-Unset")).isNull();
        // the same configuration is one cached model; another one is another model
        assertThat(models.forPrompt(p, Map.of("agent_name", "Ada", "user_id", "u-42"))).isSameAs(m);
        assertThat(models.forPrompt(p, Map.of("agent_name", "Bob", "user_id", "u-42"))).isNotSameAs(m);
    }

    @Test
    void a_missing_secret_or_url_is_a_clear_error_from_the_model() throws Exception {
        models = new ConfiguredLanguageModels(LlmSettings.none(), SECRETS, outbound);
        LanguageModel m = models.forPrompt(prompt("{\"llm\":\"custom-llm\",\"custom_llm\":{\"url\":\"" + a.url()
                + "\",\"api_key\":{\"secret_id\":\"sec_gone\"}}}"));
        assertThatThrownBy(() -> m.complete(HELLO)).isInstanceOf(EngineException.class)
                .hasMessageContaining("secret 'sec_gone'").hasMessageContaining("api_key").hasMessageContaining("not found");
        assertThat(a.bodies).isEmpty();
        LanguageModel noUrl = models.forPrompt(prompt("{\"llm\":\"custom-llm\"}"));
        assertThatThrownBy(() -> noUrl.complete(HELLO)).hasMessageContaining("custom_llm.url is not set");
    }

    @Test
    void override_backups_take_over_when_the_primary_fails() throws Exception {
        models = new ConfiguredLanguageModels(new LlmSettings(List.of(openai("a", a.url(), null, "gpt-*"),
                openai("b", b.url(), null, "claude-*")), 0), SECRETS, outbound);
        a.mode = "fail";
        JsonNode p = prompt("{\"llm\":\"gpt-4o\",\"backup_llm_config\":{\"preference\":\"override\",\"order\":[\"claude-3-haiku\",\"grok-beta\"]}}");
        LanguageModel m = models.forPrompt(p);
        assertThat(m).isInstanceOf(FallbackLanguageModel.class);
        assertThat(((FallbackLanguageModel) m).providers()).hasSize(2);
        assertThat(m.complete(HELLO).text()).isEqualTo("from b");
        assertThat(a.bodies).hasSize(1);
        assertThat(b.bodies.get(0).path("model").asText()).isEqualTo("claude-3-haiku");
        assertThat(models.forPrompt(p)).isSameAs(m);
    }

    @Test
    void a_silent_primary_is_left_after_the_cascade_timeout() throws Exception {
        models = new ConfiguredLanguageModels(new LlmSettings(List.of(openai("a", a.url(), null, "gpt-*"),
                openai("b", b.url(), "backup-model", "other")), 0), SECRETS, outbound);
        a.mode = "silent";
        LanguageModel m = models.forPrompt(prompt("{\"llm\":\"gpt-4o\",\"cascade_timeout_seconds\":1}"));
        // default backups: the other providers that pin a model
        assertThat(m).isInstanceOf(FallbackLanguageModel.class);
        assertThat(m.complete(HELLO).text()).isEqualTo("from b");
        assertThat(b.bodies.get(0).path("model").asText()).isEqualTo("backup-model");
    }

    @Test
    void disabled_backups_and_an_unavailable_primary_with_a_backup() throws Exception {
        models = new ConfiguredLanguageModels(new LlmSettings(List.of(openai("b", b.url(), "pinned", "*")), 0), SECRETS, outbound);
        LanguageModel alone = models.forPrompt(prompt("{\"llm\":\"gpt-4o\",\"backup_llm_config\":{\"preference\":\"disabled\"}}"));
        assertThat(alone).isInstanceOf(OpenAiChatLanguageModel.class);
        // a custom LLM whose secret is gone falls to the configured provider
        LanguageModel m = models.forPrompt(prompt("{\"llm\":\"custom-llm\",\"custom_llm\":{\"url\":\"" + a.url()
                + "\",\"api_key\":{\"secret_id\":\"sec_gone\"}},\"backup_llm_config\":{\"preference\":\"override\",\"order\":[\"gpt-4o\"]}}"));
        assertThat(m.complete(HELLO).text()).isEqualTo("from b");
        assertThat(a.bodies).isEmpty();
    }

    @Test
    void prompt_options() throws Exception {
        LlmPrompt p = LlmPrompt.of(prompt("{\"llm\":\"gpt-4o\",\"temperature\":0,\"max_tokens\":-1}"));
        assertThat(p.temperature()).isEqualTo(0.0);
        assertThat(p.maxTokens()).isNull();
        assertThat(p.backupPreference()).isEqualTo("default");
        ChatRequest r = p.request(HELLO.messages(), List.of());
        assertThat(r.temperature()).isEqualTo(0.0);
        assertThat(r.maxTokens()).isNull();
        assertThat(LlmPrompt.of(prompt("{\"temperature\":\"hot\"}")).temperature()).isNull();
        assertThat(LlmPrompt.of(null).llm()).isEmpty();
    }
}
