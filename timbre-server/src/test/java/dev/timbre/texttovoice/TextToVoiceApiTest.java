package dev.timbre.texttovoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.AudioDecoder;
import dev.timbre.engine.VoiceShape;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import dev.timbre.voices.VoiceRepository;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Voice design through the API on the fake tone engine: shapes of requests and responses, storage, errors. */
@Tag("integration")
class TextToVoiceApiTest {
    static final String DESCRIPTION = "A deep, calm British man in his fifties with a warm voice";
    static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    static TestServer.Response design(Map<String, ?> body, String query) {
        return server.postJson("/v1/text-to-voice/design" + query, body);
    }

    @Test
    void design_gives_three_kept_previews_of_the_default_format() {
        var r = design(Map.of("voice_description", DESCRIPTION), "");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/text-to-voice/design", r);
        JsonNode previews = r.json().get("previews");
        assertThat(previews).hasSize(3);
        String text = r.json().get("text").asText();
        assertThat(text.length()).as("auto-generated text").isBetween(100, 1000);
        var ids = new HashSet<String>();
        for (JsonNode p : previews) {
            ids.add(p.get("generated_voice_id").asText());
            assertThat(p.get("media_type").asText()).isEqualTo("audio/mpeg");
            var decoded = AudioDecoder.decode(Base64.getDecoder().decode(p.get("audio_base_64").asText()));
            assertThat(decoded.format().sampleRate()).isEqualTo(44100);
            double seconds = decoded.format().seconds(decoded.pcm().length);
            assertThat(seconds).isCloseTo(p.get("duration_secs").asDouble(), org.assertj.core.data.Offset.offset(0.2));
            assertThat(seconds).as("one 0.3 s tone a word").isGreaterThan(0.3 * text.split(" ").length * 0.5);
        }
        assertThat(ids).hasSize(3);
        String first = previews.get(0).get("generated_voice_id").asText();
        var stream = server.get("/v1/text-to-voice/" + first + "/stream");
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.header("content-type")).isEqualTo("audio/mpeg");
        assertThat(AudioDecoder.decode(stream.body()).pcm().length).isGreaterThan(0);
    }

    @Test
    void the_requested_text_format_and_loudness_are_honoured() {
        String text = "Hello there. This is the text I asked for, spoken in a voice designed from a description of a voice.";
        var loud = design(Map.of("voice_description", DESCRIPTION, "text", text, "loudness", 1.0, "seed", 7), "?output_format=pcm_16000");
        var quiet = design(Map.of("voice_description", DESCRIPTION, "text", text, "loudness", -1.0, "seed", 7), "?output_format=pcm_16000");
        assertThat(loud.status()).as(loud.text()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/text-to-voice/design", loud);
        assertThat(loud.json().get("text").asText()).isEqualTo(text);
        JsonNode p = loud.json().get("previews").get(0);
        assertThat(p.get("media_type").asText()).isEqualTo("audio/pcm");
        byte[] pcm = Base64.getDecoder().decode(p.get("audio_base_64").asText());
        assertThat(pcm.length / 32000.0).isCloseTo(p.get("duration_secs").asDouble(), org.assertj.core.data.Offset.offset(0.01));
        byte[] soft = Base64.getDecoder().decode(quiet.json().get("previews").get(0).get("audio_base_64").asText());
        double ratio = dev.timbre.audio.Pcm.rms(pcm) / dev.timbre.audio.Pcm.rms(soft);
        assertThat(ratio).as("loudness 1 against −1: up to 18 dB apart, peak-limited").isGreaterThan(4);
    }

    @Test
    void a_seed_repeats_a_design_and_different_seeds_vary_it() {
        Map<String, Object> body = Map.of("voice_description", DESCRIPTION, "seed", 42);
        var first = design(body, "?output_format=pcm_16000");
        List<String> a = audio(first), b = audio(design(body, "?output_format=pcm_16000"));
        assertThat(a).isEqualTo(b);
        assertThat(a.get(0)).as("the fake engine's two voices differ").isNotEqualTo(a.get(1));
        List<String> casts = casts(first);
        assertThat(new HashSet<>(casts)).as("three distinct casts (the fake engine ignores shapes, so two voices sound)").hasSize(3);
        assertThat(casts(design(body, "?output_format=pcm_16000"))).as("the same casts again").isEqualTo(casts);
        assertThat(casts(design(Map.of("voice_description", DESCRIPTION, "seed", 43), ""))).isNotEqualTo(casts);
    }

    /** Each preview's engine voice and shape, as stored. */
    private static List<String> casts(TestServer.Response r) {
        var rows = new PreviewRepository(server.timbre().database().jdbi());
        List<String> out = new ArrayList<>();
        for (JsonNode p : r.json().get("previews")) {
            var row = rows.find(p.get("generated_voice_id").asText(), System.currentTimeMillis() / 1000).orElseThrow();
            out.add(row.engineVoiceId() + " " + row.shape());
        }
        return out;
    }

    @Test
    void create_previews_is_the_same_machinery() {
        var r = server.postJson("/v1/text-to-voice/create-previews", Map.of("voice_description", DESCRIPTION, "auto_generate_text", true));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/text-to-voice/create-previews", r);
        assertThat(r.json().get("previews")).hasSize(3);
    }

    @Test
    void a_preview_becomes_a_generated_voice_that_speaks_and_can_be_remixed() {
        var designed = design(Map.of("voice_description", DESCRIPTION, "stream_previews", true), "");
        JsonNode preview = designed.json().get("previews").get(0);
        assertThat(preview.get("audio_base_64").asText()).as("stream_previews: audio from the stream endpoint").isEmpty();
        String generated = preview.get("generated_voice_id").asText();
        assertThat(server.get("/v1/text-to-voice/" + generated + "/stream").status()).isEqualTo(200);

        var created = server.postJson("/v1/text-to-voice", Map.of("voice_name", "Arthur", "voice_description", DESCRIPTION,
                "generated_voice_id", generated, "labels", Map.of("use_case", "narration")));
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/text-to-voice", created);
        String voiceId = created.json().get("voice_id").asText();
        assertThat(created.json().get("category").asText()).isEqualTo("generated");
        assertThat(created.json().get("labels").get("gender").asText()).isEqualTo("male");
        assertThat(created.json().get("labels").get("accent").asText()).isEqualTo("british");
        assertThat(created.json().get("labels").get("use_case").asText()).isEqualTo("narration");
        assertThat(server.get("/v1/voices/" + voiceId).json().get("name").asText()).isEqualTo("Arthur");
        VoiceShape saved = new VoiceRepository(server.timbre().database().jdbi()).find(voiceId).orElseThrow().shape();
        assertThat(saved.neutral()).as("a deep, calm voice departs from its base voice").isFalse();

        var tts = server.postJson("/v1/text-to-speech/" + voiceId + "?output_format=pcm_16000", Map.of("text", "Good morning to you."));
        assertThat(tts.status()).isEqualTo(200);
        assertThat(tts.body().length).isGreaterThan(16000);

        var remixed = server.postJson("/v1/text-to-voice/" + voiceId + "/remix", Map.of("voice_description", "Make it higher and faster please", "seed", 3));
        assertThat(remixed.status()).as(remixed.text()).isEqualTo(200);
        assertThat(OpenApiContract.validate("VoicePreviewsResponseModel", remixed.json())).isEmpty();
        assertThat(remixed.json().get("previews")).hasSize(3);
        String remixId = remixed.json().get("previews").get(0).get("generated_voice_id").asText();
        var second = server.postJson("/v1/text-to-voice", Map.of("voice_name", "Arthur, brighter", "voice_description",
                "Arthur, higher and faster than before", "generated_voice_id", remixId));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("labels").get("gender").asText()).as("a remix keeps what the voice is").isEqualTo("male");
        assertThat(second.json().get("labels").get("accent").asText()).isEqualTo("british");
        VoiceShape moved = new VoiceRepository(server.timbre().database().jdbi()).find(second.json().get("voice_id").asText())
                .orElseThrow().shape();
        assertThat(moved.pitchSemitones()).isGreaterThan(saved.pitchSemitones());
        assertThat(moved.rate()).isGreaterThan(saved.rate());
    }

    @Test
    void bad_input_is_a_422_list() {
        assertInvalid(design(Map.of("voice_description", "too short"), ""), "voice_description", "string_too_short");
        assertInvalid(design(Map.of("voice_description", "x".repeat(1001)), ""), "voice_description", "string_too_long");
        assertInvalid(design(Map.of("text", "x".repeat(200)), ""), "voice_description", "missing");
        assertInvalid(design(Map.of("voice_description", DESCRIPTION, "text", "Too short to judge a voice by."), ""), "text", "string_too_short");
        assertInvalid(design(Map.of("voice_description", DESCRIPTION, "text", "y".repeat(1001)), ""), "text", "string_too_long");
        assertInvalid(design(Map.of("voice_description", DESCRIPTION, "loudness", 2), ""), "loudness", "value_error");
        assertInvalid(design(Map.of("voice_description", DESCRIPTION, "guidance_scale", 101), ""), "guidance_scale", "value_error");
        assertInvalid(design(Map.of("voice_description", DESCRIPTION, "seed", -1), ""), "seed", "value_error");
        assertInvalid(design(Map.of("voice_description", DESCRIPTION, "model_id", "eleven_v9"), ""), "model_id", "enum");
        var format = design(Map.of("voice_description", DESCRIPTION), "?output_format=mp3_1_1");
        assertThat(format.status()).isEqualTo(422);
        var notJson = server.postJson("/v1/text-to-voice/design", "{\"voice_description\": 5");
        assertThat(notJson.status()).isEqualTo(422);
        assertInvalid(server.postJson("/v1/text-to-voice", Map.of("voice_name", "A", "generated_voice_id", "x")), "voice_description", "missing");
        assertInvalid(server.postJson("/v1/text-to-voice/" + server.firstVoiceId() + "/remix", Map.of("voice_description", "higher")),
                "voice_description", "string_too_short");
    }

    @Test
    void odd_texts_and_bodies_are_client_errors_or_previews_never_500s() {
        for (String text : List.of(" ".repeat(120), "!".repeat(120), "\uD83D\uDE00".repeat(60), "<speak>" + "a ".repeat(50) + "</speak>")) {
            var r = design(Map.of("voice_description", DESCRIPTION, "text", text), "?output_format=pcm_16000");
            assertThat(r.status()).as(text + ": " + r.text()).isIn(200, 400, 422);
        }
        for (String body : List.of("[]", "null", "{\"voice_description\": {\"a\": 1}}", "{\"voice_description\": \"" + DESCRIPTION
                + "\", \"seed\": 99999999999999999999}", "{\"voice_description\": \"" + DESCRIPTION + "\", \"loudness\": \"loud\"}")) {
            assertThat(server.postJson("/v1/text-to-voice/design", body).status()).as(body).isEqualTo(422);
        }
        var labels = server.postJson("/v1/text-to-voice", "{\"voice_name\": \"A\", \"voice_description\": \"" + DESCRIPTION
                + "\", \"generated_voice_id\": \"x\", \"labels\": {\"a\": {\"b\": 1}}}");
        assertThat(labels.status()).isEqualTo(422);
    }

    @Test
    void unknown_ids_are_404() {
        var create = server.postJson("/v1/text-to-voice", Map.of("voice_name", "A", "voice_description", DESCRIPTION,
                "generated_voice_id", "nope1234"));
        assertThat(create.status()).isEqualTo(404);
        assertThat(create.json().at("/detail/status").asText()).isEqualTo("generated_voice_not_found");
        assertThat(server.get("/v1/text-to-voice/nope1234/stream").status()).isEqualTo(404);
        assertThat(server.get("/v1/text-to-voice/..%2Fx/stream").status()).isEqualTo(404);
        var remix = server.postJson("/v1/text-to-voice/nope1234/remix", Map.of("voice_description", "Make the voice a little higher."));
        assertThat(remix.status()).isEqualTo(404);
        assertThat(remix.json().at("/detail/status").asText()).isEqualTo("voice_not_found");
    }

    private static void assertInvalid(TestServer.Response r, String field, String type) {
        assertThat(r.status()).as(r.text()).isEqualTo(422);
        JsonNode detail = r.json().get("detail");
        assertThat(detail.isArray()).isTrue();
        boolean found = false;
        for (JsonNode d : detail) {
            if (d.get("loc").get(d.get("loc").size() - 1).asText().equals(field) && d.get("type").asText().equals(type)) found = true;
        }
        assertThat(found).as(field + " " + type + " in " + r.text()).isTrue();
    }

    private static List<String> audio(TestServer.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().get("previews").forEach(p -> out.add(p.get("audio_base_64").asText()));
        return out;
    }
}
