package dev.timbre.engine.marytts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.TextToSpeech.Speech;
import dev.timbre.engine.VoiceTuning;
import dev.timbre.engine.WordTiming;
import org.junit.jupiter.api.Test;

/** Inline phonemes ({@code [[ipa:…|word]]}) reach MaryTTS's phonemiser and change what it says. */
class MaryPhonemesTest {
    static final String BASE = SharedEngine.ENGINE.voices().get(0).id();

    @Test
    void ipa_and_arpabet_become_syllabified_mary_phones() {
        assertThat(MaryPhonemes.convert("ipa", "/təˈmɑːtoʊ/")).isEqualTo("t @ - ' m A - t @U");
        assertThat(MaryPhonemes.convert("ipa", "təˈmeɪtoʊ")).isEqualTo("t @ - ' m EI - t @U");
        assertThat(MaryPhonemes.convert("cmu-arpabet", "T AH0 M AA1 T OW2")).isEqualTo("t @ - ' m A - t @U");
        assertThat(MaryPhonemes.convert("ipa", "ˈtaɪ.lænd")).isEqualTo("' t AI - l { n d");
        assertThat(MaryPhonemes.convert("ipa", "!!")).isEmpty();
    }

    static Speech say(String text) throws InterruptedException {
        return SharedEngine.ENGINE.synthesize(new SpeechRequest(text, BASE, "en", VoiceTuning.DEFAULT, 1L));
    }

    @Test
    void inline_phonemes_change_the_audio_and_keep_the_word_timing() throws Exception {
        Speech plain = say("I like tomato soup.");
        Speech british = say("I like [[ipa:təˈmɑːtoʊ|tomato]] soup.");
        Speech same = say("I like [[ipa:təˈmeɪtoʊ|tomato]] soup."); // MaryTTS's own pronunciation, given as IPA
        assertThat(british.pcm()).isNotEqualTo(plain.pcm());
        assertThat(british.words()).extracting(WordTiming::word).containsExactly("I", "like", "tomato", "soup");
        assertThat(same.seconds()).isCloseTo(plain.seconds(), org.assertj.core.data.Offset.offset(0.05));
        Speech arpabet = say("I like [[cmu-arpabet:T AH0 M AA1 T OW2|tomato]] soup.");
        assertThat(arpabet.pcm()).isEqualTo(british.pcm());
    }

    @Test
    void unusable_phonemes_leave_the_word_as_written() throws Exception {
        assertThat(say("I like [[ipa:!!|tomato]] soup.").pcm()).isEqualTo(say("I like tomato soup.").pcm());
    }
}
