package dev.timbre.engines;

import dev.timbre.config.RemoteTextToSpeech;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.AudioDecoder;
import dev.timbre.config.TimbreConfig;
import dev.timbre.engine.remote.FakeSpeechServer;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import dev.timbre.testing.TestSocket;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The remote TTS providers {@code openai} and {@code elevenlabs} (both extras, one fake server speaking both APIs)
 * through every TTS path: voices, convert, stream, with-timestamps (timings from forced alignment), the stream-input
 * socket, format conversion, a provider that is down.
 */
@Tag("integration")
class RemoteTextToSpeechApiTest {
    static FakeSpeechServer remote;
    static TestServer server;
    /** Each word is a tone of 0.25 s and a gap of 0.1 s: "go" 0–0.25, "extraordinarily" 0.35–0.6, "far" 0.7–0.95. */
    static final String TEXT = "go extraordinarily far";

    @BeforeAll
    static void start() throws Exception {
        remote = new FakeSpeechServer();
        server = TestServer.start(c -> c.withEngines(new TimbreConfig.Engines("fake", List.of("openai", "elevenlabs"), "fake", null,
                new RemoteTextToSpeech(remote.url(), "sk-remote", "kokoro", List.of(), 5, 0))));
    }

    @AfterAll
    static void stop() {
        server.close();
        remote.close();
    }

    @BeforeEach
    void reset() {
        remote.reset();
    }

    static JsonNode voice(String name) {
        TestServer.Response r = server.get("/v2/voices?page_size=100");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        for (JsonNode v : r.json().get("voices")) if (v.get("name").asText().equals(name)) return v;
        throw new AssertionError("no voice named " + name + " in " + r.text());
    }

    static String bella() { return voice("Bella").get("voice_id").asText(); }

    @Test
    void the_servers_voices_are_premade_voices_with_labels_previews_and_their_base_voice() {
        TestServer.Response r = server.get("/v2/voices?page_size=100");
        OpenApiContract.assertConforms("GET", "/v2/voices", r);
        JsonNode bella = voice("Bella");
        assertThat(bella.get("category").asText()).isEqualTo("premade");
        assertThat(bella.at("/labels/gender").asText()).isEqualTo("female");
        assertThat(bella.at("/labels/accent").asText()).isEqualTo("american");
        assertThat(bella.get("description").asText()).contains("engine openai, voice af_bella");
        String preview = bella.get("preview_url").asText();
        TestServer.Response audio = server.get(preview.substring(preview.indexOf("/previews/")));
        assertThat(audio.status()).as(audio.toString()).isEqualTo(200);
        assertThat(AudioDecoder.decode(audio.body()).pcm().length).as("the preview is spoken by the remote server").isPositive();
        JsonNode rachel = voice("Remote Rachel");
        assertThat(rachel.get("description").asText()).contains("A calm remote voice", "engine elevenlabs, voice remote-voice-1");
        assertThat(voice("Remote Hans").at("/fine_tuning/language").asText()).isEqualTo("de");
        TestServer.Response v1 = server.get("/v1/voices");
        OpenApiContract.assertConforms("GET", "/v1/voices", v1);
        assertThat(v1.json().at("/voices/0/labels/default").asText()).as("the main engine's voice is the default").isEqualTo("true");
    }

    @Test
    void convert_asks_the_server_and_converts_its_pcm_to_mp3() {
        TestServer.Response r = server.postJson("/v1/text-to-speech/" + bella() + "?output_format=mp3_44100_128",
                Map.of("text", TEXT, "model_id", "eleven_multilingual_v2"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("content-type")).startsWith("audio/mpeg");
        var decoded = AudioDecoder.decode(r.body());
        assertThat(decoded.format().sampleRate()).isEqualTo(44100);
        assertThat(decoded.format().seconds(decoded.pcm().length)).isCloseTo(1.05, within(0.1));
        FakeSpeechServer.Request sent = remote.requests.get(remote.requests.size() - 1);
        assertThat(sent.path()).isEqualTo("/v1/audio/speech");
        assertThat(sent.authorization()).isEqualTo("Bearer sk-remote");
        assertThat(sent.body().path("model").asText()).isEqualTo("kokoro");
        assertThat(sent.body().path("voice").asText()).isEqualTo("af_bella");
        assertThat(sent.body().path("input").asText()).isEqualTo(TEXT);
    }

    @Test
    void a_wav_answer_streams_through_as_pcm_at_the_requested_rate() {
        remote.audio(FakeSpeechServer.Audio.WAV, 22_050);
        TestServer.Response r = server.postJson("/v1/text-to-speech/" + bella() + "/stream?output_format=pcm_16000", Map.of("text", TEXT));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body().length / 32000.0).isCloseTo(1.05, within(0.02));
    }

