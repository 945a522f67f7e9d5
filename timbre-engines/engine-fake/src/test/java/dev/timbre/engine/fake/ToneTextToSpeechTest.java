package dev.timbre.engine.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.TextToSpeechContract;
import org.junit.jupiter.api.Test;

class ToneTextToSpeechTest extends TextToSpeechContract {
    private final ToneTextToSpeech engine = new ToneTextToSpeech();

    @Override
    protected TextToSpeech engine() { return engine; }

    @Test
    void same_input_gives_same_bytes_and_predictable_length() throws Exception {
        var a = engine.synthesize(new SpeechRequest("one two three", "tone-a", null, null, null));
        var b = engine.synthesize(new SpeechRequest("one two three", "tone-a", null, null, null));
        assertThat(a.pcm()).isEqualTo(b.pcm());
        assertThat(a.seconds()).isCloseTo(ToneTextToSpeech.secondsFor("one two three"), org.assertj.core.data.Offset.offset(0.01));
        assertThat(a.words()).extracting(w -> w.word()).containsExactly("one", "two", "three");
    }
}
