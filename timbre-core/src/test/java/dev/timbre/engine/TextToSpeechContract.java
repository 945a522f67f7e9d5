package dev.timbre.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.audio.Pcm;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every {@link TextToSpeech} must do. Engine modules extend this with their engine. */
public abstract class TextToSpeechContract {

    protected abstract TextToSpeech engine();

    private String firstVoice() {
        assertThat(engine().voices()).isNotEmpty();
        return engine().voices().get(0).id();
    }

    @Test
    void offers_voices_with_ids_and_names() {
        assertThat(engine().voices()).allSatisfy(v -> {
            assertThat(v.id()).isNotBlank();
            assertThat(v.name()).isNotBlank();
        });
        assertThat(engine().info().provider()).isNotBlank();
    }

    @Test
    void synthesize_returns_audible_audio_whose_length_grows_with_the_text() throws Exception {
        var shortSpeech = engine().synthesize(new SpeechRequest("Hello.", firstVoice(), "en", null, null));
        var longSpeech = engine().synthesize(new SpeechRequest(
                "Hello there. This sentence is quite a lot longer than the first one was.", firstVoice(), "en", null, null));
        assertThat(shortSpeech.seconds()).isGreaterThan(0.1);
        assertThat(longSpeech.seconds()).isGreaterThan(shortSpeech.seconds() * 1.5);
        assertThat(Pcm.rms(longSpeech.pcm())).isGreaterThan(100);
    }

    @Test
    void stream_delivers_start_then_audio_then_exactly_one_end() throws Exception {
        AtomicInteger starts = new AtomicInteger(), chunks = new AtomicInteger(), ends = new AtomicInteger();
        AudioSink sink = new AudioSink() {
            @Override public void start(dev.timbre.audio.PcmFormat f) { assertThat(chunks.get()).isZero(); starts.incrementAndGet(); }
            @Override public void audio(byte[] b, int o, int l) { assertThat(starts.get()).isEqualTo(1); chunks.incrementAndGet(); }
            @Override public void end() { ends.incrementAndGet(); }
            @Override public void error(EngineException e) { throw e; }
        };
        try (SpeechStream s = engine().openStream(new SpeechRequest("One two three.", firstVoice(), "en", null, null), sink)) {
            s.await();
        }
        assertThat(starts.get()).isEqualTo(1);
        assertThat(chunks.get()).isPositive();
        assertThat(ends.get()).isEqualTo(1);
    }

    @Test
    void unknown_voice_is_an_engine_error() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                engine().synthesize(new SpeechRequest("Hi.", "no-such-voice", "en", null, null)))
                .isInstanceOf(EngineException.class);
    }
}
