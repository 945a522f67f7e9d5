package dev.timbre.engine.sphinx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Resampler;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.RecognitionStream;
import dev.timbre.engine.RecognizedWord;
import dev.timbre.engine.SpeechToText;
import dev.timbre.engine.SpeechToText.Transcript;
import dev.timbre.engine.SpeechToTextContract;
import dev.timbre.engine.WordErrorRate;
import dev.timbre.engine.WordTiming;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class PocketsphinxSpeechToTextTest extends SpeechToTextContract {
    private static final Logger log = Logger.getLogger(PocketsphinxSpeechToTextTest.class.getName());
    private static final List<String> SENTENCES = List.of(
            "The quick brown fox jumps over the lazy dog.",
            "Please call me back when you get home.",
            "It is a sunny day in the park.",
            "Speech synthesis should feel fast and natural.",
            "We will meet at the station tomorrow morning.",
            "She sells coffee and fresh bread every day.");
    private static PocketsphinxSpeechToText engine;

    @BeforeAll
    static void load() {
        boolean available = PocketsphinxSpeechToText.available();
        if (!available && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("pocketsphinx must be installed under CI (apt-get install libpocketsphinx3 pocketsphinx-en-us)");
        }
        Assumptions.assumeTrue(available, "pocketsphinx is not installed");
        long t0 = System.nanoTime();
        engine = new PocketsphinxSpeechToText(PocketsphinxSpeechToText.DEFAULT_MODEL, 4);
        log.info(String.format("pocketsphinx: first decoder loaded in %.2f s", (System.nanoTime() - t0) / 1e9));
    }

    @AfterAll
    static void unload() {
        if (engine != null) engine.close();
    }

    @Override
    protected SpeechToText engine() { return engine; }

    @Override
    protected Clip speak(String text) { return MarySpeech.speak(text); }

    @Override
    protected List<String> sentences() { return SENTENCES; }

    @Test
    void word_times_count_from_the_start_of_each_utterance_on_a_reused_decoder() {
        Clip clip = speak(SENTENCES.get(0));
        Transcript first = engine.transcribe(clip.pcm(), clip.format(), "en");
        Transcript second = engine.transcribe(clip.pcm(), clip.format(), "en");
        assertThat(second.words()).hasSameSizeAs(first.words());
        for (int i = 0; i < first.words().size(); i++) {
            assertThat(second.words().get(i).start()).isCloseTo(first.words().get(i).start(), org.assertj.core.data.Offset.offset(0.02));
        }
        // MaryTTS's own first word start vs the recogniser's
        assertThat(first.words().get(0).start()).isCloseTo(clip.words().get(0).start(), org.assertj.core.data.Offset.offset(0.3));
    }

    @Test
    void final_words_carry_log_probabilities() {
        Clip clip = speak(SENTENCES.get(3));
        Transcript t = engine.transcribe(clip.pcm(), clip.format(), "en");
        assertThat(t.recognized()).hasSameSizeAs(t.words());
        assertThat(t.recognized()).allSatisfy(w -> assertThat(w.logprob()).isLessThanOrEqualTo(0.0));
        log.info("pocketsphinx words: " + t.recognized());
    }

    @Test
    void streaming_gives_growing_partials_before_the_end() {
        Clip clip = speak(SENTENCES.get(4));
        int chunk = clip.format().bytesPerSecond() / 10;
        List<String> partials = new ArrayList<>();
        try (RecognitionStream stream = engine.openStream(clip.format(), "en")) {
            for (int off = 0; off < clip.pcm().length; off += chunk) {
                stream.accept(clip.pcm(), off, Math.min(chunk, clip.pcm().length - off));
                String p = stream.partial().text();
                if (!p.isBlank() && (partials.isEmpty() || !partials.get(partials.size() - 1).equals(p))) partials.add(p);
            }
            Transcript last = stream.finish();
            log.info("pocketsphinx partials: " + partials + " → final: " + last.text());
            assertThat(partials.size()).isGreaterThanOrEqualTo(2);
            assertThat(WordErrorRate.of(SENTENCES.get(4), last.text())).isLessThanOrEqualTo(0.35);
        }
    }

    @Test
    void forced_alignment_finds_every_word_near_where_marytts_spoke_it() {
        double errorSum = 0;
        int n = 0;
        for (String sentence : SENTENCES.subList(0, 4)) {
            Clip clip = speak(sentence);
            Transcript aligned = engine.align(clip.pcm(), clip.format(), sentence).orElseThrow();
            assertThat(aligned.text()).isEqualTo(sentence);
            if (n == 0) log.info("pocketsphinx aligned: " + aligned.recognized());
            assertThat(aligned.words()).hasSameSizeAs(clip.words());
            assertOrderedWithin(aligned.words(), clip.seconds());
            for (int i = 0; i < clip.words().size(); i++) {
                assertThat(aligned.words().get(i).word()).isEqualToIgnoringCase(clip.words().get(i).word());
                errorSum += Math.abs(aligned.words().get(i).start() - clip.words().get(i).start());
                n++;
            }
        }
        double mean = errorSum / n;
        log.info(String.format("pocketsphinx alignment: mean start error vs MaryTTS %.0f ms over %d words", mean * 1000, n));
        assertThat(mean).isLessThan(0.150);
    }

    @Test
    void alignment_interpolates_words_the_dictionary_lacks() {
        String text = "Please call me back when you get home.";
        Clip clip = speak(text);
        Transcript aligned = engine.align(clip.pcm(), clip.format(), "Please call me zxqvbn back when you get home.").orElseThrow();
        assertThat(aligned.words()).extracting(WordTiming::word)
                .containsExactly("Please", "call", "me", "zxqvbn", "back", "when", "you", "get", "home");
        RecognizedWord unknown = aligned.recognized().get(3);
        assertThat(unknown.logprob()).isNaN();
        assertThat(unknown.start()).isGreaterThanOrEqualTo(aligned.words().get(2).end() - 1e-9);
        assertThat(unknown.end()).isLessThanOrEqualTo(aligned.words().get(4).start() + 1e-9);
        assertOrderedWithin(aligned.words(), clip.seconds());
    }

    @Test
    void alignment_of_a_text_with_words_that_were_not_spoken_still_gives_every_word_in_order() {
        Clip clip = speak("Please call me back when you get home.");
        String text = "Please call me back when you get home tonight after the long meeting.";
        Transcript aligned = engine.align(clip.pcm(), clip.format(), text).orElseThrow();
        assertThat(aligned.words()).extracting(WordTiming::word).containsExactly(
                "Please", "call", "me", "back", "when", "you", "get", "home", "tonight", "after", "the", "long", "meeting");
        assertOrderedWithin(aligned.words(), clip.seconds());
    }

    @Test
    void alignment_handles_apostrophes() {
        String text = "I don't know where she's going.";
        Clip clip = speak(text);
        Transcript aligned = engine.align(clip.pcm(), clip.format(), text).orElseThrow();
        assertThat(aligned.words()).extracting(WordTiming::word).containsExactly("I", "don't", "know", "where", "she's", "going");
        assertThat(aligned.recognized()).noneMatch(w -> Double.isNaN(w.logprob()));
        assertOrderedWithin(aligned.words(), clip.seconds());
    }

    @Test
    void concurrent_requests_give_the_same_text_as_sequential_ones() throws Exception {
        List<Clip> clips = SENTENCES.stream().map(this::speak).toList();
        List<String> expected = clips.stream().map(c -> engine.transcribe(c.pcm(), c.format(), "en").text()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (Clip c : clips) results.add(pool.submit(() -> engine.transcribe(c.pcm(), c.format(), "en").text()));
            }
            for (int i = 0; i < results.size(); i++) assertThat(results.get(i).get()).isEqualTo(expected.get(i % clips.size()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void other_languages_are_an_engine_error() {
        assertThatThrownBy(() -> engine.transcribe(new byte[3200], new PcmFormat(16_000), "de")).isInstanceOf(EngineException.class);
    }

    @Test
    void a_missing_model_fails_at_construction() {
        assertThatThrownBy(() -> new PocketsphinxSpeechToText(Path.of("/nonexistent"), 1)).isInstanceOf(EngineException.class);
    }

    @Test
    void an_8_khz_phone_call_is_decoded_without_error() {
        // The en-us model is wideband: upsampled telephone audio lacks everything above 4 kHz, so accuracy collapses.
        Clip clip = speak(SENTENCES.get(1));
        byte[] phone = Resampler.resampleAll(clip.pcm(), clip.format().sampleRate(), 8_000);
        Transcript t = engine.transcribe(phone, new PcmFormat(8_000), "en");
        log.info("pocketsphinx at 8 kHz: " + t.text());
        assertOrderedWithin(t.words(), phone.length / 16_000.0);
    }
}
