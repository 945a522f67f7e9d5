package dev.timbre.audioisolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.UploadDecoder;
import dev.timbre.audio.Wav;
import dev.timbre.audio.FloatSamples;
import dev.timbre.engine.VoiceShape;
import dev.timbre.engine.process.FliteTextToSpeech;
import dev.timbre.speaker.Speakers;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/audio-isolation} and {@code /stream} on flite speech (a voice we did not make) in white noise: MP3
 * of the input's length whose noise-only lead-in is far quieter; raw PCM input; bad inputs are 4xx; the provider.
 */
@Tag("integration")
class AudioIsolationApiTest {
    static TestServer server;
    static byte[] noisyPcm;
    static final double LEAD_IN = 0.5;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(FliteTextToSpeech.available(), "flite is needed");
        byte[] speech;
        try (FliteTextToSpeech flite = new FliteTextToSpeech()) {
            speech = Speakers.speak(flite, "rms", "Please call Stella and ask her to bring these things with her from the store.", 1, VoiceShape.NEUTRAL);
        }
        float[] s = FloatSamples.fromPcm(speech, 0, speech.length);
        float[] x = new float[s.length + (int) (LEAD_IN * 16000)];
        Random r = new Random(4);
        for (int i = 0; i < x.length; i++) {
            int k = i - (int) (LEAD_IN * 16000);
            x[i] = (float) ((k >= 0 ? s[k] : 0) + 0.03 * r.nextGaussian());
        }
        noisyPcm = FloatSamples.toPcm(x);
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static TestServer.Response isolate(String path, byte[] audio, String... fields) {
        Multipart form = new Multipart().file("audio", "in.wav", "audio/wav", audio);
        for (int i = 0; i + 1 < fields.length; i += 2) form.field(fields[i], fields[i + 1]);
        return server.postMultipart(path, form);
    }

    static double rms(byte[] pcm, int from, int to) {
        float[] x = FloatSamples.fromPcm(pcm, 2 * from, 2 * (to - from));
        double sum = 0;
        for (float v : x) sum += v * v;
        return Math.sqrt(sum / x.length);
    }

    static void assertIsolated(TestServer.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("audio/mpeg");
        assertThat(r.header("character-cost")).isEqualTo(Integer.toString(AudioIsolationService.credits(noisyPcm.length / 32000.0)));
        Wav.Decoded d = new UploadDecoder().decode(r.body(), 16000);
        byte[] out = dev.timbre.audio.Pcm.resample(d.pcm(), d.format().sampleRate(), 16000);
        assertThat(out.length / 32000.0).isCloseTo(noisyPcm.length / 32000.0, Offset.offset(0.1));
        // the noise-only lead-in (after the tracker's first 0.2 s) is at least 15 dB quieter
        double before = rms(noisyPcm, 3200, 7200), after = rms(out, 3200, 7200);
        assertThat(20 * Math.log10(before / after)).isGreaterThan(15);
        // the speech is still there
        assertThat(rms(out, 8000, out.length / 2 - 1)).isGreaterThan(3 * after);
    }

    @Test
    void isolatesAWav() {
        TestServer.Response r = isolate("/v1/audio-isolation", Wav.wrap(noisyPcm, new PcmFormat(16000)));
        assertIsolated(r);
        OpenApiContract.assertConforms("POST", "/v1/audio-isolation", r);
    }

    @Test
    void streamsRawPcm() {
        TestServer.Response r = isolate("/v1/audio-isolation/stream", noisyPcm, "file_format", "pcm_s16le_16");
        assertIsolated(r);
        OpenApiContract.assertConforms("POST", "/v1/audio-isolation/stream", r);
    }

    @Test
    void badInputIs4xx() {
        assertThat(isolate("/v1/audio-isolation", "not audio at all".getBytes(StandardCharsets.US_ASCII)).status()).isEqualTo(400);
        assertThat(isolate("/v1/audio-isolation", Wav.wrap(new byte[32000], new PcmFormat(16000))).json().get("detail").get("status").asText())
                .isEqualTo("audio_silent");
        assertThat(isolate("/v1/audio-isolation", new byte[0]).status()).isEqualTo(422);
        assertThat(isolate("/v1/audio-isolation", noisyPcm, "file_format", "flac").status()).isEqualTo(422);
        assertThat(isolate("/v1/audio-isolation/stream", new byte[] {1, 2, 3}, "file_format", "pcm_s16le_16").status()).isEqualTo(400);
        assertThat(server.postMultipart("/v1/audio-isolation", new Multipart().field("file_format", "other")).status()).isEqualTo(422);
    }

    @Test
    void aConfiguredProviderIsAskedInstead() throws Exception {
        HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicReference<String> seen = new AtomicReference<>();
        fake.createContext("/v1/audio-isolation", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
            seen.set(ex.getRequestURI().getPath() + " " + ex.getRequestHeaders().getFirst("xi-api-key") + " " + body.contains("name=\"audio\"")
                    + " " + body.contains("pcm_s16le_16"));
            byte[] audio = "ISOLATED".getBytes(StandardCharsets.US_ASCII);
            ex.sendResponseHeaders(200, audio.length);
            ex.getResponseBody().write(audio);
            ex.close();
        });
        fake.start();
        try {
            AudioIsolationService service = new AudioIsolationService(1 << 20, RemoteAudioIsolation.fromEnv(Map.of(
                    "TIMBRE_AUDIO_ISOLATION_URL", "http://127.0.0.1:" + fake.getAddress().getPort() + "/", "TIMBRE_AUDIO_ISOLATION_API_KEY", "k2")));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            service.isolate(noisyPcm, true, true, credits -> { }, out::write);
            assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("ISOLATED");
            assertThat(seen.get()).isEqualTo("/v1/audio-isolation/stream k2 true true");
        } finally {
            fake.stop(0);
        }
    }
}
