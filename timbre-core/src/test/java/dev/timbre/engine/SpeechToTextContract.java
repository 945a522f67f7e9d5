package dev.timbre.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Resampler;
import dev.timbre.engine.SpeechToText.Transcript;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SpeechToText} must do. Engine modules extend this with their engine and a way to produce speech
 * (usually a TTS engine: the round trip). Keep the sentences short for slow engines.
 */
public abstract class SpeechToTextContract {
    private static final Logger log = Logger.getLogger(SpeechToTextContract.class.getName());

    /** Spoken audio with the synthesiser's own word timings. */
    public record Clip(byte[] pcm, PcmFormat format, List<WordTiming> words) {
        public double seconds() { return format.seconds(pcm.length); }
    }

    protected abstract SpeechToText engine();

    /** Speaks {@code text}; any sample rate. */
    protected abstract Clip speak(String text);

    /** Short, clearly spoken sentences for the round trip. */
    protected List<String> sentences() {
        return List.of("The quick brown fox jumps over the lazy dog.", "Please call me back when you get home.",
                "It is a sunny day in the park.");
    }

    /** The highest word error rate accepted over {@link #sentences()}. */
    protected double maxWordErrorRate() { return 0.35; }

    @Test
    void describes_itself_with_a_provider_and_english() {
        assertThat(engine().info().provider()).isNotBlank();
        assertThat(engine().info().capabilities().languages()).contains("en");
    }

    @Test
    void round_trip_recognises_synthetic_speech_with_ordered_word_timings_inside_the_audio() {
        int errors = 0, words = 0;
        double audioSeconds = 0, decodeSeconds = 0;
        for (String sentence : sentences()) {
            Clip clip = speak(sentence);
            long t0 = System.nanoTime();
            Transcript t = engine().transcribe(clip.pcm(), clip.format(), "en");
            decodeSeconds += (System.nanoTime() - t0) / 1e9;
            audioSeconds += clip.seconds();
            errors += WordErrorRate.errors(sentence, t.text());
            words += WordErrorRate.words(sentence).size();
            assertThat(t.language()).isEqualTo("en");
            assertThat(t.words()).isNotEmpty();
            assertThat(WordErrorRate.words(String.join(" ", t.words().stream().map(WordTiming::word).toList())))
                    .as("the words spell the text").isEqualTo(WordErrorRate.words(t.text()));
            assertOrderedWithin(t.words(), clip.seconds());
        }
        double wer = errors / (double) words;
        log.info(String.format("%s round trip: WER %.1f%% (%d/%d words), RTF %.3f over %.1f s of audio",
                engine().info().provider(), wer * 100, errors, words, decodeSeconds / audioSeconds, audioSeconds));
        assertThat(wer).isLessThanOrEqualTo(maxWordErrorRate());
    }

    @Test
    void silence_and_empty_input_give_no_words_and_no_error() {
        PcmFormat f16 = new PcmFormat(16_000);
        assertThat(engine().transcribe(new byte[0], f16, "en").words()).isEmpty();
        Transcript silence = engine().transcribe(new byte[f16.bytesPerSecond()], f16, "en");
        assertThat(silence.words().size()).isLessThanOrEqualTo(1);
    }

    @Test
    void the_sample_rate_of_the_input_does_not_change_the_result_much() {
        Clip clip = speak(sentences().get(0));
        byte[] at16k = Resampler.resampleAll(clip.pcm(), clip.format().sampleRate(), 16_000);
        String native_ = engine().transcribe(clip.pcm(), clip.format(), "en").text();
        String resampled = engine().transcribe(at16k, new PcmFormat(16_000), "en").text();
        assertThat(WordErrorRate.of(native_, resampled)).isLessThanOrEqualTo(0.2);
    }

    @Test
    void streaming_in_100_ms_chunks_ends_with_about_the_batch_text() {
        Clip clip = speak(sentences().get(1));
        String batch = engine().transcribe(clip.pcm(), clip.format(), "en").text();
        int chunk = clip.format().bytesPerSecond() / 10;
        boolean partialBeforeEnd = false;
        Transcript last;
        try (RecognitionStream stream = engine().openStream(clip.format(), "en")) {
            for (int off = 0; off < clip.pcm().length; off += chunk) {
                stream.accept(clip.pcm(), off, Math.min(chunk, clip.pcm().length - off));
                if (!stream.partial().text().isBlank()) partialBeforeEnd = true;
            }
            last = stream.finish();
        }
        assertThat(WordErrorRate.of(batch, last.text())).isLessThanOrEqualTo(0.2);
        assertOrderedWithin(last.words(), clip.seconds());
        if (engine().info().capabilities().streamingInput()) assertThat(partialBeforeEnd).as("a partial hypothesis before finish").isTrue();
    }

    @Test
    void alignment_when_offered_gives_every_word_of_the_text_in_order() {
        String text = sentences().get(2);
        Clip clip = speak(text);
        Optional<Transcript> aligned = engine().align(clip.pcm(), clip.format(), text);
        if (aligned.isEmpty()) return;
        List<String> expected = List.of(text.replaceAll("[.,!?;:]", "").trim().split("\\s+"));
        assertThat(aligned.get().words()).extracting(WordTiming::word).containsExactlyElementsOf(expected);
        assertOrderedWithin(aligned.get().words(), clip.seconds());
        assertThat(aligned.get().recognized()).hasSameSizeAs(aligned.get().words());
    }

    protected static void assertOrderedWithin(List<WordTiming> words, double seconds) {
        double previousStart = 0;
        for (WordTiming w : words) {
            assertThat(w.start()).as("start of %s", w).isGreaterThanOrEqualTo(previousStart - 1e-9);
            assertThat(w.end()).as("end of %s", w).isGreaterThanOrEqualTo(w.start()).isLessThanOrEqualTo(seconds + 0.05);
            previousStart = w.start();
        }
    }
}
