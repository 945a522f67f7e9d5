package dev.timbre.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class ModelsApiTest {
    static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    @Test
    void lists_the_served_text_to_speech_models_with_every_field() {
        var r = server.get("/v1/models");
        assertThat(r.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/models", r);
        assertThat(r.json()).isNotEmpty();
        var ids = r.json().findValuesAsText("model_id");
        assertThat(ids).contains("eleven_multilingual_v2", "eleven_flash_v2_5", "eleven_turbo_v2_5", "eleven_v3");
        assertThat(ids).doesNotContain("scribe_v1", "eleven_english_sts_v2");
        var first = r.json().get(0);
        assertThat(first.get("can_do_text_to_speech").asBoolean()).isTrue();
        assertThat(first.get("languages").get(0).get("language_id").asText()).isEqualTo("en");
        assertThat(first.get("model_rates").get("character_cost_multiplier").isNumber()).isTrue();
    }
}
