package dev.timbre.texttovoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.AudioDecoder;
import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Wav;
import dev.timbre.config.TimbreConfig;
import dev.timbre.engine.WordErrorRate;
import dev.timbre.engine.sphinx.PocketsphinxSpeechToText;
import dev.timbre.speechtotext.diarize.Pitch;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.TestServer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Voice design on the real engines (MaryTTS, espeak-ng, flite), checked by ear: previews decode at the asked rate and
 * length, pocketsphinx transcribes them back, different base voices measure different pitches, and the time to design
 * three previews is logged. Skipped without pocketsphinx, espeak-ng and flite outside CI.
 */
@Tag("integration")
class TextToVoiceSpeechApiTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
            Assumptions.assumeTrue(PocketsphinxSpeechToText.available(), "pocketsphinx is not installed");
        }
        server = TestServer.start(c -> c.withEngines(new TimbreConfig.Engines("marytts", List.of("espeak-ng", "flite"), "pocketsphinx")));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void previews_decode_transcribe_back_and_differ_in_pitch() {
        var r = server.postJson("/v1/text-to-voice/design?output_format=pcm_16000",
                Map.of("voice_description", "A friendly American man with a clear, confident voice", "seed", 11));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        String text = r.json().get("text").asText();
        var rows = new PreviewRepository(server.timbre().database().jdbi());
        var bases = new HashSet<String>();
        List<Double> pitches = new ArrayList<>();
        int errors = 0, words = 0;
        for (JsonNode p : r.json().get("previews")) {
            byte[] pcm = Base64.getDecoder().decode(p.get("audio_base_64").asText());
            double seconds = pcm.length / 32000.0;
            assertThat(seconds).isCloseTo(p.get("duration_secs").asDouble(), org.assertj.core.data.Offset.offset(0.01));
            assertThat(seconds).as("a 184-character text takes seconds to say").isBetween(5.0, 30.0);
            var row = rows.find(p.get("generated_voice_id").asText(), System.currentTimeMillis() / 1000).orElseThrow();
            bases.add(row.provider() + ":" + row.engineVoiceId());
            float[] x = floats(pcm);
            pitches.add(Pitch.median(x, 16000, 0, x.length));
            var stt = server.postMultipart("/v1/speech-to-text", new Multipart().field("model_id", "scribe_v1")
                    .file("file", "p.wav", "audio/wav", Wav.wrap(pcm, new PcmFormat(16000))));
            assertThat(stt.status()).isEqualTo(200);
            errors += WordErrorRate.errors(text, stt.json().get("text").asText());
            words += WordErrorRate.words(text).size();
            System.out.printf("design preview %s: %.1f s, median pitch %.0f Hz, transcript: %s%n", row.engineVoiceId(), seconds,
                    pitches.get(pitches.size() - 1), stt.json().get("text").asText());
        }
        double wer = (double) errors / words;
        System.out.printf("designed previews -> pocketsphinx: WER %.1f %% over %d words%n", 100 * wer, words);
        assertThat(bases).as("three base voices").hasSize(3);
        assertThat(pitches.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                / pitches.stream().mapToDouble(Double::doubleValue).min().orElseThrow()).as("pitches " + pitches).isGreaterThan(1.05);
        assertThat(wer).isLessThan(0.5);
    }

    @Test
    void mp3_previews_stream_and_a_saved_voice_speaks() {
        var r = server.postJson("/v1/text-to-voice/design", Map.of("voice_description", "A calm, gentle young woman reading a bedtime story"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode p = r.json().get("previews").get(0);
        var decoded = AudioDecoder.decode(Base64.getDecoder().decode(p.get("audio_base_64").asText()));
        assertThat(decoded.format().sampleRate()).isEqualTo(44100);
        var rows = new PreviewRepository(server.timbre().database().jdbi());
        var row = rows.find(p.get("generated_voice_id").asText(), System.currentTimeMillis() / 1000).orElseThrow();
        assertThat(row.labels()).containsEntry("gender", "female");
        var created = server.postJson("/v1/text-to-voice", Map.of("voice_name", "Clara", "voice_description",
                "A calm, gentle young woman reading a bedtime story", "generated_voice_id", p.get("generated_voice_id").asText()));
        assertThat(created.status()).isEqualTo(200);
        var tts = server.postJson("/v1/text-to-speech/" + created.json().get("voice_id").asText() + "?output_format=pcm_16000",
                Map.of("text", "Once upon a time there was a quiet little town."));
        assertThat(tts.status()).isEqualTo(200);
        assertThat(Pcm.rms(tts.body())).isGreaterThan(100);
    }

    @Test
    void time_to_design_three_previews() {
        server.postJson("/v1/text-to-voice/design", Map.of("voice_description", "A deep, slow, old British man")); // warm-up
        for (String format : List.of("mp3_44100_192", "pcm_16000")) {
            List<Long> ms = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                var r = server.postJson("/v1/text-to-voice/design?output_format=" + format,
                        Map.of("voice_description", "A deep, slow, old British man", "seed", i));
                ms.add((System.nanoTime() - t0) / 1_000_000);
                assertThat(r.status()).isEqualTo(200);
            }
            List<Long> sorted = ms.stream().sorted().toList();
            System.out.printf("text-to-voice design, three previews (auto text, %s), 5 runs after a warm-up: p50 %d ms, min %d ms, "
                    + "max %d ms %s; load average %.1f%n", format, sorted.get(2), sorted.get(0), sorted.get(4), ms,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static float[] floats(byte[] pcm) {
        short[] s = Pcm.toSamples(pcm, 0, pcm.length);
        float[] x = new float[s.length];
        for (int i = 0; i < s.length; i++) x[i] = s[i] / 32768f;
        return x;
    }
}
