package dev.timbre.texttospeech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.AudioDecoder;
import dev.timbre.testing.TestServer;
import dev.timbre.testing.TestSocket;
import java.io.ByteArrayOutputStream;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code /v1/text-to-speech/{voice_id}/stream-input} with the official message shapes (AsyncAPI). */
@Tag("integration")
class TextToSpeechStreamInputApiTest {
    static TestServer server;
    static String voiceId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        voiceId = server.firstVoiceId();
    }

    @AfterAll
    static void stop() { server.close(); }

    private static TestSocket open(String query) {
        return TestSocket.open(server, "/v1/text-to-speech/" + voiceId + "/stream-input" + query, TestServer.KEY);
    }

    static byte[] audio(List<JsonNode> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (JsonNode m : messages) if (m.hasNonNull("audio")) out.writeBytes(Base64.getDecoder().decode(m.get("audio").asText()));
        return out.toByteArray();
    }

    static String chars(List<JsonNode> messages, String field) {
        StringBuilder s = new StringBuilder();
        for (JsonNode m : messages) {
            JsonNode a = m.get(field);
            if (a == null || a.isNull()) continue;
            assertThat(a.get("charStartTimesMs").size()).isEqualTo(a.get("chars").size());
            assertThat(a.get("charsDurationsMs").size()).isEqualTo(a.get("chars").size());
            a.get("chars").forEach(c -> s.append(c.asText()));
        }
        return s.toString();
    }

    @Test
    void text_then_end_of_stream_gives_mp3_with_alignment_and_a_final_message() {
        String text = "Hello there, this is a streamed test. ";
        try (TestSocket s = open("?model_id=eleven_multilingual_v2")) {
            s.send(Map.of("text", " ", "voice_settings", Map.of("stability", 0.5, "similarity_boost", 0.8)));
            s.send(Map.of("text", "Hello there, "));
            s.send(Map.of("text", "this is a streamed test. "));
            s.send(Map.of("text", ""));
            List<JsonNode> messages = new ArrayList<>();
            TestSocket.Closed closed = s.messagesUntilClosed(messages);
            assertThat(closed.code()).isEqualTo(1000);
            JsonNode last = messages.get(messages.size() - 1);
            assertThat(last.get("isFinal").asBoolean()).isTrue();
            assertThat(last.has("audio")).isFalse();
            List<JsonNode> audio = messages.subList(0, messages.size() - 1);
            assertThat(audio).isNotEmpty().allSatisfy(m -> {
                assertThat(m.get("audio").asText()).isNotEmpty();
                assertThat(m.has("isFinal")).isTrue();
                assertThat(m.get("isFinal").isNull()).isTrue();
            });
            var decoded = AudioDecoder.decode(audio(audio));
            assertThat(decoded.format().sampleRate()).isEqualTo(44100);
            assertThat(decoded.format().seconds(decoded.pcm().length)).isGreaterThan(0.5);
            assertThat(chars(audio, "alignment")).isEqualTo(text);
            assertThat(chars(audio, "normalizedAlignment")).isNotBlank();
        }
    }

    @Test
    void the_chunk_length_schedule_holds_audio_back_until_enough_text_arrived() {
        try (TestSocket s = open("?output_format=pcm_16000")) {
            s.send(Map.of("text", " ", "generation_config", Map.of("chunk_length_schedule", List.of(60))));
            s.send(Map.of("text", "One two three four five "));      // 24 characters
            s.send(Map.of("text", "six seven eight nine ten "));     // 49
            assertThat(s.poll(500)).as("no audio before the threshold").isNull();
            s.send(Map.of("text", "eleven twelve thirteen "));       // 72: one generation
            JsonNode first = s.nextMessage();
            assertThat(first.get("audio").asText()).isNotEmpty();
            s.send(Map.of("text", ""));
            List<JsonNode> rest = new ArrayList<>(List.of(first));
            assertThat(s.messagesUntilClosed(rest).code()).isEqualTo(1000);
            assertThat(chars(rest, "alignment")).isEqualTo("One two three four five six seven eight nine ten eleven twelve thirteen ");
            byte[] pcm = audio(rest);
            assertThat(pcm.length % 2).isZero();
            assertThat(pcm.length).isGreaterThan(16000 / 2 * 2);
        }
    }

    @Test
    void flush_and_try_trigger_generate_before_the_threshold_and_keep_the_socket_open() {
        try (TestSocket s = open("?output_format=ulaw_8000&sync_alignment=true")) {
            s.send(Map.of("text", " "));
            s.send(Map.of("text", "Hi there. ", "try_trigger_generation", true));
            StringBuilder seen = new StringBuilder();
            List<JsonNode> triggered = s.messagesUntil(m -> seen.append(chars(List.of(m), "alignment")).toString().equals("Hi there. "));
            assertThat(triggered).allSatisfy(m -> assertThat(m.get("audio").asText()).isNotEmpty());
            s.send(Map.of("text", "Short flush. ", "flush", true));
            StringBuilder flushedChars = new StringBuilder();
            List<JsonNode> flushed = s.messagesUntil(m -> flushedChars.append(chars(List.of(m), "alignment")).toString().equals("Short flush. "));
            assertThat(flushed).allSatisfy(m -> {
                assertThat(m.get("isFinal").isNull()).isTrue();
                assertThat(m.get("alignment").isObject()).isTrue(); // sync_alignment: never null
            });
            s.send(Map.of("text", ""));
            List<JsonNode> rest = new ArrayList<>();
            assertThat(s.messagesUntilClosed(rest).code()).isEqualTo(1000);
            assertThat(rest).extracting(m -> m.path("isFinal").asBoolean()).containsExactly(true);
        }
    }

    @Test
    void auto_mode_generates_each_completed_sentence_without_waiting_for_the_schedule() {
        try (TestSocket s = open("?output_format=pcm_16000&auto_mode=true")) {
            s.send(Map.of("text", " "));
            s.send(Map.of("text", "A short sentence. And then "));
            StringBuilder seen = new StringBuilder();
            s.messagesUntil(m -> seen.append(chars(List.of(m), "alignment")).toString().equals("A short sentence. "));
            s.send(Map.of("text", "the rest "));
            s.send(Map.of("text", ""));
            List<JsonNode> rest = new ArrayList<>();
            assertThat(s.messagesUntilClosed(rest).code()).isEqualTo(1000);
            assertThat(chars(rest, "alignment")).isEqualTo("And then the rest ");
        }
    }

    @Test
    void a_socket_without_a_key_must_send_one_in_its_first_message() {
        String path = "/v1/text-to-speech/" + voiceId + "/stream-input?output_format=pcm_16000";
        try (TestSocket s = TestSocket.open(server, path, null)) {
            s.send(Map.of("text", " "));
            JsonNode error = s.nextMessage();
            assertThat(error.get("error").asText()).isEqualTo("needs_authorization");
            assertThat(error.get("code").asInt()).isEqualTo(1008);
            assertThat(((TestSocket.Closed) s.next()).code()).isEqualTo(1008);
        }
        try (TestSocket s = TestSocket.open(server, path, null)) {
            s.send(Map.of("text", " ", "xi_api_key", TestServer.KEY));
            s.send(Map.of("text", "Authorised. ", "flush", true));
            assertThat(s.nextMessage().get("audio").asText()).isNotEmpty();
        }
        try (TestSocket s = TestSocket.open(server, path + "&authorization=" + TestServer.KEY, null)) {
            s.send(Map.of("text", "Query key. ", "flush", true));
            assertThat(s.nextMessage().get("audio").asText()).isNotEmpty();
        }
    }

    @Test
    void a_wrong_key_is_refused_at_the_upgrade() {
        assertThatThrownBy(() -> TestSocket.open(server, "/v1/text-to-speech/" + voiceId + "/stream-input", "wrong-key"))
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(401));
    }

    @Test
    void malformed_messages_get_an_error_and_a_close() {
        for (String bad : List.of("{not json", "[1,2]", "{\"text\": {\"a\": 1}}", "{\"text\": \" \", \"flush\": \"maybe\"}",
                "{\"text\": \" \", \"voice_settings\": {\"stability\": 7}}",
                "{\"text\": \" \", \"generation_config\": {\"chunk_length_schedule\": [5]}}")) {
            try (TestSocket s = open("")) {
                s.send(bad);
                JsonNode error = s.nextMessage();
                assertThat(error.get("message").asText()).as(bad).isNotBlank();
                assertThat(error.get("code").asInt()).isEqualTo(1008);
                assertThat(((TestSocket.Closed) s.next()).code()).as(bad).isEqualTo(1008);
            }
        }
    }

    @Test
    void an_unknown_voice_or_bad_query_closes_the_socket_with_an_error() {
        try (TestSocket s = TestSocket.open(server, "/v1/text-to-speech/nosuchvoice/stream-input", TestServer.KEY)) {
            assertThat(s.nextMessage().get("error").asText()).isEqualTo("voice_not_found");
            assertThat(((TestSocket.Closed) s.next()).code()).isEqualTo(1008);
        }
        for (String query : List.of("?output_format=wav_1", "?inactivity_timeout=500", "?model_id=nope", "?seed=-1")) {
            try (TestSocket s = open(query)) {
                assertThat(s.nextMessage().get("code").asInt()).as(query).isEqualTo(1008);
                assertThat(((TestSocket.Closed) s.next()).code()).as(query).isEqualTo(1008);
            }
        }
    }

    @Test
    void inactivity_closes_the_socket() {
        try (TestSocket s = open("?inactivity_timeout=1")) {
            s.send(Map.of("text", " "));
            JsonNode error = s.nextMessage();
            assertThat(error.get("error").asText()).isEqualTo("input_timeout_exceeded");
            assertThat(((TestSocket.Closed) s.next()).code()).isEqualTo(1008);
        }
    }
}
