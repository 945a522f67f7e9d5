package dev.timbre.speechtotext.diarize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.timbre.audio.PcmFormat;
import dev.timbre.engine.marytts.MaryTextToSpeech;
import dev.timbre.engine.process.EspeakTextToSpeech;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Two clearly different synthetic voices in one file come out as two speakers. */
@Tag("integration")
class DiarizerTest {
    private static final Logger log = LoggerFactory.getLogger(DiarizerTest.class);
    static MaryTextToSpeech mary;

    @BeforeAll
    static void start() { mary = new MaryTextToSpeech(); }

    @AfterAll
    static void stop() { mary.close(); }

    static List<Diarizer.Turn> check(String name, Dialogues.Dialogue d) {
        List<Diarizer.Turn> turns = Diarizer.diarize(d.pcm(), new PcmFormat(Dialogues.RATE), null, null);
        double accuracy = Dialogues.accuracy(d, turns), coverage = Dialogues.coverage(d, turns);
        long speakers = turns.stream().mapToInt(Diarizer.Turn::speaker).distinct().count();
        log.info("diarization {}: {} speakers, {} turns, accuracy {}%, coverage {}%", name, speakers, turns.size(),
                String.format("%.1f", 100 * accuracy), String.format("%.1f", 100 * coverage));
        System.out.println("DIAR " + name + " speakers=" + speakers + " accuracy=" + accuracy + " coverage=" + coverage + " " + turns);
        assertThat(speakers).as(turns.toString()).isEqualTo(2);
        assertThat(accuracy).as(turns.toString()).isGreaterThanOrEqualTo(0.85);
        assertThat(coverage).isGreaterThanOrEqualTo(0.7);
        assertThat(turns.get(0).speaker()).isZero();
        return turns;
    }

    @Test
    void marytts_voice_and_its_deep_variant_are_two_speakers() throws Exception {
        Dialogues.Dialogue d = Dialogues.build(mary, "cmu-slt-hsmm", mary, "cmu-slt-hsmm-deep");
        check("mary slt / slt-deep", d);
        List<Diarizer.Turn> one = Diarizer.diarize(d.pcm(), new PcmFormat(Dialogues.RATE), 1, null);
        assertThat(one).isNotEmpty().allSatisfy(t -> assertThat(t.speaker()).isZero());
        List<Diarizer.Turn> two = Diarizer.diarize(d.pcm(), new PcmFormat(Dialogues.RATE), 2, null);
        assertThat(Dialogues.accuracy(d, two)).isGreaterThanOrEqualTo(0.85);
        assertThat(Diarizer.diarize(d.pcm(), new PcmFormat(Dialogues.RATE), null, null)).isEqualTo(check("again", d));
    }

    @Test
    void marytts_and_espeak_male_are_two_speakers() throws Exception {
        assumeTrue(EspeakTextToSpeech.available(), "espeak-ng is not installed");
        try (EspeakTextToSpeech espeak = new EspeakTextToSpeech()) {
            check("mary slt / espeak en-us+m3", Dialogues.build(mary, "cmu-slt-hsmm", espeak, "en-us+m3"));
        }
    }

    @Test
    void one_voice_alone_is_one_speaker_at_the_default_threshold() throws Exception {
        Dialogues.Dialogue d = Dialogues.build(mary, "cmu-slt-hsmm", mary, "cmu-slt-hsmm");
        List<Diarizer.Turn> turns = Diarizer.diarize(d.pcm(), new PcmFormat(Dialogues.RATE), null, null);
        System.out.println("DIAR one voice " + turns);
        assertThat(turns).isNotEmpty().allSatisfy(t -> assertThat(t.speaker()).isZero());
    }

    @Test
    void silence_has_no_turns() {
        assertThat(Diarizer.diarize(new byte[32000], new PcmFormat(16000), null, null)).isEmpty();
        assertThat(Diarizer.diarize(new byte[0], new PcmFormat(16000), 2, null)).isEmpty();
    }
}
