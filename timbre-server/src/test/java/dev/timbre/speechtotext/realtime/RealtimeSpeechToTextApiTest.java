package dev.timbre.speechtotext.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.G711;
import dev.timbre.audio.Pcm;
import dev.timbre.config.TimbreConfig;
import dev.timbre.testing.TestServer;
import dev.timbre.testing.TestSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code /v1/speech-to-text/realtime} with the message shapes of the official SDK's realtime client, on the fake recogniser. */
@Tag("integration")
class RealtimeSpeechToTextApiTest {
    static final String PATH = "/v1/speech-to-text/realtime?model_id=scribe_v2_realtime";
    static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    /** {@code seconds} of a 440 Hz tone (each 0.3 s is one fake word) or, with {@code tone} false, silence. */
    static byte[] audio(int rate, double seconds, boolean tone) {
        short[] s = new short[(int) (seconds * rate)];
        if (tone) for (int i = 0; i < s.length; i++) s[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate));
        return Pcm.toBytes(s);
    }

    static byte[] concat(byte[]... parts) {
        return Pcm.concat(List.of(parts));
    }

    static Map<String, Object> chunk(byte[] audio, boolean commit, int sampleRate) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message_type", "input_audio_chunk");
        m.put("audio_base_64", Base64.getEncoder().encodeToString(audio));
        m.put("commit", commit);
        m.put("sample_rate", sampleRate);
        return m;
    }

    /** Sends {@code audio} in 100 ms chunks. */
    static void stream(TestSocket s, byte[] audio, int rate, int bytesPerSample) {
        int step = rate / 10 * bytesPerSample;
        for (int off = 0; off < audio.length; off += step) {
            byte[] part = java.util.Arrays.copyOfRange(audio, off, Math.min(audio.length, off + step));
            s.send(chunk(part, false, rate));
        }
    }

    static TestSocket open(String query) {
        TestSocket s = TestSocket.open(server, PATH + query, TestServer.KEY);
        JsonNode started = s.nextMessage();
        assertThat(started.get("message_type").asText()).isEqualTo("session_started");
        return s;
    }

    static JsonNode next(TestSocket s, String type) {
        return s.messagesUntil(m -> m.get("message_type").asText().equals(type)).stream().reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void session_started_echoes_the_configuration() {
        try (TestSocket s = TestSocket.open(server, PATH + "&audio_format=pcm_16000&commit_strategy=vad&vad_threshold=0.5&language_code=en",
                TestServer.KEY)) {
            JsonNode m = s.nextMessage();
            assertThat(m.get("message_type").asText()).isEqualTo("session_started");
            assertThat(m.get("session_id").asText()).isNotBlank();
            JsonNode c = m.get("config");
            assertThat(c.get("sample_rate").asInt()).isEqualTo(16000);
            assertThat(c.get("audio_format").asText()).isEqualTo("pcm_16000");
            assertThat(c.get("commit_strategy").asText()).isEqualTo("vad");
            assertThat(c.get("vad_threshold").asDouble()).isEqualTo(0.5);
            assertThat(c.get("vad_silence_threshold_secs").asDouble()).isEqualTo(1.5);
            assertThat(c.get("model_id").asText()).isEqualTo("scribe_v2_realtime");
            assertThat(c.get("language_code").asText()).isEqualTo("en");
            assertThat(c.get("include_timestamps").asBoolean()).isFalse();
        }
    }

    @Test
    void partials_arrive_while_speaking_and_a_manual_commit_gives_the_committed_transcript() {
        try (TestSocket s = open("")) {
            byte[] speech = concat(audio(16000, 0.2, false), audio(16000, 0.3, true), audio(16000, 0.2, false),
                    audio(16000, 0.3, true), audio(16000, 0.2, false), audio(16000, 0.3, true), audio(16000, 0.2, false));
            stream(s, speech, 16000, 2);
            s.send(Map.of("message_type", "input_audio_chunk", "audio_base_64", "", "commit", true, "sample_rate", 16000));
            List<JsonNode> messages = s.messagesUntil(m -> m.get("message_type").asText().equals("committed_transcript"));
            List<JsonNode> partials = messages.stream().filter(m -> m.get("message_type").asText().equals("partial_transcript")).toList();
            assertThat(partials).isNotEmpty();
            assertThat(partials.get(0).get("text").asText()).startsWith("word1");
            assertThat(messages.get(messages.size() - 1).get("text").asText()).isEqualTo("word1 word2 word3");
            // a new segment starts after the commit
            stream(s, concat(audio(16000, 0.3, true), audio(16000, 0.1, false)), 16000, 2);
            s.send(chunk(new byte[0], true, 16000));
            assertThat(next(s, "committed_transcript").get("text").asText()).isEqualTo("word1");
        }
    }

    @Test
    void vad_commits_after_the_configured_silence() {
        try (TestSocket s = open("&commit_strategy=vad&vad_silence_threshold_secs=0.5")) {
            stream(s, concat(audio(16000, 0.6, true), audio(16000, 0.3, false)), 16000, 2);
            assertThat(s.poll(500)).satisfiesAnyOf(
                    e -> assertThat(e).isNull(),
                    e -> assertThat(((JsonNode) e).get("message_type").asText()).isEqualTo("partial_transcript"));
            stream(s, audio(16000, 0.4, false), 16000, 2); // 0.7 s of silence in all
            assertThat(next(s, "committed_transcript").get("text").asText()).isEqualTo("word1 word2");
            // silence alone commits nothing
            stream(s, audio(16000, 1.0, false), 16000, 2);
            s.send(chunk(concat(audio(16000, 0.3, true), audio(16000, 0.6, false)), false, 16000));
            assertThat(next(s, "committed_transcript").get("text").asText()).isEqualTo("word1");
        }
    }

    @Test
    void timestamps_are_seconds_from_the_start_of_the_session() {
        try (TestSocket s = open("&include_timestamps=true")) {
            s.send(chunk(concat(audio(16000, 0.2, false), audio(16000, 0.3, true), audio(16000, 0.5, false)), true, 16000));
            assertThat(next(s, "committed_transcript").get("text").asText()).isEqualTo("word1");
            JsonNode first = s.nextMessage();
            assertThat(first.get("message_type").asText()).isEqualTo("committed_transcript_with_timestamps");
            assertThat(first.get("text").asText()).isEqualTo("word1");
            assertThat(first.get("language_code").asText()).isEqualTo("en");
            JsonNode w = first.get("words").get(0);
            assertThat(w.get("text").asText()).isEqualTo("word1");
            assertThat(w.get("type").asText()).isEqualTo("word");
            assertThat(w.get("start").asDouble()).isCloseTo(0.2, offset(0.03));
            assertThat(w.get("end").asDouble()).isCloseTo(0.5, offset(0.03));

            s.send(chunk(concat(audio(16000, 0.3, true), audio(16000, 0.2, false), audio(16000, 0.3, true)), true, 16000));
            JsonNode second = next(s, "committed_transcript_with_timestamps");
            assertThat(second.get("text").asText()).isEqualTo("word1 word2");
            JsonNode words = second.get("words");
            assertThat(words).hasSize(3);
            assertThat(words.get(0).get("start").asDouble()).isCloseTo(1.0, offset(0.03));
            assertThat(words.get(1).get("type").asText()).isEqualTo("spacing");
            assertThat(words.get(2).get("start").asDouble()).isCloseTo(1.5, offset(0.03));
        }
    }

    @Test
    void other_sample_rates_and_ulaw_are_converted() {
        try (TestSocket s = open("&audio_format=pcm_44100")) {
            stream(s, concat(audio(44100, 0.6, true), audio(44100, 0.2, false)), 44100, 2);
            s.send(chunk(new byte[0], true, 44100));
            assertThat(next(s, "committed_transcript").get("text").asText()).isEqualTo("word1 word2");
        }
        try (TestSocket s = open("&audio_format=ulaw_8000")) {
            byte[] ulaw = G711.ulaw(concat(audio(8000, 0.3, true), audio(8000, 0.2, false)));
            stream(s, ulaw, 8000, 1);
            s.send(chunk(new byte[0], true, 8000));
            assertThat(next(s, "committed_transcript").get("text").asText()).isEqualTo("word1");
        }
    }

    @Test
    void a_malformed_message_is_an_input_error_and_the_session_goes_on() {
        try (TestSocket s = open("")) {
            s.send("not json");
            assertThat(error(s.nextMessage(), "input_error")).contains("JSON");
            s.send(Map.of("message_type", "speak", "audio_base_64", ""));
            assertThat(error(s.nextMessage(), "input_error")).contains("message_type");
            s.send(Map.of("message_type", "input_audio_chunk"));
            assertThat(error(s.nextMessage(), "input_error")).contains("audio_base_64");
            s.send(Map.of("message_type", "input_audio_chunk", "audio_base_64", "***", "commit", false, "sample_rate", 16000));
            assertThat(error(s.nextMessage(), "input_error")).contains("base64");
            s.send(chunk(audio(16000, 0.1, false), false, 8000));
            assertThat(error(s.nextMessage(), "input_error")).contains("sample_rate");
            s.send(chunk(concat(audio(16000, 0.3, true), audio(16000, 0.1, false)), true, 16000));
            assertThat(next(s, "committed_transcript").get("text").asText()).isEqualTo("word1");
        }
    }

    static String error(JsonNode m, String type) {
        assertThat(m.get("message_type").asText()).isEqualTo(type);
        return m.get("error").asText();
    }

    @Test
    void without_a_key_the_session_is_refused_and_a_bad_key_fails_the_upgrade() {
        try (TestSocket s = TestSocket.open(server, PATH, null)) {
            assertThat(error(s.nextMessage(), "auth_error")).isNotBlank();
            assertThat(((TestSocket.Closed) s.next()).code()).isEqualTo(1008);
        }
        assertThatThrownBy(() -> TestSocket.open(server, PATH, "wrong-key"))
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(401));
        try (TestSocket s = TestSocket.open(server, PATH + "&token=wrong", null)) {
            assertThat(error(s.nextMessage(), "auth_error")).isNotBlank();
        }
        try (TestSocket s = TestSocket.open(server, PATH + "&token=" + TestServer.KEY, null)) {
            assertThat(s.nextMessage().get("message_type").asText()).isEqualTo("session_started");
        }
    }

    @Test
    void a_bad_query_is_an_invalid_request_and_closes() {
        for (String path : List.of("/v1/speech-to-text/realtime", PATH + "&vad_threshold=2", PATH + "&audio_format=mp3_44100_128",
                PATH + "&commit_strategy=sometimes", "/v1/speech-to-text/realtime?model_id=eleven_v3", PATH + "&language_code=xx")) {
            try (TestSocket s = TestSocket.open(server, path, TestServer.KEY)) {
                assertThat(error(s.nextMessage(), "invalid_request")).as(path).isNotBlank();
                assertThat(((TestSocket.Closed) s.next()).code()).isEqualTo(1008);
            }
        }
    }

    @Test
    void an_idle_session_times_out() {
        try (TestSocket s = open("&inactivity_timeout=1")) {
            List<JsonNode> messages = new ArrayList<>();
            TestSocket.Closed closed = s.messagesUntilClosed(messages);
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(messages).last().satisfies(m -> assertThat(m.get("message_type").asText()).isEqualTo("insufficient_audio_activity"));
        }
    }

    @Test
    void without_a_speech_to_text_engine_the_session_is_refused() {
        try (TestServer none = TestServer.start(c -> c.withEngines(new TimbreConfig.Engines("fake")));
             TestSocket s = TestSocket.open(none, PATH, TestServer.KEY)) {
            assertThat(error(s.nextMessage(), "transcriber_error")).contains("no speech-to-text engine");
            assertThat(((TestSocket.Closed) s.next()).code()).isEqualTo(1011);
        }
    }
}
