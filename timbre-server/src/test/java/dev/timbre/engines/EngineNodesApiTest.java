package dev.timbre.engines;

import dev.timbre.config.RemoteTextToSpeech;
import dev.timbre.config.RemoteSpeechToText;
import dev.timbre.config.Nodes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.config.TimbreConfig;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.TestServer;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two in-process nodes: an {@code engine} node (fake TTS and STT) and an {@code api} node whose TTS and STT are the
 * engine node's ({@code TIMBRE_TTS_URL=eleven_flash*=<dead>,*=http://…}, {@code TIMBRE_STT_URL=<dead>,http://…}), with a
 * local fake TTS engine to fall back on.
 * Requests on the api node are served by the engine node (its metrics count them); when the engine node goes away the
 * api node falls back to its local engine, and when it comes back (same port) the api node uses it again.
 */
@Tag("integration")
class EngineNodesApiTest {
    static final String TEXT = "hello from the engine node";

    static TestServer engineNode(int port) {
        return TestServer.start(c -> c.withPort(port).withEngines(new TimbreConfig.Engines("fake", List.of(), "fake")
                .withNodes(new Nodes("engine", 0))));
    }

    static TestServer apiNode(String engineUrl) {
        return TestServer.start(c -> c.withEngines(new TimbreConfig.Engines("elevenlabs", List.of("auto", "fake"), "auto",
                new RemoteSpeechToText("http://127.0.0.1:9," + engineUrl, TestServer.KEY, "whisper-1", 10),
                new RemoteTextToSpeech("eleven_flash*=http://127.0.0.1:9/nothing-here,*=" + engineUrl, TestServer.KEY,
                        null, List.of(), 10, 0))
                .withNodes(new Nodes("api", 200))));
    }

    /** 200-answered requests of the engine node whose route contains {@code route}, from its {@code /metrics}. */
    static long served(TestServer node, String route) {
        long n = 0;
        for (String line : node.get("/metrics").text().split("\n")) {
            if (line.startsWith("timbre_http_requests_seconds_count") && line.contains(route) && line.contains("status=\"200\"")) {
                n += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return n;
    }

    static TestServer.Response speak(TestServer api, String voice) {
        return api.postJson("/v1/text-to-speech/" + voice + "?output_format=pcm_16000", Map.of("text", TEXT, "model_id", "eleven_multilingual_v2"));
    }

    static void eventually(Supplier<Boolean> condition, String what) throws InterruptedException {
        long end = System.nanoTime() + 15_000_000_000L;
        while (!condition.get()) {
            if (System.nanoTime() > end) throw new AssertionError("not within 15 s: " + what);
            Thread.sleep(100);
        }
    }

    @Test
    void the_api_node_speaks_and_transcribes_on_the_engine_node_falls_back_while_it_is_down_and_returns_to_it() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) { port = s.getLocalPort(); }
        String engineUrl = "http://127.0.0.1:" + port;
        TestServer[] node = {engineNode(port)};
        try (TestServer api = apiNode(engineUrl)) {
            TestServer engine = node[0];
            // the api node's voices are the engine node's
            String voice = api.firstVoiceId();
            long spoken = served(engine, "/v1/text-to-speech/{voice_id}");
            TestServer.Response tts = speak(api, voice);
            assertThat(tts.status()).as(tts.toString()).isEqualTo(200);
            assertThat(tts.body().length).isPositive();
            eventually(() -> served(engine, "/v1/text-to-speech/{voice_id}") > spoken, "the engine node spoke it");

            // STT: the api node's auto STT became the engine nodes' transcription endpoint; the dead first node is passed over
            TestServer.Response stt = api.postMultipart("/v1/speech-to-text", new Multipart().field("model_id", "scribe_v1")
                    .file("file", "a.wav", "audio/wav", wav(tts.body())));
            assertThat(stt.status()).as(stt.toString()).isEqualTo(200);
            eventually(() -> served(engine, "/v1/audio/transcriptions") == 1, "the engine node transcribed it");

            // the engine node goes away: the api node falls back to its local engine
            engine.close();
            eventually(() -> speak(api, voice).status() == 200, "the api node speaks with its local engine");
            assertThat(speak(api, voice).body().length).isPositive();

            // it comes back on the same port: the api node uses it again
            node[0] = engineNode(port);
            TestServer back = node[0];
            eventually(() -> speak(api, voice).status() == 200 && served(back, "/v1/text-to-speech/{voice_id}") >= 1,
                    "the engine node serves again");
        } finally {
            node[0].close();
        }
    }

    @Test
    void an_engine_node_serves_only_engine_routes() {
        try (TestServer engine = TestServer.start(c -> c.withEngines(new TimbreConfig.Engines("fake", List.of(), "fake")
                .withNodes(new Nodes("engine", 0))))) {
            assertThat(engine.get("/v1/convai/agents").status()).isEqualTo(404);
            assertThat(engine.get("/v1/history").status()).isEqualTo(404);
            assertThat(engine.get("/").status()).isEqualTo(404);
            assertThat(engine.get("/health/ready").status()).isEqualTo(200);
            assertThat(engine.get("/metrics").status()).isEqualTo(200);
            assertThat(engine.get("/v2/voices").status()).isEqualTo(200);
            assertThat(engine.get("/v1/models").status()).isEqualTo(200);
        }
    }

    @Test
    void routes_are_parsed_in_order_and_match_by_model() {
        List<String[]> r = EngineNodes.parse("eleven_multilingual_v2=http://gpu1:8080/, eleven_flash*=http://gpu2:8080,http://gpu3:8080");
        assertThat(r).extracting(a -> a[0] + "→" + a[1])
                .containsExactly("eleven_multilingual_v2→http://gpu1:8080", "eleven_flash*→http://gpu2:8080", "*→http://gpu3:8080");
        assertThat(new EngineNodes.Route("eleven_flash*", "u", null).matches("eleven_flash_v2_5")).isTrue();
        assertThat(new EngineNodes.Route("eleven_flash*", "u", null).matches("eleven_v3")).isFalse();
        assertThat(new EngineNodes.Route("*", "u", null).matches(null)).isTrue();
        assertThatThrownBy(() -> EngineNodes.parse("a=,")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeRole.of(dev.timbre.config.TimbreConfig.defaults().withEngines(new TimbreConfig.Engines("fake")
                .withNodes(new Nodes("gpu", 0))))).hasMessageContaining("all, api or engine");
    }

    /** 16 kHz mono 16-bit PCM in a WAV container. */
    static byte[] wav(byte[] pcm) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + pcm.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + pcm.length).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(16000).putInt(32000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt(pcm.length).put(pcm);
        return b.array();
    }
}
