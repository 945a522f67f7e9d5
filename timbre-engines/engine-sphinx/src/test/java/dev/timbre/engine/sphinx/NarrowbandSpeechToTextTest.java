package dev.timbre.engine.sphinx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Resampler;
import dev.timbre.engine.RecognitionStream;
import dev.timbre.engine.WordErrorRate;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Phone callers (issue 17, section 4): flite speech (voices the narrowband transform was not estimated on) sent
 * through a telephone channel (300–3400 Hz, 8 kHz, µ-law) and recognised at 8 kHz, the narrowband path, against the
 * same audio upsampled to 16 kHz, which the model hears as wideband (the path phone audio took before).
 */
@Tag("integration")
class NarrowbandSpeechToTextTest {
    private static final Logger log = Logger.getLogger(NarrowbandSpeechToTextTest.class.getName());
    /** From bench/phone-wer.sh's sentences; voice slt, the one the wideband path hears worst over the phone. */
    private static final List<String> SENTENCES = List.of(
            "I am calling about the letter I received yesterday.",
            "The museum is open every day except on Mondays.",
            "They moved to a bigger house on the other side of town.",
            "The doctor said I should drink more water every day.",
            "Please cancel my appointment on Tuesday morning.",
            "How much does it cost to send a parcel to Canada?");
    private static final String VOICE = "slt";
    private static PocketsphinxSpeechToText engine;

    @BeforeAll
    static void load() {
        boolean available = PocketsphinxSpeechToText.available() && TelephoneSpeech.fliteInstalled();
        if (!available && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("pocketsphinx and flite must be installed under CI (apt-get install libpocketsphinx3 pocketsphinx-en-us flite)");
        }
        Assumptions.assumeTrue(available, "pocketsphinx or flite is not installed");
        engine = new PocketsphinxSpeechToText(PocketsphinxSpeechToText.DEFAULT_MODEL, 2);
    }

    @AfterAll
    static void unload() {
        if (engine != null) engine.close();
    }

    @Test
    void phone_audio_at_8_khz_is_understood_better_than_the_same_audio_upsampled_to_wideband() throws Exception {
        int words = 0, wideErrors = 0, narrowErrors = 0;
        for (String s : SENTENCES) {
            byte[] phone = TelephoneSpeech.phone8k(TelephoneSpeech.flite16k(VOICE, s));
            String narrow = engine.transcribe(phone, new PcmFormat(8000), "en").text();
            String wide = engine.transcribe(Resampler.resampleAll(phone, 8000, 16000), new PcmFormat(16000), "en").text();
            int n = WordErrorRate.words(s).size();
            words += n;
            narrowErrors += WordErrorRate.errors(s, narrow);
            wideErrors += WordErrorRate.errors(s, wide);
            log.info(String.format("%s | 8 kHz: %s | upsampled: %s", s, narrow, wide));
        }
        double narrowWer = narrowErrors / (double) words, wideWer = wideErrors / (double) words;
        log.info(String.format("phone audio, %d words: WER %.1f %% at 8 kHz (narrowband), %.1f %% upsampled (wideband)",
                words, 100 * narrowWer, 100 * wideWer));
        assertThat(narrowWer).isLessThan(wideWer);
        assertThat(narrowWer).isLessThanOrEqualTo(NARROW_MAX);
        assertThat(wideWer).isGreaterThan(NARROW_MAX); // the old path fails the same bar
    }

    @Test
    void a_streamed_phone_call_is_decoded_with_the_narrowband_settings_too() throws Exception {
        String s = SENTENCES.get(1);
        byte[] phone = TelephoneSpeech.phone8k(TelephoneSpeech.flite16k(VOICE, s));
        String text;
        try (RecognitionStream stream = engine.openStream(new PcmFormat(8000), "en")) {
            for (int off = 0; off < phone.length; off += 320) stream.accept(phone, off, Math.min(320, phone.length - off)); // 20 ms frames
            text = stream.finish().text();
        }
        log.info("streamed 8 kHz: " + text);
        assertThat(WordErrorRate.of(s, text)).isLessThanOrEqualTo(0.2);
    }

    private static final double NARROW_MAX = 0.15;
}
