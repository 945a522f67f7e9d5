package dev.timbre.voices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.engine.VoiceDescriptor;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The default voice first and marked, English before other languages, and the 404 for an ElevenLabs library id. */
@Tag("integration")
class VoiceOrderApiTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(); // fake main engine plus the installed extras (espeak-ng, flite)
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<JsonNode> voices(String path) {
        TestServer.Response r = server.get(path);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().get("voices").forEach(out::add);
        return out;
    }

    @Test
    void both_listings_start_with_the_default_voice_then_english_voices() {
        for (String path : List.of("/v1/voices", "/v2/voices?page_size=100")) {
            List<JsonNode> voices = voices(path);
            JsonNode first = voices.get(0);
            assertThat(first.at("/labels/default").asText()).as(path).isEqualTo("true");
            assertThat(first.at("/fine_tuning/language").asText()).as(path).isEqualTo("en");
            assertThat(first.get("description").asText()).as(path).contains("(engine fake, voice ");
            assertThat(voices.stream().filter(v -> v.at("/labels/default").asText().equals("true"))).as(path).hasSize(1);
            boolean otherLanguageSeen = false;
            for (JsonNode v : voices) {
                boolean english = v.at("/fine_tuning/language").asText().equals("en");
                assertThat(english && otherLanguageSeen).as(path + ": " + v.get("name") + " after another language").isFalse();
                otherLanguageSeen |= !english;
            }
        }
        OpenApiContract.assertConforms("GET", "/v2/voices", server.get("/v2/voices"));
        assertThat(server.firstVoiceId()).isEqualTo(voices("/v2/voices").get(0).get("voice_id").asText());
    }

    @Test
    void a_voice_from_elevenlabs_library_is_404_saying_how_to_list_this_servers_voices() {
        TestServer.Response r = server.postJson("/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM", Map.of("text", "Hello"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().at("/detail/status").asText()).isEqualTo("voice_not_found");
        assertThat(r.json().at("/detail/message").asText()).contains("21m00Tcm4TlvDq8ikWAM", "GET /v2/voices");
        assertThat(server.get("/v1/voices/21m00Tcm4TlvDq8ikWAM").json().at("/detail/message").asText()).contains("GET /v2/voices");
    }

    @Test
    void the_order_puts_the_main_engines_english_voice_first() {
        var deMain = premade("espeak-ng", "de", "de");
        var enExtra = premade("espeak-ng", "en", "en");
        var frMain = premade("marytts", "fr", "fr");
        var enMain = premade("marytts", "en", "en");
        assertThat(VoiceOrder.sort(List.of(deMain, enExtra, frMain, enMain), "marytts"))
                .containsExactly(enMain, enExtra, frMain, deMain);
        assertThat(VoiceOrder.sort(List.of(deMain, enExtra), null)).containsExactly(enExtra, deMain);
    }

    private static PremadeVoices.Premade premade(String provider, String id, String language) {
        return new PremadeVoices.Premade(provider + id, provider, new VoiceDescriptor(id, id, null, language, Map.of()));
    }
}
