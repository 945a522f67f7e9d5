package dev.timbre.convai.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.config.TimbreConfig;
import dev.timbre.convai.conversation.transport.ConversationRuntime;
import dev.timbre.testing.TestServer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Voice conversations end to end on the real engines: MaryTTS speaks (the agent, and the "user" whose speech is made
 * with the server's own text to speech), the server's default recogniser (pocketsphinx when installed, else sphinx4)
 * listens, Silero (or the energy VAD) detects speech. User audio is sent faster than real time: the pipeline
 * measures it in samples.
 */
@Tag("integration")
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
        long chunkStartMs = 0, lastCharMs = -1;
        for (JsonNode a : audio) {
            JsonNode e = a.path("audio_event");
            assertThat(e.path("event_id").asInt()).isEqualTo(eventId);
            int bytes = Base64.getDecoder().decode(e.path("audio_base_64").asText()).length;
            assertThat(bytes % 2).isZero();
            JsonNode al = e.path("alignment");
            assertThat(al.path("chars").size()).isEqualTo(al.path("char_start_times_ms").size()).isEqualTo(al.path("char_durations_ms").size());
            al.path("chars").forEach(ch -> spoken.append(ch.asText()));
            for (int i = 0; i < al.path("chars").size(); i++) { // times from the chunk's start, in order across chunks
                long at = chunkStartMs + al.path("char_start_times_ms").get(i).asLong();
                assertThat(at).isGreaterThanOrEqualTo(lastCharMs);
                assertThat(al.path("char_durations_ms").get(i).asInt()).isNotNegative();
                lastCharMs = at;
            }
            chunkStartMs += bytes / 32;
        }
        assertThat(spoken.toString()).isEqualTo("It is sunny and warm today.");
        c.close();
    }

    @Test
    void ulawInputIsUnderstoodAndClientEventsFilterTheVoiceEvents() {
        String agent = h.agent("{'name':'Phone','conversation_config':{'agent':{'first_message':'',"
                + "'prompt':{'prompt':'When the user says weather, reply It is sunny and warm today.'}},"
                + "'asr':{'user_input_audio_format':'ulaw_8000'},'tts':{'voice_id':'" + voiceId + "','agent_output_audio_format':'ulaw_8000'},"
                + "'conversation':{'client_events':['audio','agent_response','user_transcript']}}}");
        var c = h.connect("agent_id=" + agent, "convai");
        c.sendJson(VOICE_INIT);
        JsonNode meta = c.message().path("conversation_initiation_metadata_event");
        assertThat(meta.path("user_input_audio_format").asText()).isEqualTo("ulaw_8000");
        var r = h.server.post("/v1/text-to-speech/" + voiceId + "?output_format=ulaw_8000", "application/json",
                "{\"text\":\"What is the weather like today?\"}".getBytes());
        assertThat(r.status()).isEqualTo(200);
        byte[] ulaw = java.util.Arrays.copyOf(r.body(), r.body().length + 12_000);
        java.util.Arrays.fill(ulaw, r.body().length, ulaw.length, (byte) 0xFF); // μ-law silence
        sendAudio(c, ulaw, 800);
        List<JsonNode> got = c.until("agent_response");
        assertThat(got.stream().map(VoiceConversationApiTest::type)).contains("user_transcript")
                .doesNotContain("vad_score", "tentative_user_transcript", "agent_chat_response_part");
        JsonNode transcript = got.stream().filter(m -> type(m).equals("user_transcript")).findFirst().orElseThrow();
        // telephone-band speech (heard at 8 kHz, pocketsphinx's narrowband settings; one live utterance): some of the words
        List<String> heard = List.of(transcript.path("user_transcription_event").path("user_transcript").asText().toLowerCase(Locale.ROOT).split("\\W+"));
        assertThat(List.of("what", "is", "the", "weather", "like", "today")).as("heard: %s", heard).filteredOn(heard::contains)
                .hasSizeGreaterThanOrEqualTo(2);
        c.close();
    }

    @Test
    void theUserCanBargeInOnTheAgent() {
        String agent = h.agent("{'name':'Chatty','conversation_config':{'agent':{'first_message':'Welcome! Let me tell you a long story about "
                + "the sea, the wind and the old lighthouse keeper who lived on the cliff for many years.',"
                + "'prompt':{'prompt':'When the user says weather, reply It is sunny and warm today.'}},"
                + "'tts':{'voice_id':'" + voiceId + "'}}}");
        var c = h.connect("agent_id=" + agent, "convai");
        c.sendJson(VOICE_INIT);
        c.message();
        List<JsonNode> greeting = c.until("audio");
        sendAudio(c, speech("What is the weather like today?", 1500), 3200);
        List<JsonNode> got = c.until(m -> type(m).equals("agent_response") && m.path("agent_response_event").path("agent_response").asText().startsWith("It is sunny"));
        List<JsonNode> all = new ArrayList<>(greeting);
        all.addAll(got);
        int firstId = all.stream().filter(m -> type(m).equals("agent_response")).findFirst().orElseThrow().path("agent_response_event").path("event_id").asInt();
        JsonNode interruption = got.stream().filter(m -> type(m).equals("interruption")).findFirst().orElseThrow(() -> new AssertionError("no interruption in " + got));
        assertThat(interruption.path("interruption_event").path("event_id").asInt()).isEqualTo(firstId);
        JsonNode correction = got.stream().filter(m -> type(m).equals("agent_response_correction")).findFirst().orElseThrow();
        String corrected = correction.path("agent_response_correction_event").path("corrected_agent_response").asText();
        assertThat(correction.path("agent_response_correction_event").path("original_agent_response").asText()).startsWith("Welcome!").endsWith("many years.");
        assertThat(corrected).isNotEqualTo(correction.path("agent_response_correction_event").path("original_agent_response").asText());
        int afterInterruption = got.indexOf(interruption);
        assertThat(got.subList(afterInterruption, got.size())).noneMatch(m -> type(m).equals("audio") && m.path("audio_event").path("event_id").asInt() == firstId);
        c.close();
    }

    @Test
    void supportedVoicesSpeakTaggedRepliesWithoutReadingTheTags() {
        String other = h.server.get("/v1/voices").json().path("voices").get(1).path("voice_id").asText();
        String agent = h.agent("{'name':'Pirates','conversation_config':{'agent':{'first_message':'',"
                + "'prompt':{'prompt':'When the user says story, reply Once upon a time. <Pirate>Arr, ahoy there!</Pirate> Said the pirate.'}},"
                + "'tts':{'voice_id':'" + voiceId + "','supported_voices':[{'label':'Pirate','voice_id':'" + other + "','description':'an old pirate'}]}}}");
        var c = h.connect("agent_id=" + agent, "convai");
        c.sendJson(VOICE_INIT);
        c.message();
        c.sendJson("{'type':'user_message','text':'story'}");
        List<JsonNode> got = c.until("agent_response");
        JsonNode response = got.get(got.size() - 1).path("agent_response_event");
        String reply = response.path("agent_response").asText();
        assertThat(reply).isEqualTo("Once upon a time. <Pirate>Arr, ahoy there!</Pirate> Said the pirate.");
        List<JsonNode> audio = audioOf(got, c, response.path("event_id").asInt(), 32_000);
        StringBuilder chars = new StringBuilder();
        audio.forEach(a -> a.path("audio_event").path("alignment").path("chars").forEach(ch -> chars.append(ch.asText())));
        assertThat(chars.toString().replaceAll("\\s+", "")).isEqualTo(reply.replaceAll("\\s+", "")); // sentences are spoken without the space between them
        // about three seconds of speech, not the tags spelt out
        assertThat(bytesOf(audio) / 32_000.0).isBetween(1.5, 8.0);
        c.close();
    }

    @Test
    void theAgentsOutputFormatIsAnnouncedAndHonoured() {
        double pcmSeconds = firstMessageSeconds("pcm_44100");
        double ulawSeconds = firstMessageSeconds("ulaw_8000");
        assertThat(pcmSeconds).isGreaterThan(0.8);
        assertThat(ulawSeconds).isCloseTo(pcmSeconds, org.assertj.core.data.Percentage.withPercentage(10));
    }

    /** Seconds of the spoken first message in {@code format}, checked to be speech (not silence) in that encoding. */
    static double firstMessageSeconds(String format) {
        String agent = h.agent("{'name':'Greeter','conversation_config':{'agent':{'first_message':'Hello there, nice to meet you.'},"
                + "'tts':{'voice_id':'" + voiceId + "','agent_output_audio_format':'" + format + "'}}}");
        var c = h.connect("agent_id=" + agent, "convai");
        c.sendJson(VOICE_INIT);
        JsonNode meta = c.message().path("conversation_initiation_metadata_event");
        assertThat(meta.path("agent_output_audio_format").asText()).isEqualTo(format);
        assertThat(meta.path("user_input_audio_format").asText()).isEqualTo("pcm_16000");
        List<JsonNode> got = c.until("agent_response");
        int eventId = got.get(got.size() - 1).path("agent_response_event").path("event_id").asInt();
        boolean ulaw = format.startsWith("ulaw");
        List<JsonNode> audio = audioOf(got, c, eventId, ulaw ? 8000 : 88_200);
        c.close();
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        audio.forEach(a -> all.writeBytes(Base64.getDecoder().decode(a.path("audio_event").path("audio_base_64").asText())));
        byte[] bytes = all.toByteArray();
        short[] samples = new short[ulaw ? bytes.length : bytes.length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = ulaw ? dev.timbre.audio.G711.ulawDecode(bytes[i]) : (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
        }
        double sum = 0;
        for (short v : samples) sum += (double) v * v;
        assertThat(Math.sqrt(sum / Math.max(1, samples.length))).as("RMS of %s audio", format).isGreaterThan(300);
        if (!ulaw) assertThat(bytes.length % 2).isZero();
        return samples.length / (ulaw ? 8000.0 : 44100.0);
    }

    @Test
    void badChunksGetAnErrorAndTheConversationGoesOn() {
        var s = h.start(weatherAgent, VOICE_INIT);
        var c = s.client();
        for (String bad : new String[] {"{'user_audio_chunk':'not base64!'}", "{'user_audio_chunk':'AAAA'}", "{'user_audio_chunk':42}",
                "{'user_audio_chunk':'" + Base64.getEncoder().encodeToString(new byte[64_002]) + "'}"}) {
            c.sendJson(bad);
            JsonNode error = c.message();
            assertThat(type(error)).as(bad).isEqualTo("error");
            assertThat(error.path("error_event").path("error_type").asText()).isEqualTo("invalid_message");
            assertThat(error.path("error_event").path("message").asText()).contains("user_audio_chunk");
        }
        sendAudio(c, speech("Tell me about the weather.", 1500), 1600);
        List<JsonNode> got = c.until("agent_response");
        assertThat(got.stream().map(VoiceConversationApiTest::type)).contains("user_transcript").doesNotContain("error");
        assertThat(got.get(got.size() - 1).path("agent_response_event").path("agent_response").asText()).isEqualTo("It is sunny and warm today.");
        c.close();
    }

    @Test
    void anAgentVoiceThisServerDoesNotHaveSpeaksWithTheDefaultVoice() {
        String agent = h.agent("{'name':'Default voice','conversation_config':{'agent':{'first_message':'Hi.'},'tts':{'voice_id':'cjVigY5qzO86Huf0OWal'}}}");
        var c = h.connect("agent_id=" + agent, "convai");
        c.sendJson(VOICE_INIT);
        c.message();
        List<JsonNode> got = c.until("agent_response");
        int eventId = got.get(got.size() - 1).path("agent_response_event").path("event_id").asInt();
        assertThat(bytesOf(audioOf(got, c, eventId, 3200))).isGreaterThan(3200);
        c.close();
    }

    @Test
    void aLanguageTheRecogniserDoesNotKnowRefusesTheVoiceCall() {
        String agent = h.agent("{'name':'German','conversation_config':{'agent':{'first_message':'Hallo.','language':'de'}}}");
        var c = h.connect("agent_id=" + agent, "convai");
        c.sendJson(VOICE_INIT);
        List<JsonNode> got = new ArrayList<>();
        var closed = c.closeAfter(got);
        assertThat(closed.code()).isEqualTo(1008);
        assertThat(got.get(got.size() - 1).path("error_event").path("error_type").asText()).isEqualTo("unsupported_language");
    }

    @Test
    void audioOnATextOnlyConversationIsRefused() {
        String agent = h.agent("{'name':'Chat','conversation_config':{'conversation':{'text_only':true}}}");
        var c = h.connect("agent_id=" + agent, "convai");
        c.sendJson(VOICE_INIT);
        c.message();
        c.send(Map.of("user_audio_chunk", Base64.getEncoder().encodeToString(new byte[3200])));
        JsonNode error = c.until("error").stream().filter(m -> type(m).equals("error")).findFirst().orElseThrow();
        assertThat(error.path("error_event").path("message").asText()).contains("text only");
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
