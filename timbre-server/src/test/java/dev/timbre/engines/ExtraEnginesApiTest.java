package dev.timbre.engines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.Pcm;
import dev.timbre.config.TimbreConfig;
import dev.timbre.engine.process.EspeakTextToSpeech;
import dev.timbre.engine.process.FliteTextToSpeech;
import dev.timbre.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The optional process engines, configured as extras beside the fake engine, as premade voices over the API. */
@Tag("integration")
class ExtraEnginesApiTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        boolean installed = EspeakTextToSpeech.available() && FliteTextToSpeech.available();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) assertThat(installed).as("espeak-ng and flite under CI").isTrue();
        Assumptions.assumeTrue(installed, "espeak-ng or flite is not installed");
        server = TestServer.start(c -> c.withEngines(new TimbreConfig.Engines("fake", List.of("espeak-ng", "flite"))));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static List<JsonNode> voices() {
        var r = server.get("/v1/voices");
        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> all = new ArrayList<>();
        r.json().get("voices").forEach(all::add);
        return all;
    }

    private static JsonNode voice(String name) {
        return voices().stream().filter(v -> v.get("name").asText().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void the_extra_engines_voices_are_premade_voices_with_labels() {
        List<JsonNode> voices = voices();
        assertThat(voices.get(0).get("name").asText()).isEqualTo("Tone A");
        assertThat(voices).extracting(v -> v.get("name").asText()).contains("Emma", "Greta", "Hans", "Susan", "Alasdair")
                .doesNotHaveDuplicates();
        JsonNode greta = voice("Greta");
        assertThat(greta.get("category").asText()).isEqualTo("premade");
        assertThat(greta.get("voice_id").asText()).isEqualTo(dev.timbre.voices.PremadeVoices.idFor("espeak-ng", "de+f3"));
        assertThat(greta.at("/labels/gender").asText()).isEqualTo("female");
        assertThat(greta.at("/labels/accent").asText()).isEqualTo("german");
        assertThat(greta.at("/labels/use_case").asText()).isNotBlank();
        assertThat(greta.at("/fine_tuning/language").asText()).isEqualTo("de");
        assertThat(greta.get("high_quality_base_model_ids")).isNotEmpty();
        assertThat(greta.at("/verified_languages/0/language").asText()).isEqualTo("de");
        JsonNode alasdair = voice("Alasdair");
        assertThat(alasdair.at("/labels/accent").asText()).isEqualTo("scottish");
        assertThat(alasdair.at("/labels/gender").asText()).isEqualTo("male");
        assertThat(server.get("/health").status()).isEqualTo(200);
    }

    @Test
    void a_german_espeak_voice_speaks_pcm_with_language_code_de() {
        String id = voice("Hans").get("voice_id").asText();
        var r = server.postJson("/v1/text-to-speech/" + id + "?output_format=pcm_16000",
                Map.of("text", "Guten Tag. Wie geht es Ihnen heute?", "language_code", "de"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body().length % 2).isZero();
        double seconds = r.body().length / 32_000.0;
        assertThat(seconds).isBetween(1.0, 8.0);
        assertThat(Pcm.rms(r.body())).isGreaterThan(300);
    }

    @Test
    void a_flite_voice_speaks_with_timestamps() {
        String id = voice("Susan").get("voice_id").asText();
        var r = server.postJson("/v1/text-to-speech/" + id + "/with-timestamps?output_format=pcm_16000",
                Map.of("text", "Hello there. How are you?"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("audio_base64").asText()).isNotEmpty();
        assertThat(r.json().at("/alignment/characters").size()).isEqualTo("Hello there. How are you?".length());
    }
}
