package dev.timbre.engine.marytts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.audio.Pcm;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.TextToSpeech.Speech;
import dev.timbre.engine.TextToSpeechContract;
import dev.timbre.engine.VoiceTuning;
import dev.timbre.engine.WordTiming;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class MaryTextToSpeechTest extends TextToSpeechContract {
    private static final String BASE = "cmu-slt-hsmm";
    private static final String TWO = "The quick brown fox jumps over the lazy dog. Speech synthesis should feel fast and natural.";

    @Override
    protected TextToSpeech engine() { return SharedEngine.ENGINE; }

    private static Speech say(String text, String voice, double speed) throws InterruptedException {
        VoiceTuning tuning = new VoiceTuning(0.5, 0.75, 0, true, speed);
        return SharedEngine.ENGINE.synthesize(new SpeechRequest(text, voice, "en", tuning, null));
    }

    @Test
    void word_timings_follow_the_words_in_order_and_end_with_the_audio() throws Exception {
        Speech speech = say(TWO, BASE, 1.0);
        assertThat(speech.format().sampleRate()).isEqualTo(48_000);
        assertThat(speech.words()).extracting(WordTiming::word).containsExactly("The", "quick", "brown", "fox", "jumps",
                "over", "the", "lazy", "dog", "Speech", "synthesis", "should", "feel", "fast", "and", "natural");
        double previousEnd = 0;
        for (WordTiming w : speech.words()) {
            assertThat(w.start()).isGreaterThanOrEqualTo(previousEnd - 1e-9).isLessThan(w.end());
            previousEnd = w.end();
        }
        assertThat(previousEnd).isLessThanOrEqualTo(speech.seconds() + 0.01).isGreaterThan(speech.seconds() - 0.5);
    }

    @Test
    void expanded_tokens_keep_their_written_form() throws Exception {
        assertThat(say("Dr. Smith paid 5 dollars.", BASE, 1.0).words()).extracting(WordTiming::word)
                .containsExactly("Dr.", "Smith", "paid", "5", "dollars");
    }

    @Test
    void higher_speed_gives_shorter_audio() throws Exception {
        assertThat(say(TWO, BASE, 1.2).seconds()).isLessThan(say(TWO, BASE, 1.0).seconds() * 0.95);
    }

    @Test
    void every_voice_speaks_audibly_and_the_presets_differ_from_the_base() throws Exception {
        byte[] base = say("Good morning, how are you today?", BASE, 1.0).pcm();
        for (var voice : SharedEngine.ENGINE.voices()) {
            Speech speech = say("Good morning, how are you today?", voice.id(), 1.0);
            assertThat(speech.seconds()).as(voice.id()).isGreaterThan(1.0);
            assertThat(Pcm.rms(speech.pcm())).as(voice.id()).isGreaterThan(300);
            if (!voice.id().equals(BASE)) assertThat(speech.pcm()).as(voice.id()).isNotEqualTo(base);
            assertThat(voice.labels()).containsKeys("gender", "age", "accent", "description", "use_case");
        }
    }

    @Test
    void blank_or_punctuation_only_text_gives_no_audio_and_no_error() throws Exception {
        for (String text : List.of("", "   \n\t ", "...")) {
            Speech speech = say(text, BASE, 1.0);
            assertThat(speech.pcm()).as("'%s'", text).isEmpty();
            assertThat(speech.format().sampleRate()).isEqualTo(48_000);
        }
    }

    @Test
    void ssml_is_spoken_with_its_breaks() throws Exception {
        Speech speech = say("<speak>Hello <break time=\"700ms\"/> world.</speak>", BASE, 1.0);
        assertThat(speech.words()).extracting(WordTiming::word).containsExactly("Hello", "world");
        assertThat(speech.words().get(1).start() - speech.words().get(0).end()).isGreaterThan(0.6);
        assertThatThrownBy(() -> say("<speak>Hello", BASE, 1.0)).isInstanceOf(EngineException.class);
    }

    @Test
    void concurrent_requests_give_the_same_audio_as_sequential_ones() throws Exception {
        List<String> voices = SharedEngine.ENGINE.voices().stream().map(v -> v.id()).toList();
        List<byte[]> expected = new ArrayList<>();
        for (String v : voices) expected.add(say("One voice at a time. Or all at once.", v, 1.0).pcm());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (String v : voices) results.add(pool.submit(() -> say("One voice at a time. Or all at once.", v, 1.0).pcm()));
            }
            for (int i = 0; i < results.size(); i++) assertThat(results.get(i).get()).isEqualTo(expected.get(i % voices.size()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void mary_writes_no_log_directory() throws Exception {
        say("Nothing to log.", BASE, 1.0);
        assertThat(Path.of("log")).doesNotExist();
    }

    @Test
    void low_stability_and_style_vary_the_intonation_and_the_seed_fixes_it() throws Exception {
        VoiceTuning varied = new VoiceTuning(0.0, 0.75, 0.5, true, 1.0);
        byte[] plain = SharedEngine.ENGINE.synthesize(new SpeechRequest(TWO, BASE, "en", VoiceTuning.DEFAULT, 7L)).pcm();
        byte[] a = SharedEngine.ENGINE.synthesize(new SpeechRequest(TWO, BASE, "en", varied, 7L)).pcm();
        byte[] again = SharedEngine.ENGINE.synthesize(new SpeechRequest(TWO, BASE, "en", varied, 7L)).pcm();
        byte[] other = SharedEngine.ENGINE.synthesize(new SpeechRequest(TWO, BASE, "en", varied, 8L)).pcm();
        assertThat(a).isEqualTo(again);
        assertThat(a).isNotEqualTo(plain);
        assertThat(a).isNotEqualTo(other);
        assertThat(ProsodyVariation.contour(VoiceTuning.DEFAULT, 7L, 0)).isNull();
        assertThat(ProsodyVariation.amplitude(varied)).isEqualTo(42.5);
    }

    @Test
    void rate_presets_speak_faster_and_slower_than_the_base() throws Exception {
        double base = say(TWO, BASE, 1.0).seconds();
        assertThat(say(TWO, BASE + "-brisk", 1.0).seconds()).isLessThan(base * 0.95);
        assertThat(say(TWO, BASE + "-unhurried", 1.0).seconds()).isGreaterThan(base * 1.05);
        assertThat(SharedEngine.ENGINE.voices()).hasSize(6);
    }
}
