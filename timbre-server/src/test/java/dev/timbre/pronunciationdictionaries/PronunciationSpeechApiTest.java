package dev.timbre.pronunciationdictionaries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Wav;
import dev.timbre.config.TimbreConfig;
import dev.timbre.engine.process.EspeakTextToSpeech;
import dev.timbre.engine.sphinx.PocketsphinxSpeechToText;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.TestServer;
import dev.timbre.voices.PremadeVoices;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Dictionaries change what real engines say: MaryTTS (aliases, phonemes through its phone input) and eSpeak NG
 * (phonemes through {@code [[…]]}), heard back by pocketsphinx. Skipped where pocketsphinx or espeak-ng is missing
 * (required under {@code CI=true}).
 */
@Tag("integration")
class PronunciationSpeechApiTest {
    static TestServer server;
    static String mary, espeak;

    @BeforeAll
    static void start() {
        if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
            Assumptions.assumeTrue(PocketsphinxSpeechToText.available() && EspeakTextToSpeech.available(),
                    "pocketsphinx or espeak-ng is not installed");
        }
        server = TestServer.start(c -> c.withEngines(new TimbreConfig.Engines("marytts", List.of("espeak-ng"), "pocketsphinx")));
        mary = server.firstVoiceId();
        espeak = PremadeVoices.idFor("espeak-ng", "en-us+f3");
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static JsonNode dictionary(Map<String, String> rule) {
        var r = server.postJson("/v1/pronunciation-dictionaries/add-from-rules", Map.of("name", "speech", "rules", List.of(rule)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /** 16 kHz PCM of {@code text} spoken by {@code voice}, with {@code dictionary} (or none). */
    static byte[] speak(String voice, String text, JsonNode dictionary) {
        Map<String, Object> body = dictionary == null ? Map.of("text", text) : Map.of("text", text, "pronunciation_dictionary_locators",
                List.of(Map.of("pronunciation_dictionary_id", dictionary.get("id").asText(), "version_id", dictionary.get("version_id").asText())));
        var r = server.postJson("/v1/text-to-speech/" + voice + "?output_format=pcm_16000", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.body();
    }

    static String transcribe(byte[] pcm) {
        var r = server.postMultipart("/v1/speech-to-text", new Multipart().field("model_id", "scribe_v1")
                .file("file", "s.wav", "audio/wav", Wav.wrap(pcm, new PcmFormat(16000))));
        assertThat(r.status()).isEqualTo(200);
        return r.json().get("text").asText().toLowerCase(Locale.ROOT);
    }

    @Test
    void an_alias_is_what_the_recogniser_hears() {
        JsonNode un = dictionary(Map.of("string_to_replace", "UN", "type", "alias", "alias", "United Nations"));
        String text = "The UN will meet in the morning.";
        String without = transcribe(speak(mary, text, null));
        String with = transcribe(speak(mary, text, un));
        System.out.printf("alias UN -> United Nations: without '%s', with '%s'%n", without, with);
        assertThat(with).contains("united").contains("nations");
        assertThat(without).doesNotContain("nations");
    }

    @Test
    void a_phoneme_rule_changes_what_mary_says_in_ipa_and_arpabet_alike() {
        JsonNode ipa = dictionary(Map.of("string_to_replace", "tomato", "type", "phoneme", "phoneme", "təˈmɑːtoʊ", "alphabet", "ipa"));
        JsonNode arpabet = dictionary(Map.of("string_to_replace", "tomato", "type", "phoneme", "phoneme", "T AH0 M AA1 T OW2",
                "alphabet", "cmu-arpabet"));
        String text = "I like tomato soup.";
        byte[] plain = speak(mary, text, null), british = speak(mary, text, ipa);
        assertThat(british).isNotEqualTo(plain);
        assertThat(speak(mary, text, arpabet)).isEqualTo(british);
        assertThat(transcribe(british)).contains("soup"); // the rest of the sentence is untouched

        var timed = server.postJson("/v1/text-to-speech/" + mary + "/with-timestamps", Map.of("text", text,
                "pronunciation_dictionary_locators", List.of(Map.of("pronunciation_dictionary_id", ipa.get("id").asText(),
                        "version_id", ipa.get("version_id").asText()))));
        assertThat(timed.status()).isEqualTo(200);
        JsonNode alignment = timed.json().get("alignment"), spoken = timed.json().get("normalized_alignment");
        assertThat(String.join("", PronunciationDictionariesApiTest.strings(alignment.get("characters")))).isEqualTo(text);
        assertThat(String.join("", PronunciationDictionariesApiTest.strings(spoken.get("characters")))).isEqualTo(text); // no markup
        int t = text.indexOf("tomato");
        double start = alignment.get("character_start_times_seconds").get(t).asDouble();
        double end = alignment.get("character_end_times_seconds").get(t + 5).asDouble();
        assertThat(end - start).as("the word tomato is timed").isBetween(0.2, 1.5);
    }

    @Test
    void a_phoneme_rule_changes_what_espeak_says() {
        JsonNode d = dictionary(Map.of("string_to_replace", "tomato", "type", "phoneme", "phoneme", "təˈmɑːtoʊ", "alphabet", "ipa"));
        String text = "I like tomato soup."; // en-us says t@m'eItoU
        byte[] plain = speak(espeak, text, null), british = speak(espeak, text, d);
        assertThat(british).isNotEqualTo(plain);
        assertThat(british.length).isGreaterThan(16000); // still speech, not an error or silence
    }
}
