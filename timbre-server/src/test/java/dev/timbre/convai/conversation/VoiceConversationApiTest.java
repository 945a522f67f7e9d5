package dev.timbre.convai.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.config.TimbreConfig;
import dev.timbre.testing.TestServer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Voice conversations end to end on the real engines: MaryTTS speaks (the agent, and the "user" whose speech is made
 * with the server's own text to speech), the server's default recogniser (pocketsphinx when installed, else sphinx4)
 * listens, Silero (or the energy VAD) detects speech. User audio is sent faster than real time: the pipeline
 * measures it in samples.
 */
class VoiceConversationApiTest {
    static ConversationHarness h;
    static String weatherAgent;
    static String voiceId;

    @BeforeAll
    static void start() {
        h = new ConversationHarness(c -> c.withEngines(new TimbreConfig.Engines("marytts", List.of(), TimbreConfig.Engines.AUTO_SPEECH_TO_TEXT)),
                ConversationRuntime.DEFAULT_MAX_QUEUED_BYTES);
        voiceId = h.server.firstVoiceId();
        weatherAgent = h.agent("{'name':'Weather','conversation_config':{'agent':{'first_message':'',"
                + "'prompt':{'prompt':'When the user says weather, reply It is sunny and warm today.'}},"
                + "'tts':{'voice_id':'" + voiceId + "'}}}");
    }

    @AfterAll
    static void stop() { h.close(); }

    static final String VOICE_INIT = "{'type':'conversation_initiation_client_data','conversation_config_override':{'agent':{},'tts':{}},'dynamic_variables':{}}";

    static String type(JsonNode m) { return m.path("type").asText(); }

    /** {@code text} spoken by the server's TTS as pcm_16000, then {@code silenceMs} of silence. */
    static byte[] speech(String text, int silenceMs) {
        var r = h.server.post("/v1/text-to-speech/" + voiceId + "?output_format=pcm_16000", "application/json",
                ("{\"text\":\"" + text + "\"}").getBytes());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        byte[] out = new byte[r.body().length + silenceMs * 32];
        System.arraycopy(r.body(), 0, out, 0, r.body().length);
        return out;
    }

    /** Sends {@code pcm} as user_audio_chunks of {@code chunkBytes}. */
    static void sendAudio(ConversationClient c, byte[] pcm, int chunkBytes) {
        for (int at = 0; at < pcm.length; at += chunkBytes) {
            byte[] piece = java.util.Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + chunkBytes));
            c.send(Map.of("user_audio_chunk", Base64.getEncoder().encodeToString(piece)));
        }
    }

    @Test
    void aSpokenQuestionIsTranscribedAnsweredAndSpoken() {
        var s = h.start(weatherAgent, VOICE_INIT);
        var c = s.client();
        sendAudio(c, speech("What is the weather like today?", 1500), 3200);
        List<JsonNode> got = c.until("agent_response");
        JsonNode transcript = got.stream().filter(m -> type(m).equals("user_transcript")).findFirst().orElseThrow(
                () -> new AssertionError("no user_transcript in " + got));
        String heard = transcript.path("user_transcription_event").path("user_transcript").asText().toLowerCase(Locale.ROOT);
        assertThat(heard).contains("weather");
        JsonNode response = got.get(got.size() - 1);
        int eventId = response.path("agent_response_event").path("event_id").asInt();
        assertThat(response.path("agent_response_event").path("agent_response").asText()).isEqualTo("It is sunny and warm today.");
        List<JsonNode> audio = audioOf(got, c, eventId, 32_000);
        StringBuilder spoken = new StringBuilder();
        for (JsonNode a : audio) {
            JsonNode e = a.path("audio_event");
            assertThat(e.path("event_id").asInt()).isEqualTo(eventId);
            assertThat(Base64.getDecoder().decode(e.path("audio_base_64").asText()).length % 2).isZero();
            JsonNode al = e.path("alignment");
            assertThat(al.path("chars").size()).isEqualTo(al.path("char_start_times_ms").size()).isEqualTo(al.path("char_durations_ms").size());
            al.path("chars").forEach(ch -> spoken.append(ch.asText()));
        }
        assertThat(spoken.toString()).isEqualTo("It is sunny and warm today.");
        c.close();
    }

    /**
     * Audio events of response {@code eventId}: those among {@code seen}, then more from {@code c} until at least
     * {@code minBytes} of audio arrived and a quiet second follows.
     */
    static List<JsonNode> audioOf(List<JsonNode> seen, ConversationClient c, int eventId, long minBytes) {
        List<JsonNode> audio = new ArrayList<>();
        long bytes = 0;
        List<Object> all = new ArrayList<>(seen);
        for (int i = 0; ; i++) {
            Object next = i < all.size() ? all.get(i) : c.poll(bytes >= minBytes ? 1500 : 60_000);
            if (next == null) return audio;
            if (i >= all.size()) all.add(next);
            if (next instanceof JsonNode m && type(m).equals("audio") && m.path("audio_event").path("event_id").asInt() == eventId) {
                audio.add(m);
                bytes += Base64.getDecoder().decode(m.path("audio_event").path("audio_base_64").asText()).length;
            }
        }
    }

    static long bytesOf(List<JsonNode> audio) {
        return audio.stream().mapToLong(a -> Base64.getDecoder().decode(a.path("audio_event").path("audio_base_64").asText()).length).sum();
    }
}
