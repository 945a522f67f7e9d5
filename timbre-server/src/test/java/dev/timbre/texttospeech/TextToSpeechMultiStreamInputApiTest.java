package dev.timbre.texttospeech;

import static dev.timbre.texttospeech.TextToSpeechStreamInputApiTest.chars;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.testing.TestServer;
import dev.timbre.testing.TestSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code /v1/text-to-speech/{voice_id}/multi-stream-input}: contexts over one socket (AsyncAPI). */
@Tag("integration")
class TextToSpeechMultiStreamInputApiTest {
    static TestServer server;
    static String voiceId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        voiceId = server.firstVoiceId();
    }

    @AfterAll
    static void stop() { server.close(); }

    private static TestSocket open() {
        return TestSocket.open(server, "/v1/text-to-speech/" + voiceId + "/multi-stream-input?output_format=pcm_16000", TestServer.KEY);
    }

    private static boolean finalOf(JsonNode m, String context) {
        return m.path("isFinal").asBoolean() && context.equals(m.path("contextId").asText());
    }

    private static List<JsonNode> of(List<JsonNode> all, String context) {
        return all.stream().filter(m -> context.equals(m.path("contextId").asText())).toList();
    }

    @Test
    void interleaved_contexts_get_their_own_audio_and_final_messages() {
        try (TestSocket s = open()) {
            s.send(Map.of("text", " ", "context_id", "conv_1", "voice_settings", Map.of("stability", 0.5)));
            s.send(Map.of("text", "Hello from one. ", "context_id", "conv_1"));
            s.send(Map.of("text", "Hi from two. ", "context_id", "conv_2", "voice_settings", Map.of("stability", 0.2)));
            s.send(Map.of("text", "More for one. ", "context_id", "conv_1", "flush", true));
            s.send(Map.of("context_id", "conv_2", "flush", true));
            List<JsonNode> all = new ArrayList<>();
            boolean[] done = new boolean[2];
            while (!(done[0] && done[1])) {
                JsonNode m = s.nextMessage();
                all.add(m);
                if (finalOf(m, "conv_1")) done[0] = true;
                if (finalOf(m, "conv_2")) done[1] = true;
            }
            assertThat(all).allSatisfy(m -> assertThat(m.path("contextId").asText()).isIn("conv_1", "conv_2"));
            List<JsonNode> one = of(all, "conv_1"), two = of(all, "conv_2");
            assertThat(chars(one, "alignment")).isEqualTo("Hello from one. More for one. ");
            assertThat(chars(two, "alignment")).isEqualTo("Hi from two. ");
            assertThat(one.subList(0, one.size() - 1)).allSatisfy(m -> {
                assertThat(m.get("audio").asText()).isNotEmpty();
                assertThat(m.get("is_final").asBoolean()).isFalse();
            });
            assertThat(one.get(one.size() - 1).get("is_final").asBoolean()).isTrue();

            s.send(Map.of("text", "", "context_id", "conv_2")); // keep-alive: nothing comes back, the socket stays open
            assertThat(s.poll(300)).isNull();
        }
    }

    @Test
    void close_context_ends_one_context_and_close_socket_ends_all() {
        try (TestSocket s = open()) {
            s.send(Map.of("text", " ", "context_id", "a"));
            s.send(Map.of("text", "Never spoken. ", "context_id", "a"));
            s.send(Map.of("text", "Spoken at the end. ", "context_id", "b"));
            s.send(Map.of("context_id", "a", "close_context", true));
            JsonNode closedA = s.nextMessage();
            assertThat(finalOf(closedA, "a")).as(closedA.toString()).isTrue();
            s.send(Map.of("close_socket", true));
            List<JsonNode> rest = new ArrayList<>();
            TestSocket.Closed closed = s.messagesUntilClosed(rest);
            assertThat(closed.code()).isEqualTo(1000);
            assertThat(chars(of(rest, "b"), "alignment")).isEqualTo("Spoken at the end. ");
            assertThat(rest).noneMatch(m -> "a".equals(m.path("contextId").asText()));
            assertThat(finalOf(rest.get(rest.size() - 1), "b")).isTrue();
        }
    }

    @Test
    void messages_without_a_context_id_use_the_default_context() {
        try (TestSocket s = open()) {
            s.send(Map.of("text", " "));
            s.send(Map.of("text", "Default context. ", "flush", true));
            List<JsonNode> msgs = s.messagesUntil(m -> m.path("isFinal").asBoolean());
            assertThat(msgs).allSatisfy(m -> assertThat(m.path("contextId").asText()).isEqualTo(StreamInputSocket.DEFAULT_CONTEXT));
            assertThat(chars(msgs, "alignment")).isEqualTo("Default context. ");
        }
    }
}
