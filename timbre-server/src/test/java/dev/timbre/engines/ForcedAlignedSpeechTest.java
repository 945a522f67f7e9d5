package dev.timbre.engines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.SpeechToText;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.WordTiming;
import dev.timbre.engine.fake.FakeSpeechToText;
import dev.timbre.engine.fake.ToneTextToSpeech;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Word timings for an engine without them, from the speech-to-text engine's forced alignment. */
class ForcedAlignedSpeechTest {
    /** The tone engine with its own timings removed, like a remote provider. */
    static TextToSpeech untimed() {
        ToneTextToSpeech tone = new ToneTextToSpeech();
        return new TextToSpeech() {
            @Override public dev.timbre.engine.EngineInfo info() { return tone.info(); }

            @Override public List<dev.timbre.engine.VoiceDescriptor> voices() { return tone.voices(); }

            @Override
            public dev.timbre.engine.SpeechStream openStream(SpeechRequest r, dev.timbre.engine.AudioSink out) {
                return tone.openStream(r, new dev.timbre.engine.AudioSink() {
                    @Override public void start(dev.timbre.audio.PcmFormat f) { out.start(f); }
                    @Override public void audio(byte[] b, int o, int l) { out.audio(b, o, l); }
                    @Override public void end() { out.end(); }
                    @Override public void error(dev.timbre.engine.EngineException e) { out.error(e); }
                });
            }
        };
    }

    @Test
    void the_aligner_places_the_words_in_the_audio() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        SpeechToText stt = new FakeSpeechToText();
        try (ForcedAlignedSpeech tts = new ForcedAlignedSpeech(untimed(), () -> { asked.incrementAndGet(); return Optional.of(stt); }, null)) {
            String voice = tts.voices().get(0).id();
            TextToSpeech.Speech speech = tts.synthesize(new SpeechRequest("one two three", voice, "en", null, null));
            assertThat(asked).hasValue(1);
            assertThat(speech.words()).extracting(WordTiming::word).containsExactly("one", "two", "three");
            assertThat(speech.words().get(2).end()).isLessThanOrEqualTo(speech.seconds() + 0.01);
            assertThat(tts.info().capabilities().wordTimestamps()).isTrue();
        }
    }

    @Test
    void timings_from_the_engine_are_kept_and_no_aligner_means_none() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        try (ForcedAlignedSpeech timed = new ForcedAlignedSpeech(new ToneTextToSpeech(),
                () -> { asked.incrementAndGet(); return Optional.empty(); }, null)) {
            String voice = timed.voices().get(0).id();
            assertThat(timed.synthesize(new SpeechRequest("one two", voice, "en", null, null)).words()).isNotEmpty();
            assertThat(asked).as("the engine's own timings need no alignment").hasValue(0);
        }
        try (ForcedAlignedSpeech none = new ForcedAlignedSpeech(untimed(), Optional::empty, null)) {
            String voice = none.voices().get(0).id();
            TextToSpeech.Speech speech = none.synthesize(new SpeechRequest("one two", voice, "en", null, null));
            assertThat(speech.words()).isEmpty();
            assertThat(speech.pcm()).isNotEmpty();
        }
    }
}
