package dev.timbre.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmConfigTest {
    @TempDir Path dir;

    @Test
    void nothing_configured_means_the_rule_model_and_the_default_cascade_timeout() throws Exception {
        LlmSettings llm = ConfigLoader.load(Map.of(), Map.of()).llm();
        assertThat(llm.providers()).isEmpty();
        assertThat(llm.cascadeTimeoutSeconds()).isEqualTo(8.0);
        assertThat(llm.describe()).contains("rule model").contains("not an AI");
        assertThat(llm.providerFor("gpt-4o-mini")).isNull();
    }

    @Test
    void several_providers_from_the_file_matched_in_order() throws Exception {
        Path file = dir.resolve("timbre.yaml");
        Files.writeString(file, """
                llm:
                  cascade_timeout_seconds: 4
                  providers:
                    - {name: claude, kind: anthropic, api_key: sk-ant, serves: ["claude-*"]}
                    - name: vllm
                      kind: openai
                      url: http://gpu:8000/v1
                      model: qwen3-30b-a3b
                      headers: {X-Team: voice}
                      serves: [gpt-4o-mini, "qwen3-*"]
                      timeout_seconds: 30
                    - {name: ollama, url: "http://localhost:11434"}
                    - {name: fallback, kind: rules, serves: "grok-*"}
                """);
        LlmSettings llm = ConfigLoader.load(Map.of("config", file.toString()), Map.of()).llm();
        assertThat(llm.cascadeTimeoutSeconds()).isEqualTo(4.0);
        assertThat(llm.providers()).extracting(LlmProvider::name).containsExactly("claude", "vllm", "ollama", "fallback");
        assertThat(llm.providers().get(3).serves()).containsExactly("grok-*");
        LlmProvider vllm = llm.providers().get(1);
        assertThat(vllm).isEqualTo(new LlmProvider("vllm", "openai", "http://gpu:8000/v1", null, "qwen3-30b-a3b",
                Map.of("X-Team", "voice"), List.of("gpt-4o-mini", "qwen3-*"), 30));
        assertThat(llm.providerFor("claude-sonnet-4-5").name()).isEqualTo("claude");
        assertThat(llm.providerFor("qwen3-4b").name()).isEqualTo("vllm");
        assertThat(llm.providerFor("gpt-4o-mini").name()).isEqualTo("vllm");
        assertThat(llm.providerFor("gemini-2.0-flash").name()).isEqualTo("ollama");
        assertThat(llm.providers().get(2).kind()).isEqualTo("openai");
        assertThat(llm.describe()).contains("claude", "vllm", "ollama").doesNotContain("sk-ant").doesNotContain("voice");
    }

    @Test
    void the_environment_adds_one_provider_before_the_files() throws Exception {
        Path file = dir.resolve("timbre.yaml");
        Files.writeString(file, "llm: {providers: [{name: claude, kind: anthropic, serves: ['claude-*']}]}\n");
        var env = Map.of("TIMBRE_LLM_URL", "http://localhost:11434/v1", "TIMBRE_LLM_API_KEY", "k1",
                "TIMBRE_LLM_MODEL", "llama3.2", "TIMBRE_LLM_SERVES", "gpt-*, gemini-*", "TIMBRE_LLM_CASCADE_TIMEOUT_SECONDS", "3.5");
        LlmSettings llm = ConfigLoader.load(Map.of("config", file.toString()), env).llm();
        assertThat(llm.providers()).extracting(LlmProvider::name).containsExactly("env", "claude");
        assertThat(llm.providers().get(0)).isEqualTo(new LlmProvider("env", "openai", "http://localhost:11434/v1", "k1",
                "llama3.2", Map.of(), List.of("gpt-*", "gemini-*"), 0));
        assertThat(llm.cascadeTimeoutSeconds()).isEqualTo(3.5);
        assertThat(llm.providerFor("claude-3-haiku").name()).isEqualTo("claude");
        assertThat(llm.providerFor("gemini-2.5-flash").name()).isEqualTo("env");
        assertThat(llm.providers().get(0).toString()).doesNotContain("k1");
    }

    @Test
    void flags_override_the_environment() throws Exception {
        var env = Map.of("TIMBRE_LLM_URL", "http://a:1", "TIMBRE_LLM_MODEL", "m1");
        LlmProvider p = ConfigLoader.load(Map.of("llm-url", "http://b:2", "llm-model", "m2"), env).llm().providers().get(0);
        assertThat(p.url()).isEqualTo("http://b:2");
        assertThat(p.model()).isEqualTo("m2");
        assertThat(p.serves("anything")).isTrue();
        assertThat(ConfigLoader.load(Map.of(), Map.of("TIMBRE_LLM_KIND", "anthropic", "TIMBRE_LLM_API_KEY", "x"))
                .llm().providers().get(0).kind()).isEqualTo("anthropic");
    }

    @Test
    void bad_settings_fail_at_start_with_a_clear_message() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), Map.of("TIMBRE_LLM_MODEL", "m")))
                .hasMessageContaining("needs a url");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), Map.of("TIMBRE_LLM_KIND", "gemini", "TIMBRE_LLM_URL", "http://x")))
                .hasMessageContaining("openai, anthropic or rules");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), Map.of("TIMBRE_LLM_URL", "localhost:11434")))
                .hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), Map.of("TIMBRE_LLM_CASCADE_TIMEOUT_SECONDS", "soon")))
                .hasMessageContaining("TIMBRE_LLM_CASCADE_TIMEOUT_SECONDS");
    }

    @Test
    void globs_match_whole_values() {
        assertThat(LlmProvider.matches("gpt-*", "gpt-4o")).isTrue();
        assertThat(LlmProvider.matches("gpt-*", "my-gpt-4o")).isFalse();
        assertThat(LlmProvider.matches("*", "")).isTrue();
        assertThat(LlmProvider.matches("claude-*@*", "claude-sonnet-4@20250514")).isTrue();
        assertThat(LlmProvider.matches("gpt-4.1", "gpt-4x1")).isFalse();
    }
}
