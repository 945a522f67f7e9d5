package dev.timbre.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.audio.PcmFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WordErrorRateTest {
    @Test
    void counts_substitutions_insertions_and_deletions_ignoring_case_and_punctuation() {
        assertThat(WordErrorRate.of("The quick brown fox.", "the quick brown fox")).isZero();
        assertThat(WordErrorRate.errors("the quick brown fox", "a quick fox jumps")).isEqualTo(3);
        assertThat(WordErrorRate.of("one two", "")).isEqualTo(1.0);
        assertThat(WordErrorRate.words("Don't stop — 'now'!")).containsExactly("don't", "stop", "now");
    }

    @Test
    void the_default_stream_of_a_batch_engine_transcribes_the_buffer_at_most_once_per_second_of_new_audio() {
        AtomicInteger calls = new AtomicInteger();
        SpeechToText batch = new SpeechToText() {
            @Override public EngineInfo info() { return new EngineInfo("t", "t", new EngineCapabilities(java.util.Set.of("en"), false, false, false)); }
            @Override public Transcript transcribe(byte[] pcm, PcmFormat format, String languageCode) {
                calls.incrementAndGet();
                return new Transcript("bytes " + pcm.length, "en", 1, List.of());
            }
        };
        try (RecognitionStream s = batch.openStream(new PcmFormat(16_000), "en")) {
            s.accept(new byte[10]);
            s.accept(new byte[20], 5, 6);
            assertThat(s.partial().text()).isEqualTo("bytes 16");
            s.accept(new byte[2]);
            assertThat(s.partial().text()).as("less than a second of new audio: the previous hypothesis").isEqualTo("bytes 16");
            assertThat(s.finish().text()).isEqualTo("bytes 18");
            assertThat(s.finish().text()).isEqualTo("bytes 18");
        }
        assertThat(calls.get()).isEqualTo(2);
        assertThat(batch.align(new byte[0], new PcmFormat(16_000), "x")).isEmpty();
        assertThat(new SpeechToText.Transcript("a", "en", 1, List.of(new WordTiming("a", 0, 1))).recognized().get(0).logprob()).isNaN();
    }
}
