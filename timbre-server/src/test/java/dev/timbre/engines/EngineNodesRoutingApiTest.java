package dev.timbre.engines;

import dev.timbre.config.RemoteTextToSpeech;
import dev.timbre.config.RemoteSpeechToText;
import dev.timbre.config.Nodes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.config.TimbreConfig;
import dev.timbre.engine.remote.FakeSpeechServer;
import dev.timbre.engine.remote.FakeTranscriptionServer;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Routing by model id end to end: an {@code api} node with two TTS engine nodes and two STT engine nodes (fake
 * servers recording what they are asked), {@code TIMBRE_TTS_URL=eleven_flash*=<node 1>,eleven_multilingual_v2=<node 2>}
 * and {@code TIMBRE_STT_URL=scribe_v2*=<node 1>,*=<node 2>}: each request reaches the node its model routes to, and
 * that node is asked for that model; an unhealthy node is skipped for the local engine.
 */
@Tag("integration")
class EngineNodesRoutingApiTest {
    static final String TEXT = "routed by model";

    @Test
    void each_model_reaches_its_node_which_is_asked_for_that_model_and_an_unhealthy_node_falls_back_to_the_local_engine()
            throws Exception {
        try (FakeSpeechServer flash = new FakeSpeechServer(); FakeSpeechServer multilingual = new FakeSpeechServer();
             FakeTranscriptionServer scribeV2 = new FakeTranscriptionServer(); FakeTranscriptionServer scribe = new FakeTranscriptionServer();
             TestServer api = TestServer.start(c -> c.withEngines(new TimbreConfig.Engines("elevenlabs", List.of("fake"), "auto",
                     new RemoteSpeechToText("scribe_v2*=" + scribeV2.url() + ",*=" + scribe.url(), "k", "whisper-1", 10),
                     new RemoteTextToSpeech("eleven_flash*=" + flash.url() + ",eleven_multilingual_v2=" + multilingual.url(),
                             "k", null, List.of(), 10, 0))
                     .withNodes(new Nodes("api", 200))))) {
            String voice = remoteVoice(api);

            assertThat(speak(api, voice, "eleven_flash_v2_5").status()).isEqualTo(200);
            assertThat(synthesisModels(flash)).containsExactly("eleven_flash_v2_5");
            assertThat(synthesisModels(multilingual)).isEmpty();

            assertThat(speak(api, voice, "eleven_multilingual_v2").status()).isEqualTo(200);
            assertThat(synthesisModels(multilingual)).containsExactly("eleven_multilingual_v2");
            assertThat(synthesisModels(flash)).containsExactly("eleven_flash_v2_5");

            byte[] wav = EngineNodesApiTest.wav(FakeSpeechServer.speak("one two", 16000));
            assertThat(transcribe(api, "scribe_v2", wav).status()).isEqualTo(200);
            assertThat(transcribe(api, "scribe_v1", wav).status()).isEqualTo(200);
            assertThat(transcriptionModels(scribeV2)).containsExactly("scribe_v2");
            assertThat(transcriptionModels(scribe)).containsExactly("scribe_v1");

            // node 1 says it is not ready: its next health check takes it out, and the local engine speaks its model
            flash.status(503);
            EngineNodesApiTest.eventually(() -> {
                int before = synthesisModels(flash).size();
                TestServer.Response r = speak(api, voice, "eleven_flash_v2_5");
                return r.status() == 200 && r.body().length > 0 && synthesisModels(flash).size() == before;
            }, "the unhealthy node is passed over for the local engine");
            assertThat(synthesisModels(multilingual)).containsExactly("eleven_multilingual_v2");
        }
    }

    static String remoteVoice(TestServer api) {
        for (JsonNode v : api.get("/v2/voices?page_size=100").json().get("voices")) {
            if (v.get("name").asText().equals("Remote Rachel")) return v.get("voice_id").asText();
        }
        throw new AssertionError("the engine nodes' voice is not listed");
    }

    static TestServer.Response speak(TestServer api, String voice, String model) {
        return api.postJson("/v1/text-to-speech/" + voice + "?output_format=pcm_16000", Map.of("text", TEXT, "model_id", model));
    }

    static TestServer.Response transcribe(TestServer api, String model, byte[] wav) {
        return api.postMultipart("/v1/speech-to-text", new Multipart().field("model_id", model).file("file", "a.wav", "audio/wav", wav));
    }

    /** The {@code model_id} of each synthesis the node was asked for. */
    static List<String> synthesisModels(FakeSpeechServer node) {
        return node.requests.stream().filter(r -> r.path().startsWith("/v1/text-to-speech/")).map(r -> r.body().path("model_id").asText()).toList();
    }

    /** The {@code model} of each transcription the node was asked for. */
    static List<String> transcriptionModels(FakeTranscriptionServer node) {
        return node.requests.stream().filter(r -> r.path().endsWith("/audio/transcriptions")).map(r -> r.parts().get("model").text()).toList();
    }

    /**
     * A fitted clone routed to an engine node: the API node sends the clone's shape as {@code timbre_voice_shape}
     * (see {@code RemoteTextToSpeechTest}), and a Timbre engine node speaks its base voice with it: an octave up
     * here, so the fake engine's tones cross zero about twice as often.
     */
    @Test
    void an_engine_node_speaks_the_voice_shape_an_api_node_sends() {
        try (TestServer engine = TestServer.start(c -> c.withEngines(new TimbreConfig.Engines("fake", List.of(), "fake")
                .withNodes(new Nodes("engine", 0))))) {
            String voice = engine.firstVoiceId();
            String path = "/v1/text-to-speech/" + voice + "/stream?output_format=pcm_16000";
            TestServer.Response plain = engine.postJson(path, Map.of("text", TEXT, "model_id", "eleven_multilingual_v2"));
            TestServer.Response shaped = engine.postJson(path, Map.of("text", TEXT, "model_id", "eleven_multilingual_v2",
                    "timbre_voice_shape", Map.of("pitch_semitones", 12)));
            assertThat(plain.status()).isEqualTo(200);
            assertThat(shaped.status()).as(shaped.toString()).isEqualTo(200);
            double ratio = (double) crossings(shaped.body()) / crossings(plain.body());
            assertThat(ratio).isBetween(1.6, 2.4);

            TestServer.Response bad = engine.postJson(path, Map.of("text", TEXT, "timbre_voice_shape", Map.of("pitch_semitones", "high")));
            assertThat(bad.status()).as(bad.toString()).isEqualTo(422);
        }
    }

    /** Sign changes of 16-bit little-endian PCM. */
    static int crossings(byte[] pcm) {
        int n = 0;
        short prev = 0;
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            short s = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
            if ((prev < 0 && s >= 0) || (prev >= 0 && s < 0)) n++;
            prev = s;
        }
        return n;
    }
}
