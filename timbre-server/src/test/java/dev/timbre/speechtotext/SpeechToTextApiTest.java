package dev.timbre.speechtotext;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.timbre.http.Json;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/speech-to-text} and the transcripts, against the fake recogniser (one word per voiced 0.3 s). */
@Tag("integration")
class SpeechToTextApiTest {
    static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    static Multipart form(byte[] wav) {
        return new Multipart().field("model_id", "scribe_v1").file("file", "speech.wav", "audio/wav", wav);
    }

    static TestServer.Response post(Multipart form) {
        return server.postMultipart("/v1/speech-to-text", form);
    }

    static TestServer.Response ok(Multipart form) {
        TestServer.Response r = post(form);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/speech-to-text", r);
        return r;
    }

    static void assertError(TestServer.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.text()).contains("detail");
    }

    @Test
    void transcribes_words_with_spacing_and_stores_the_transcript() {
        JsonNode body = ok(form(SpeechAudio.wav(0.3, 0.3, 0.3))).json();
        assertThat(body.get("text").asText()).isEqualTo("word1 word2 word3");
        assertThat(body.get("language_code").asText()).isEqualTo("en");
        JsonNode words = body.get("words");
        List<String> types = new ArrayList<>();
        words.forEach(w -> types.add(w.get("type").asText()));
        assertThat(types).containsExactly("word", "spacing", "word", "spacing", "word");
        assertThat(words.get(0).get("start").asDouble()).isBetween(0.18, 0.22);
        assertThat(words.get(0).get("end").asDouble()).isBetween(0.48, 0.52);
        assertThat(words.get(1).get("text").asText()).isEqualTo(" ");
        assertThat(words.get(1).get("start").asDouble()).isEqualTo(words.get(0).get("end").asDouble());
        assertThat(words.get(1).get("end").asDouble()).isEqualTo(words.get(2).get("start").asDouble());
        assertThat(words.get(0).has("characters")).isFalse();
        String id = body.get("transcription_id").asText();
        assertThat(id).isNotBlank();

        TestServer.Response got = server.get("/v1/speech-to-text/transcripts/" + id);
        assertThat(got.status()).isEqualTo(200);
        assertThat(OpenApiContract.validate("SpeechToTextChunkResponseModel", got.json())).isEmpty();
        assertThat(got.json()).isEqualTo(body);
        TestServer.Response deleted = server.delete("/v1/speech-to-text/transcripts/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertError(server.get("/v1/speech-to-text/transcripts/" + id), 404);
        assertError(server.delete("/v1/speech-to-text/transcripts/" + id), 404);
        assertError(server.get("/v1/speech-to-text/transcripts/bad%20id"), 404);
    }

    @Test
    void character_and_none_granularity() {
        JsonNode chars = ok(form(SpeechAudio.wav(0.3, 0.3)).field("timestamps_granularity", "character")).json();
        JsonNode first = chars.get("words").get(0);
        assertThat(first.get("characters")).hasSize(5);
        assertThat(first.get("characters").get(0).get("text").asText()).isEqualTo("w");
        assertThat(first.get("characters").get(0).get("start").asDouble()).isEqualTo(first.get("start").asDouble());

        JsonNode none = ok(form(SpeechAudio.wav(0.3)).field("timestamps_granularity", "none")).json();
        assertThat(none.get("words").get(0).get("start").isNull()).isTrue();
        assertThat(none.get("text").asText()).isEqualTo("word1");
    }

    @Test
    void language_diarization_and_raw_pcm() {
        JsonNode de = ok(form(SpeechAudio.wav(0.3)).field("language_code", "deu").field("diarize", "true")
                .field("num_speakers", "2").field("tag_audio_events", "false").field("seed", "7").field("temperature", "0.5")).json();
        assertThat(de.get("language_code").asText()).isEqualTo("de");
        assertThat(de.get("language_probability").asDouble()).isEqualTo(1.0);
        assertThat(de.get("words").get(0).get("speaker_id").asText()).isEqualTo("speaker_0");

        JsonNode raw = ok(new Multipart().field("model_id", "scribe_v1").field("file_format", "pcm_s16le_16")
                .file("file", "a.pcm", "application/octet-stream", SpeechAudio.pcm(0.3, 0.6))).json();
        assertThat(raw.get("text").asText()).isEqualTo("word1 word2 word3");
    }

    @Test
    void additional_formats() {
        String formats = "[{\"format\":\"srt\"},{\"format\":\"txt\",\"include_timestamps\":false},"
                + "{\"format\":\"segmented_json\"},{\"format\":\"html\",\"include_speakers\":false}]";
        JsonNode body = ok(form(SpeechAudio.wav(0.3, 0.3)).field("additional_formats", formats)).json();
        JsonNode f = body.get("additional_formats");
        assertThat(f).hasSize(4);
        assertThat(f.get(0).get("requested_format").asText()).isEqualTo("srt");
        assertThat(f.get(0).get("file_extension").asText()).isEqualTo("srt");
        assertThat(f.get(0).get("is_base64_encoded").asBoolean()).isFalse();
        assertThat(f.get(0).get("content").asText()).startsWith("1\n00:00:00,200 --> 00:00:01,000\nspeaker_0: word1 word2\n");
        assertThat(f.get(1).get("content").asText()).isEqualTo("speaker_0: word1 word2\n");
        JsonNode seg = Json.MAPPER.valueToTree(f.get(2).get("content").asText());
        assertThat(f.get(2).get("content_type").asText()).isEqualTo("application/json");
        assertThat(f.get(2).get("content").asText()).contains("\"segments\"").contains("\"start_time\":0.2");
        assertThat(seg).isNotNull();
        assertThat(f.get(3).get("content").asText()).contains("<p><span class=\"timestamp\">[00:00:00.200 - 00:00:01.000]</span> word1 word2</p>");

        JsonNode split = ok(form(SpeechAudio.wav(0.3, 0.3)).field("additional_formats",
                "[{\"format\":\"txt\",\"include_speakers\":false,\"include_timestamps\":false,\"segment_on_silence_longer_than_s\":0.1}]")).json();
        assertThat(split.at("/additional_formats/0/content").asText()).isEqualTo("word1\nword2\n");

        assertError(post(form(SpeechAudio.wav(0.3)).field("additional_formats", "[{\"format\":\"docx\",\"max_segment_chars\":0}]")), 422);
        assertError(post(form(SpeechAudio.wav(0.3)).field("additional_formats", "[{\"format\":\"mp4\"}]")), 422);
        assertError(post(form(SpeechAudio.wav(0.3)).field("additional_formats", "not json")), 422);
    }

    @Test
    void multichannel_gives_one_transcript_per_channel() {
        byte[] wav = SpeechAudio.multichannelWav(SpeechAudio.pcm(0.3, 0.3), SpeechAudio.pcm(0.3));
        JsonNode body = ok(form(wav).field("use_multi_channel", "true")).json();
        assertThat(body.get("transcripts")).hasSize(2);
        assertThat(body.at("/transcripts/0/text").asText()).isEqualTo("word1 word2");
        assertThat(body.at("/transcripts/1/text").asText()).isEqualTo("word1");
        assertThat(body.at("/transcripts/1/channel_index").asInt()).isEqualTo(1);
        assertThat(body.at("/transcripts/1/words/0/speaker_id").asText()).isEqualTo("speaker_1");
        String id = body.get("transcription_id").asText();
        TestServer.Response got = server.get("/v1/speech-to-text/transcripts/" + id);
        assertThat(OpenApiContract.validate("MultichannelSpeechToTextResponseModel", got.json())).isEmpty();
        assertThat(got.json().get("transcripts")).hasSize(2);

        JsonNode mixed = ok(form(wav)).json();
        assertThat(mixed.has("transcripts")).isFalse();
    }

    @Test
    void zero_retention_stores_nothing() {
        TestServer.Response r = server.postMultipart("/v1/speech-to-text?enable_logging=false", form(SpeechAudio.wav(0.3)));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("transcription_id").isNull()).isTrue();
    }

    @Test
    void cloud_storage_url_is_fetched() throws Exception {
        byte[] wav = SpeechAudio.wav(0.3, 0.3);
        HttpServer files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        files.createContext("/a.wav", ex -> {
            ex.sendResponseHeaders(200, wav.length);
            ex.getResponseBody().write(wav);
            ex.close();
        });
        files.createContext("/missing", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        files.start();
        try {
            String base = "http://127.0.0.1:" + files.getAddress().getPort();
            JsonNode body = ok(new Multipart().field("model_id", "scribe_v1").field("cloud_storage_url", base + "/a.wav")).json();
            assertThat(body.get("text").asText()).isEqualTo("word1 word2");
            assertError(post(new Multipart().field("model_id", "scribe_v1").field("cloud_storage_url", base + "/missing")), 400);
            assertError(post(new Multipart().field("model_id", "scribe_v1").field("cloud_storage_url", "ftp://example.com/a.wav")), 422);
            assertError(post(form(wav).field("cloud_storage_url", base + "/a.wav")), 422);
        } finally {
            files.stop(0);
        }
    }

    @Test
    void bad_input_is_a_clear_4xx() {
        assertError(post(new Multipart().field("model_id", "scribe_v1")), 422);
        assertError(post(new Multipart().file("file", "a.wav", "audio/wav", SpeechAudio.wav(0.3))), 422);
        assertError(post(new Multipart().field("model_id", "scribe_v1").file("file", "a.wav", "audio/wav", new byte[0])), 422);
        assertError(post(new Multipart().field("model_id", "scribe_v1").file("file", "a.bin", "audio/wav", "not audio at all".getBytes())), 400);
        assertError(post(form(SpeechAudio.wav(0.3)).field("file_format", "flac")), 422);
        assertError(post(form(SpeechAudio.wav(0.3)).field("timestamps_granularity", "sentence")), 422);
        assertError(post(form(SpeechAudio.wav(0.3)).field("num_speakers", "33")), 422);
        assertError(post(form(SpeechAudio.wav(0.3)).field("diarization_threshold", "0.2")), 422);
        assertError(post(form(SpeechAudio.wav(0.3)).field("temperature", "hot")), 422);
        assertError(post(form(SpeechAudio.wav(0.3)).field("language_code", "ja")), 400);
        assertError(post(form(SpeechAudio.wav(0.3)).field("language_code", "zz9")), 422);
        assertError(post(new Multipart().field("model_id", "eleven_multilingual_v2").file("file", "a.wav", "audio/wav", SpeechAudio.wav(0.3))), 400);
        assertError(post(new Multipart().field("model_id", "scribe_v1").field("file_format", "pcm_s16le_16")
                .file("file", "a.pcm", "application/octet-stream", new byte[] {1, 2, 3})), 400);
        assertError(post(form(SpeechAudio.wav(0.3)).field("webhook", "true")), 400);
        assertError(server.postJson("/v1/speech-to-text", "{}"), 400);
    }
}