    @Test
    void with_timestamps_gets_character_times_from_forced_alignment() {
        TestServer.Response r = server.postJson("/v1/text-to-speech/" + bella() + "/with-timestamps", Map.of("text", TEXT));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/text-to-speech/{voice_id}/with-timestamps", r);
        JsonNode a = r.json().get("alignment");
        StringBuilder chars = new StringBuilder();
        a.get("characters").forEach(c -> chars.append(c.asText()));
        assertThat(chars.toString()).isEqualTo(TEXT);
        JsonNode starts = a.get("character_start_times_seconds");
        // spread evenly by length, "extraordinarily" would start at 0.14 s and "far" at 0.91 s
        assertThat(starts.get(TEXT.indexOf("extra")).asDouble()).isCloseTo(0.35, within(0.06));
        assertThat(starts.get(TEXT.indexOf("far")).asDouble()).isCloseTo(0.70, within(0.06));
    }

    @Test
    void the_stream_input_socket_speaks_remote_voices_with_alignment() {
        try (TestSocket s = TestSocket.open(server, "/v1/text-to-speech/" + bella() + "/stream-input?output_format=pcm_24000", TestServer.KEY)) {
            s.send(Map.of("text", " "));
            s.send(Map.of("text", TEXT + " "));
            s.send(Map.of("text", ""));
            List<JsonNode> messages = new ArrayList<>();
            assertThat(s.messagesUntilClosed(messages).code()).isEqualTo(1000);
            ByteArrayOutputStream pcm = new ByteArrayOutputStream();
            StringBuilder chars = new StringBuilder();
            List<Integer> startsMs = new ArrayList<>();
            for (JsonNode m : messages) {
                if (m.hasNonNull("audio")) pcm.writeBytes(Base64.getDecoder().decode(m.get("audio").asText()));
                if (m.hasNonNull("alignment")) {
                    m.at("/alignment/chars").forEach(c -> chars.append(c.asText()));
                    m.at("/alignment/charStartTimesMs").forEach(t -> startsMs.add(t.asInt()));
                }
            }
            assertThat(pcm.size() / 48000.0).isCloseTo(1.05, within(0.02));
            assertThat(chars.toString().strip()).isEqualTo(TEXT);
            assertThat(startsMs.get(chars.indexOf("far"))).isCloseTo(700, within(60));
        }
    }

    @Test
    void the_elevenlabs_provider_streams_from_the_other_servers_voice() {
        String id = voice("Remote Rachel").get("voice_id").asText();
        TestServer.Response r = server.postJson("/v1/text-to-speech/" + id + "/stream?output_format=pcm_24000", Map.of("text", TEXT));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body().length / 48000.0).isCloseTo(1.05, within(0.02));
        FakeSpeechServer.Request sent = remote.requests.get(remote.requests.size() - 1);
        assertThat(sent.path()).isEqualTo("/v1/text-to-speech/remote-voice-1/stream");
        assertThat(sent.xiApiKey()).isEqualTo("sk-remote");
        assertThat(sent.body().path("model_id").asText()).isEqualTo("kokoro");
    }

    @Test
    void a_provider_that_is_down_is_503_and_its_voices_stay_listed() {
        String id = bella();
        remote.status(503);

        TestServer.Response r = server.postJson("/v1/text-to-speech/" + id, Map.of("text", TEXT));
        assertThat(r.status()).as(r.toString()).isEqualTo(503);
        assertThat(r.json().at("/detail/status").asText()).isEqualTo("speech_engine_unavailable");
        assertThat(r.json().at("/detail/message").asText()).contains("openai", "503").doesNotContain("127.0.0.1");
        TestServer.Response stream = server.postJson("/v1/text-to-speech/" + id + "/stream", Map.of("text", TEXT));
        assertThat(stream.status()).as(stream.toString()).isEqualTo(503);
        assertThat(voice("Bella").get("voice_id").asText()).isEqualTo(id);
    }
}
