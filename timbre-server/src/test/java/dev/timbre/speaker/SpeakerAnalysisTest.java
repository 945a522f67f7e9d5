package dev.timbre.speaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.timbre.audio.Pcm;
import dev.timbre.engine.process.EspeakTextToSpeech;
import dev.timbre.engine.process.FliteTextToSpeech;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Speaker measures on voices we did not make: pitch, rate (follows the engine's speed), silence, several speakers. */
@Tag("integration")
class SpeakerAnalysisTest {
    private static final Logger log = LoggerFactory.getLogger(SpeakerAnalysisTest.class);
    static EspeakTextToSpeech espeak;
    static FliteTextToSpeech flite;

    @BeforeAll
    static void start() {
        assumeTrue(EspeakTextToSpeech.available() && FliteTextToSpeech.available(), "espeak-ng and flite are needed");
        espeak = new EspeakTextToSpeech();
        flite = new FliteTextToSpeech();
    }

    @AfterAll
    static void stop() {
        if (espeak != null) espeak.close();
        if (flite != null) flite.close();
    }

    private static SpeakerProfile profile(String name, byte[] pcm) {
        SpeakerProfile p = SpeakerAnalysis.analyse(pcm);
        log.info("{}: speech {} s, pitch {} Hz, range {} st, {} syll/s, centroid {} Hz, {} dBFS, {} speakers", name,
                fmt(p.speechSeconds()), fmt(p.pitchMedianHz()), fmt(p.pitchRangeSemitones()), fmt(p.syllablesPerSecond()),
                fmt(p.spectralCentroidHz()), fmt(p.energyDbfs()), p.speakers());
        return p;
    }

    private static String fmt(double v) { return String.format("%.2f", v); }

    @Test
    void the_speaking_rate_follows_the_speed() throws Exception {
        for (String[] v : new String[][] {{"espeak", "en-us+m3"}, {"flite", "slt"}, {"flite", "rms"}}) {
            var engine = v[0].equals("espeak") ? espeak : flite;
            SpeakerProfile slow = profile(v[1] + " 0.8", Speakers.speak(engine, v[1], 0.8));
            SpeakerProfile fast = profile(v[1] + " 1.25", Speakers.speak(engine, v[1], 1.25));
            assertThat(fast.syllablesPerSecond() / slow.syllablesPerSecond()).as(v[1]).isBetween(1.12, 1.9); // 1.56 asked: counting nuclei is compressive (fast syllables merge), so it reads 1.18–1.5
            assertThat(fast.speakers()).isEqualTo(1);
        }
    }

    @Test
    void pitch_tells_a_male_from_a_female_voice() throws Exception {
        SpeakerProfile male = profile("espeak m3", Speakers.speak(espeak, "en-us+m3", 1));
        SpeakerProfile female = profile("espeak f3", Speakers.speak(espeak, "en-us+f3", 1));
        assertThat(male.pitchMedianHz()).isBetween(80.0, 140.0);
        assertThat(female.semitonesFrom(male)).isGreaterThan(6);
    }

    @Test
    void silence_and_two_voices_are_recognised() throws Exception {
        assertThat(profile("silence", new byte[16000 * 2 * 3]).silent()).isTrue();
        short[] noise = new short[16000 * 3];
        Random r = new Random(3);
        for (int i = 0; i < noise.length; i++) noise[i] = (short) (r.nextGaussian() * 30);
        assertThat(profile("hiss", Pcm.toBytes(noise)).speechSeconds()).isLessThan(1);
        byte[] two = Pcm.concat(java.util.List.of(Speakers.speak(espeak, "en-us+m3", 1), Speakers.speak(flite, "slt", 1)));
        assertThat(profile("espeak m3 + flite slt", two).speakers()).isEqualTo(2);
    }
}
