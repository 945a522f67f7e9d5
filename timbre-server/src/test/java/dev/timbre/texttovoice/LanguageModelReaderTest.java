package dev.timbre.texttovoice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.engine.ChatListener;
import dev.timbre.engine.ChatRequest;
import dev.timbre.engine.ChatStream;
import dev.timbre.engine.EngineCapabilities;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.FinishReason;
import dev.timbre.engine.LanguageModel;
import dev.timbre.engine.TokenUsage;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LanguageModelReaderTest {
    /** A model whose every request is answered by {@code answer}, on the caller's thread. */
    static LanguageModel model(Consumer<ChatListener> answer) {
        return new LanguageModel() {
            @Override public EngineInfo info() { return new EngineInfo("test", "test", new EngineCapabilities(Set.of("en"), false, false, false)); }
            @Override public ChatStream open(ChatRequest request, ChatListener listener) {
                answer.accept(listener);
                return () -> { };
            }
        };
    }

    static DescriptionReader answering(String text) {
        return new LanguageModelReader(model(l -> { l.text(text); l.end(FinishReason.STOP, new TokenUsage(1, 1)); }), Duration.ofSeconds(5));
    }

    @Test
    void the_models_json_becomes_the_traits() {
        VoiceTraits t = answering("Sure! {\"gender\": \"Female\", \"age\": \"middle-aged\", \"accent\": \"british\", "
                + "\"pitch_semitones\": -2.5, \"pitch_range\": 0.8, \"rate\": 0.9, \"formant_scale\": 1.0, \"tones\": [\"warm\", \"calm\"]}")
                .read("a warm, calm British woman in her forties");
        assertThat(t.gender()).isEqualTo("female");
        assertThat(t.age()).isEqualTo("middle_aged");
        assertThat(t.accent()).isEqualTo("british");
        assertThat(t.pitchSemitones()).isEqualTo(-2.5);
        assertThat(t.rate()).isEqualTo(0.9);
        assertThat(t.tones()).containsExactly("warm", "calm");
    }

    @Test
    void odd_values_are_dropped_and_shapes_clamped() {
        VoiceTraits t = answering("{\"gender\": \"robot\", \"accent\": \"martian\", \"pitch_semitones\": 99, \"rate\": \"fast\"}")
                .read("a robot from mars talking really quickly");
        assertThat(t.gender()).isNull();
        assertThat(t.accent()).isNull();
        assertThat(t.rate()).isEqualTo(1.0);
        assertThat(t.departure().pitchSemitones()).isEqualTo(12);
    }

    @Test
    void no_json_an_error_or_no_answer_falls_back_to_the_vocabulary() {
        String description = "A deep old British man speaking slowly";
        VoiceTraits expected = new VocabularyReader().read(description);
        assertThat(answering("I cannot help with that.").read(description)).isEqualTo(expected);
        assertThat(new LanguageModelReader(model(l -> l.error(new EngineException("down"))), Duration.ofSeconds(5)).read(description))
                .isEqualTo(expected);
        assertThat(new LanguageModelReader(model(l -> { }), Duration.ofMillis(100)).read(description)).isEqualTo(expected);
        assertThat(new LanguageModelReader(model(l -> { throw new EngineException("refused"); }), Duration.ofSeconds(5)).read(description))
                .isEqualTo(expected);
    }
}
