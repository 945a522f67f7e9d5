package dev.timbre.convai.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.AudioDecoder;
import dev.timbre.config.TimbreConfig;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The server as composed in {@code Timbre}, real engines: a voice call is recorded (both sides), stored as MP3 when it
 * ends, flagged on the conversation and served by {@code GET …/audio}; an agent whose privacy settings forbid it keeps
 * nothing.
 */
@Tag("integration")
class CallRecordingApiTest {
    static TestServer server;
    static String voiceId;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withEngines(new TimbreConfig.Engines("marytts", List.of(), TimbreConfig.Engines.AUTO_SPEECH_TO_TEXT)));
        voiceId = server.firstVoiceId();
    }

    @AfterAll
    static void stop() { server.close(); }

    static String agent(String privacy) {
        var r = server.postJson("/v1/convai/agents/create", ("{'name':'Recorded','conversation_config':{'agent':{'first_message':'Hello there.',"
                + "'prompt':{'prompt':'When the user says weather, reply It is sunny.'}},'tts':{'voice_id':'" + voiceId + "'}},"
                + "'platform_settings':{'privacy':" + privacy + "}}").replace('\'', '"'));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("agent_id").asText();
    }

    /**
     * A call: the first message is spoken, the user asks a question, then (when {@code answered}, after the reply's
     * first audio) hangs up. Returns its id.
     */
    static String call(String agentId, boolean answered) {
        String conversationId;
        try (var c = ConversationClient.open(server.timbre().port(), "/v1/convai/conversation?agent_id=" + agentId, Map.of(), "convai")) {
            c.sendJson(VoiceConversationApiTest.VOICE_INIT);
            conversationId = c.message().path("conversation_initiation_metadata_event").path("conversation_id").asText();
            c.until("audio");
            var speech = server.post("/v1/text-to-speech/" + voiceId + "?output_format=pcm_16000", "application/json",
                    "{\"text\":\"What is the weather like today?\"}".getBytes());
            byte[] pcm = java.util.Arrays.copyOf(speech.body(), speech.body().length + 1500 * 32); // then 1.5 s of silence
            for (int at = 0; at < pcm.length; at += 3200) {
                byte[] piece = java.util.Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + 3200));
                c.send(Map.of("user_audio_chunk", Base64.getEncoder().encodeToString(piece)));
            }
            if (answered) {
                c.until(m -> m.path("type").asText().equals("agent_response")
                        && m.path("agent_response_event").path("agent_response").asText().contains("sunny"));
                c.until("audio");
            }
        }
        return conversationId;
    }

    static JsonNode awaitEnd(String conversationId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            var r = server.get("/v1/convai/conversations/" + conversationId);
            if (r.status() == 200 && List.of("done", "failed").contains(r.json().path("status").asText())) return r.json();
            Thread.sleep(50);
        }
        throw new AssertionError("conversation " + conversationId + " did not end");
    }

    @Test
    void aVoiceCallIsRecordedWithBothSides() throws Exception {
        String id = call(agent("{'record_voice':true}"), true);
        JsonNode c = awaitEnd(id);
        assertThat(c.path("has_audio").asBoolean()).as(c.toString()).isTrue();
        assertThat(c.path("has_user_audio").asBoolean()).isTrue();
        assertThat(c.path("has_response_audio").asBoolean()).isTrue();

        var audio = server.get("/v1/convai/conversations/" + id + "/audio");
        assertThat(audio.status()).isEqualTo(200);
        assertThat(audio.header("Content-Type")).startsWith("audio/mpeg");
        var decoded = AudioDecoder.mp3(audio.body());
        double seconds = decoded.pcm().length / 2.0 / decoded.format().sampleRate();
        assertThat(seconds).as("the first message and the user's question").isGreaterThan(1.5).isLessThan(60);
        OpenApiContract.assertConforms("GET", "/v1/convai/conversations/{conversation_id}", server.get("/v1/convai/conversations/" + id));

        JsonNode reply = null;
        for (JsonNode e : c.path("transcript")) if (e.path("message").asText().contains("sunny")) reply = e;
        assertThat(reply).as(c.path("transcript").toString()).isNotNull();
        JsonNode metrics = reply.path("conversation_turn_metrics").path("metrics");
        assertThat(metrics.path("convai_llm_service_ttfb").path("elapsed_time").isNumber()).as(reply.toString()).isTrue();
        assertThat(metrics.path("convai_first_audio").path("elapsed_time").asDouble())
                .isGreaterThanOrEqualTo(metrics.path("convai_llm_service_ttfb").path("elapsed_time").asDouble());
        assertThat(server.get("/metrics").text())
                .containsPattern("timbre_agent_voice_latency_seconds_count\\{[^}]*stage=\"first_audio_sent\"[^}]*} [1-9]");
    }

    @Test
    void anAgentThatMayNotRecordKeepsNoAudio() throws Exception {
        String id = call(agent("{'record_voice':false}"), false);
        JsonNode c = awaitEnd(id);
        assertThat(c.path("has_audio").asBoolean(true)).isFalse();
        assertThat(server.get("/v1/convai/conversations/" + id + "/audio").status()).isEqualTo(404);
    }

    @Test
    void audioSentTenTimesFasterThanRealTimeIsRecordedOnlyAtAboutRealTime() throws Exception {
        String agentId = agent("{'record_voice':true}");
        // 1 s of pcm_16000 noise too faint to be taken for speech: the recogniser (shared by this class's calls) stays idle
        byte[] second = new byte[32_000];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < second.length; i += 2) {
            int v = random.nextInt(7) - 3;
            second[i] = (byte) v;
            second[i + 1] = (byte) (v >> 8);
        }
        String chunk = Base64.getEncoder().encodeToString(second);
        int sent = 40;
        long startedAt = System.nanoTime();
        String conversationId;
        try (var c = ConversationClient.open(server.timbre().port(), "/v1/convai/conversation?agent_id=" + agentId, Map.of(), "convai")) {
            c.sendJson(VoiceConversationApiTest.VOICE_INIT);
            conversationId = c.message().path("conversation_initiation_metadata_event").path("conversation_id").asText();
            for (int i = 0; i < sent; i++) {
                c.send(Map.of("user_audio_chunk", chunk));
                Thread.sleep(100); // paces the client at 10x real time
            }
        }
        double wall = (System.nanoTime() - startedAt) / 1e9;
        JsonNode c = awaitEnd(conversationId);
        assertThat(c.path("has_user_audio").asBoolean()).as(c.toString()).isTrue();
        var decoded = AudioDecoder.mp3(server.get("/v1/convai/conversations/" + conversationId + "/audio").body());
        double recorded = decoded.pcm().length / 2.0 / decoded.format().sampleRate();
        System.out.printf("sent %d s of audio in %.1f s; recorded %.1f s%n", sent, wall, recorded);
        assertThat(recorded).as("a 10 s lead plus 1.2x the %.1f s of wall time", wall).isLessThanOrEqualTo(10 + 1.2 * wall + 2)
                .isLessThan(sent * 0.6);
    }
}
