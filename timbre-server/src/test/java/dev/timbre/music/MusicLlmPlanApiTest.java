package dev.timbre.music;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.config.LlmProvider;
import dev.timbre.config.LlmSettings;
import dev.timbre.testing.MockLlmServer;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** With an LLM provider configured, the model writes the plan (made to add up exactly); when it fails, the rules do. */
@Tag("integration")
class MusicLlmPlanApiTest {
    static MockLlmServer llm;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        llm = new MockLlmServer("{\"positive_global_styles\": [\"sea shanty\", \"accordion\", \"100 bpm\"], \"negative_global_styles\": [\"synth\"],"
                + " \"sections\": [{\"section_name\": \"Verse 1\", \"positive_local_styles\": [\"call and response\"], \"negative_local_styles\": [],"
                + " \"duration_ms\": 14000, \"lines\": [\"Haul away, boys\"]}, {\"section_name\": \"Chorus\", \"positive_local_styles\": [],"
                + " \"negative_local_styles\": [], \"duration_ms\": 9000, \"lines\": []}]}");
        server = TestServer.start(c -> c.withLlm(new LlmSettings(List.of(
                new LlmProvider("mock", "openai", llm.url(), null, null, Map.of(), List.of("gpt-*"), 0)), 0)));
    }

    @AfterAll
    static void stop() {
        server.close();
        llm.close();
    }

    @Test
    void the_configured_model_plans_and_the_rules_back_it_up() {
        var r = server.postJson("/v1/music/plan", Map.of("prompt", "a sea shanty for sailors", "music_length_ms", 20_000));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/music/plan", r);
        assertThat(llm.bodies.get(llm.bodies.size() - 1).toString()).contains("a sea shanty for sailors").contains("20000 ms");
        JsonNode p = r.json();
        assertThat(p.get("positive_global_styles").toString()).contains("sea shanty", "accordion");
        assertThat(p.at("/sections/0/lines/0").asText()).isEqualTo("Haul away, boys");
        assertThat(p.at("/sections/0/duration_ms").asInt() + p.at("/sections/1/duration_ms").asInt()).isEqualTo(20_000);

        llm.mode = "fail";
        var fallback = server.postJson("/v1/music/plan", Map.of("prompt", "a sea shanty with accordion", "music_length_ms", 20_000));
        assertThat(fallback.status()).as(fallback.text()).isEqualTo(200);
        assertThat(fallback.json().get("positive_global_styles").toString()).contains("accordion").doesNotContain("100 bpm");
        int sum = 0;
        for (JsonNode s : fallback.json().get("sections")) sum += s.get("duration_ms").asInt();
        assertThat(sum).isEqualTo(20_000);
        llm.mode = "ok";
    }
}
