package dev.timbre.texttovoice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.config.LlmProvider;
import dev.timbre.config.LlmSettings;
import dev.timbre.testing.MockLlmServer;
import dev.timbre.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** With an LLM provider configured, the model reads the description; when it fails, the vocabulary does. */
@Tag("integration")
class TextToVoiceLlmApiTest {
    static MockLlmServer llm;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        llm = new MockLlmServer("{\"gender\": \"female\", \"age\": \"old\", \"accent\": \"british\", \"pitch_semitones\": 1.5, "
                + "\"pitch_range\": 1.2, \"rate\": 0.9, \"formant_scale\": 1.0, \"tones\": [\"wise\"]}");
        server = TestServer.start(c -> c.withLlm(new LlmSettings(List.of(
                new LlmProvider("mock", "openai", llm.url(), null, null, Map.of(), List.of("gpt-*"), 0)), 0)));
    }

    @AfterAll
    static void stop() {
        server.close();
        llm.close();
    }

    @Test
    void the_configured_model_reads_the_description_and_the_vocabulary_backs_it_up() {
        String description = "The storyteller everyone's grandchildren adore, from a village near London";
        var r = server.postJson("/v1/text-to-voice/design", Map.of("voice_description", description, "seed", 1));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(llm.bodies).isNotEmpty();
        assertThat(llm.bodies.get(llm.bodies.size() - 1).toString()).contains("pitch_semitones").contains(description);
        var row = new PreviewRepository(server.timbre().database().jdbi())
                .find(r.json().at("/previews/0/generated_voice_id").asText(), System.currentTimeMillis() / 1000).orElseThrow();
        assertThat(row.labels()).containsEntry("gender", "female").containsEntry("age", "old").containsEntry("descriptive", "wise");

        llm.mode = "fail";
        var fallback = server.postJson("/v1/text-to-voice/design", Map.of("voice_description", description, "seed", 1));
        assertThat(fallback.status()).as(fallback.text()).isEqualTo(200);
        var vocabulary = new PreviewRepository(server.timbre().database().jdbi())
                .find(fallback.json().at("/previews/0/generated_voice_id").asText(), System.currentTimeMillis() / 1000).orElseThrow();
        assertThat(vocabulary.labels()).as("London → british by the vocabulary; no age said").containsEntry("accent", "british")
                .doesNotContainEntry("age", "old");
        llm.mode = "ok";
    }
}
