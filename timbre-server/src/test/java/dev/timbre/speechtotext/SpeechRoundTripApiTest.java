package dev.timbre.speechtotext;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Wav;
import dev.timbre.config.TimbreConfig;
import dev.timbre.engine.WordErrorRate;
import dev.timbre.engine.sphinx.PocketsphinxSpeechToText;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.TestServer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real engines end to end through the API: MaryTTS speaks, pocketsphinx listens. Under {@code CI=true}
 * pocketsphinx must be installed (the test script installs it); elsewhere the test is skipped without it.
 */
@Tag("integration")
class SpeechRoundTripApiTest {
    static final List<String> SENTENCES = List.of(
            "The weather today is sunny with a light breeze from the west.",
            "Please call me back when you have finished reading the report.",
            "She bought three red apples and a loaf of bread at the market.");
    static TestServer server;
    static String voiceId;

    @BeforeAll
    static void start() {
        if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
            Assumptions.assumeTrue(PocketsphinxSpeechToText.available(), "pocketsphinx is not installed");
        }
        server = TestServer.start(c -> c.withEngines(new TimbreConfig.Engines("marytts", List.of(), "pocketsphinx")));
        voiceId = server.firstVoiceId();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** MaryTTS audio of {@code text} as a 16 kHz WAV, with the TTS alignment. */
    static JsonNode speak(String text) {
        var r = server.postJson("/v1/text-to-speech/" + voiceId + "/with-timestamps?output_format=pcm_16000", Map.of("text", text));
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    static byte[] wav(JsonNode spoken) {
        return Wav.wrap(Base64.getDecoder().decode(spoken.get("audio_base64").asText()), new PcmFormat(16000));
    }

    @Test
    void what_timbre_says_timbre_transcribes() {
        int errors = 0, words = 0;
        for (String sentence : SENTENCES) {
            var r = server.postMultipart("/v1/speech-to-text",
                    new Multipart().field("model_id", "scribe_v1").file("file", "s.wav", "audio/wav", wav(speak(sentence))));
            assertThat(r.status()).isEqualTo(200);
            String text = r.json().get("text").asText();
            errors += WordErrorRate.errors(sentence, text);
            words += WordErrorRate.words(sentence).size();
            JsonNode first = r.json().get("words").get(0);
            assertThat(first.get("start").asDouble()).isGreaterThanOrEqualTo(0);
        }
        double wer = (double) errors / words;
        System.out.printf("TTS -> STT round trip through the API: WER %.1f %% over %d words%n", 100 * wer, words);
        assertThat(wer).isLessThanOrEqualTo(0.25);
    }

    @Test
    void forced_alignment_agrees_with_the_speech_it_was_made_from() {
        String sentence = SENTENCES.get(1);
        JsonNode spoken = speak(sentence);
        List<Double> ttsStarts = wordStarts(sentence, spoken.get("alignment"));
        var r = server.postMultipart("/v1/forced-alignment",
                new Multipart().file("file", "s.wav", "audio/wav", wav(spoken)).field("text", sentence));
        assertThat(r.status()).isEqualTo(200);
        JsonNode words = r.json().get("words");
        assertThat(words).hasSize(ttsStarts.size());
        double total = 0;
        for (int i = 0; i < words.size(); i++) total += Math.abs(words.get(i).get("start").asDouble() - ttsStarts.get(i));
        double mean = total / words.size();
        System.out.printf("forced alignment vs TTS word starts: mean error %.0f ms over %d words%n", 1000 * mean, words.size());
        assertThat(mean).isLessThan(0.15);
        assertThat(r.json().get("characters")).hasSize(sentence.length());
    }

    /** The start time of each whitespace-separated word, from a TTS character alignment. */
    static List<Double> wordStarts(String text, JsonNode alignment) {
        List<Double> starts = new ArrayList<>();
        JsonNode t = alignment.get("character_start_times_seconds");
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != ' ' && (i == 0 || text.charAt(i - 1) == ' ')) starts.add(t.get(i).asDouble());
        }
        return starts;
    }
}
