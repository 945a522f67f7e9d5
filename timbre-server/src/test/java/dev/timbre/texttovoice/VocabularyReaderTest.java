package dev.timbre.texttovoice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VocabularyReaderTest {
    final VocabularyReader reader = new VocabularyReader();

    @Test
    void reads_gender_age_accent_and_departures() {
        VoiceTraits t = reader.read("A deep, raspy old British man who speaks slowly and calmly");
        assertThat(t.gender()).isEqualTo("male");
        assertThat(t.age()).isEqualTo("old");
        assertThat(t.accent()).isEqualTo("british");
        assertThat(t.pitchSemitones()).isLessThan(-3);
        assertThat(t.formantScale()).isLessThan(1);
        assertThat(t.tones()).contains("deep", "raspy");
    }

    @Test
    void a_child_a_squeaky_mouse_and_a_fast_excited_voice() {
        VoiceTraits child = reader.read("A cheerful little girl, about seven years old");
        assertThat(child.gender()).isEqualTo("female");
        assertThat(child.age()).as("'old' in 'years old' does not outrank the child").isEqualTo("child");
        VoiceTraits mouse = reader.read("A sassy squeaky mouse");
        assertThat(mouse.pitchSemitones()).isGreaterThan(6);
        assertThat(mouse.formantScale()).isGreaterThan(1.1);
        VoiceTraits fast = reader.read("An excited sports commentator talking very fast");
        assertThat(fast.rate()).isGreaterThan(1.3);
        assertThat(fast.pitchRange()).isGreaterThan(1.3);
    }

    @Test
    void intensifiers_and_negation() {
        assertThat(reader.read("very deep voice").pitchSemitones()).isLessThan(reader.read("deep voice").pitchSemitones());
        assertThat(reader.read("slightly deep voice").pitchSemitones()).isGreaterThan(reader.read("deep voice").pitchSemitones());
        assertThat(reader.read("a voice that is not fast at all").rate()).isEqualTo(1.0);
        assertThat(reader.read("middle-aged narrator").age()).isEqualTo("middle_aged");
    }

    @Test
    void remix_comparatives_and_unknown_words() {
        VoiceTraits t = reader.read("Make the voice higher and faster.");
        assertThat(t.pitchSemitones()).isPositive();
        assertThat(t.rate()).isGreaterThan(1);
        assertThat(reader.read("qwerty zxcv lorem ipsum dolor").departure().neutral()).isTrue();
        assertThat(reader.read(null)).isEqualTo(VoiceTraits.NONE);
    }

    @Test
    void preview_texts_fit_the_api_limits() {
        for (String text : PreviewTexts.all()) assertThat(text.length()).isBetween(100, 1000);
        assertThat(PreviewTexts.forTraits(reader.read("a calm soothing meditation guide"))).startsWith("Take a slow");
    }
}
