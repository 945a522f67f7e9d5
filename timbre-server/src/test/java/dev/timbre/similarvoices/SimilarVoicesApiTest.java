package dev.timbre.similarvoices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Wav;
import dev.timbre.config.TimbreConfig;
import dev.timbre.engine.VoiceShape;
import dev.timbre.engine.process.EspeakTextToSpeech;
import dev.timbre.engine.process.FliteTextToSpeech;
import dev.timbre.speaker.Speakers;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import dev.timbre.voices.PremadeVoices;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code POST /v1/similar-voices} over the espeak-ng and flite voices: a flite voice's own speech finds that voice
 * first; an espeak-ng voice's finds espeak-ng voices of its variant (the variants share one formant timbre in every
 * language, so the source ranks among them, not necessarily first).
 */
@Tag("integration")
class SimilarVoicesApiTest {
    static TestServer server;
    static EspeakTextToSpeech espeak;
    static FliteTextToSpeech flite;

    @BeforeAll
    static void start() throws Exception {
        if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
            Assumptions.assumeTrue(EspeakTextToSpeech.available() && FliteTextToSpeech.available(), "espeak-ng and flite are needed");
        }
        server = TestServer.start(c -> c.withEngines(new TimbreConfig.Engines("fake", List.of("espeak-ng", "flite"))));
        espeak = new EspeakTextToSpeech();
        flite = new FliteTextToSpeech();
        // the first call makes and measures every voice's preview (29 here): longer than a request's usual 60 s on a busy machine
        long t0 = System.nanoTime();
        Multipart warm = new Multipart().file("audio_file", "w.wav", "audio/wav", Wav.wrap(pcm(flite, "kal16"), new PcmFormat(16000)));
        var r = server.send(server.builder("/v1/similar-voices").timeout(java.time.Duration.ofMinutes(5))
                .header("Content-Type", warm.contentType()).POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(warm.bytes())));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        org.slf4j.LoggerFactory.getLogger(SimilarVoicesApiTest.class).info("first similar-voices call (29 previews made and measured): {} ms",
                (System.nanoTime() - t0) / 1_000_000);
    }

    static byte[] pcm(dev.timbre.engine.TextToSpeech engine, String voice) throws InterruptedException {
        return Speakers.speak(engine, voice, Speakers.TEXT, 1, VoiceShape.NEUTRAL);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (espeak != null) espeak.close();
        if (flite != null) flite.close();
    }

    static TestServer.Response similar(byte[] wav, String... fields) {
        Multipart form = new Multipart().file("audio_file", "sample.wav", "audio/wav", wav);
        for (int i = 0; i + 1 < fields.length; i += 2) form.field(fields[i], fields[i + 1]);
        return server.postMultipart("/v1/similar-voices", form);
    }

    static List<String> ids(JsonNode voices) {
        List<String> out = new ArrayList<>();
        voices.forEach(v -> out.add(v.get("voice_id").asText()));
        return out;
    }

    @ParameterizedTest
    @CsvSource({"flite, slt", "flite, rms", "flite, awb"})
    void a_voices_own_speech_finds_it_first(String provider, String voice) throws Exception {
        byte[] pcm = pcm(flite, voice);
        var r = similar(Wav.wrap(pcm, new PcmFormat(16000)), "top_k", "3");
        OpenApiContract.assertConforms("POST", "/v1/similar-voices", r);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode voices = r.json().get("voices");
        assertThat(voices).hasSize(3);
        List<String> names = new ArrayList<>();
        voices.forEach(v -> names.add(v.get("name").asText()));
        assertThat(ids(voices).get(0)).as(names.toString()).isEqualTo(PremadeVoices.idFor(provider, voice));
        assertThat(voices.get(0).get("preview_url").asText()).startsWith("http://");
        assertThat(r.json().get("has_more").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"en-us+f3, female", "en-us+m3, male"})
    void espeak_speech_finds_espeak_voices_of_its_variant(String voice, String gender) throws Exception {
        var r = similar(Wav.wrap(pcm(espeak, voice), new PcmFormat(16000)), "top_k", "3");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        r.json().get("voices").forEach(v -> {
            assertThat(v.get("description").asText()).as(v.toString()).startsWith("eSpeak NG");
            assertThat(v.get("gender").asText()).isEqualTo(gender);
        });
    }

    @Test
    void threshold_and_top_k_filter_and_limit() throws Exception {
        byte[] wav = Wav.wrap(pcm(flite, "awb"), new PcmFormat(16000));
        assertThat(similar(wav).json().get("voices")).hasSize(10);
        assertThat(similar(wav, "top_k", "100").json().get("voices").size()).isGreaterThan(10);
        assertThat(similar(wav, "similarity_threshold", "0").json().get("voices")).isEmpty();
        int within = similar(wav, "similarity_threshold", "0.8", "top_k", "100").json().get("voices").size();
        int all = similar(wav, "similarity_threshold", "2", "top_k", "100").json().get("voices").size();
        assertThat(within).isPositive().isLessThan(all);
    }

    @Test
    void bad_input_is_refused() {
        byte[] wav = Wav.wrap(new byte[32000], new PcmFormat(16000));
        var missing = server.postMultipart("/v1/similar-voices", new Multipart().field("top_k", "3"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().at("/detail/0/loc/1").asText()).isEqualTo("audio_file");
        OpenApiContract.assertConforms("POST", "/v1/similar-voices", missing);
        assertThat(similar(wav, "top_k", "0").status()).isEqualTo(422);
        assertThat(similar(wav, "top_k", "abc").status()).isEqualTo(422);
        assertThat(similar(wav, "similarity_threshold", "2.5").status()).isEqualTo(422);
        var silent = similar(wav);
        assertThat(silent.status()).isEqualTo(400);
        assertThat(silent.json().at("/detail/status").asText()).isEqualTo("sample_silent");
        var garbage = similar("not audio at all".getBytes());
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.json().at("/detail/status").asText()).isEqualTo("invalid_audio");
    }
}
