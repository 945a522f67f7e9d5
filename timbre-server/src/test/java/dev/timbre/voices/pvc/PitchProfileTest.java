package dev.timbre.voices.pvc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.audio.Wav;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The pitch comparison behind captcha verification, and the captcha's word check. */
class SpeakerProfileTest {
    static PitchProfile profile(double... pitches) {
        return PitchProfile.of(java.util.List.of(Wav.read(PvcAudio.wav(1.5, pitches.length * 2, pitches))));
    }

    @Test
    void measures_the_median_pitch() {
        PitchProfile p = profile(120);
        assertThat(p.voicedWindows()).isPositive();
        assertThat(p.medianHz()).isCloseTo(120, Offset.offset(3.0));
    }

    @Test
    void the_same_pitch_is_the_same_speaker_and_a_fifth_higher_is_not() {
        PitchProfile low = profile(110), same = profile(115), high = profile(170);
        assertThat(low.sameSpeaker(same)).isTrue();
        assertThat(low.similarity(same)).isGreaterThan(0.8);
        assertThat(low.sameSpeaker(high)).isFalse();
        assertThat(low.similarity(high)).isLessThan(0.3);
    }

    @Test
    void silence_matches_no_one() {
        PitchProfile silent = PitchProfile.of(java.util.List.of(new Wav.Decoded(new dev.timbre.audio.PcmFormat(16000), new byte[32000])));
        assertThat(silent.voicedWindows()).isZero();
        assertThat(silent.sameSpeaker(profile(120))).isFalse();
    }

    @Test
    void captcha_words_ignore_case_and_punctuation() {
        String text = "The train to the city leaves from the station at nine o'clock.";
        assertThat(Captcha.distance(text, "the train to the city leaves from the station at nine o'clock")).isZero();
        assertThat(Captcha.wordErrorRate(text, "the train to a city leaves from the station at nine")).isCloseTo(2 / 12.0, Offset.offset(1e-9));
        assertThat(Captcha.wordErrorRate(text, "")).isEqualTo(1.0);
    }
}
