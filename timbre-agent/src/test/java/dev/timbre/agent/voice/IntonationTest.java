package dev.timbre.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.audio.VoiceLikeTone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntonationTest {
    /** An intonation that heard {@code parts} one after the other, in 512-sample frames. */
    private static Intonation hearing(short[]... parts) {
        short[] all = new short[java.util.Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        Intonation in = new Intonation();
        for (short[] f : Voices.frames(all)) in.heard(f);
        return in;
    }

    @ParameterizedTest
    @CsvSource({"180, 140, true", "150, 135, true", "150, 150, false", "150, 145, false", "140, 180, false", "120, 125, false"})
    void aVoiceFallingAtLeastASemitoneIsFalling(double from, double to, boolean falling) {
        assertThat(hearing(VoiceLikeTone.glide(300, from, to)).falling()).isEqualTo(falling);
    }

    @Test
    void aRiseThenAFallAtTheVeryEndIsFalling() {
        assertThat(hearing(VoiceLikeTone.glide(180, 150, 185), VoiceLikeTone.glide(120, 185, 145)).falling()).isTrue();
    }

    @Test
    void onlyTheLast300MsCount() {
        assertThat(hearing(VoiceLikeTone.glide(600, 220, 120), VoiceLikeTone.glide(320, 120, 120)).falling()).isFalse();
        assertThat(hearing(VoiceLikeTone.glide(600, 120, 120), VoiceLikeTone.glide(320, 160, 125)).falling()).isTrue();
    }

    @Test
    void tooLittleVoiceOrNoneIsNotFalling() {
        assertThat(new Intonation().falling()).isFalse();
        assertThat(hearing(new short[4608]).falling()).isFalse();
        Intonation in = hearing(VoiceLikeTone.glide(300, 180, 140));
        in.reset();
        assertThat(in.falling()).isFalse();
    }

    @Test
    void moreAudioIsJudgedAgain() {
        Intonation in = hearing(VoiceLikeTone.glide(300, 150, 150));
        assertThat(in.falling()).isFalse();
        for (short[] f : Voices.frames(VoiceLikeTone.glide(320, 170, 130))) in.heard(f);
        assertThat(in.falling()).isTrue();
    }

    @Test
    void anOctaveSlipIsIgnored() {
        double[] f0 = {150, 150, 149, 148, 300, 147, 146, 145, 144, 143, 142, 141, 140, 139, 138, 137, 136, 135};
        assertThat(Intonation.falling(f0)).isTrue();
        double[] flat = {150, 150, 150, 75, 150, 150, 150, 150, 150, 75, 150, 150};
        assertThat(Intonation.falling(flat)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"espeak-ng-end, true", "espeak-ng-comma, false", "flite-end, true", "marytts-end, true"})
    void recordedSpeechFallsAtTheEndOfAStatement(String name, boolean falling) {
        assertThat(hearing(Voices.recorded(name)).falling()).as(name).isEqualTo(falling);
    }
}
